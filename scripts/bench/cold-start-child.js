'use strict';
// Measured by cold-start.js: a fresh process that loads the package and makes its first call.
const { createTwoCheckoutClient } = require('../../dist/src');

const [url, merchantCode, secretKey] = process.argv.slice(2);
const client = createTwoCheckoutClient({ merchantCode, secretKey, url });
client.customers
  .get(100000)
  .then(async () => {
    process.stdout.write(`ok ${Math.round(performance.now())}\n`);
    await client.close();
  })
  .catch((err) => {
    process.stderr.write(`first call failed: ${err.message}\n`);
    process.exit(1);
  });
