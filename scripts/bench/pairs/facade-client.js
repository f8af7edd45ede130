'use strict';
// Our facade: customers.update (read, validate, diff, write; typed results, session, retries).
const { createTwoCheckoutClient } = require('../../../dist/src');
const { serveRounds } = require('./line-protocol');

const [url, merchantCode, secretKey, customersArg, offsetArg, engine = 'codec'] = process.argv.slice(2);
const customers = Number(customersArg);
const offset = Number(offsetArg);

async function main() {
  const client = createTwoCheckoutClient({ merchantCode, secretKey, url, engine, proxy: null });
  await client.customers.get(100000);
  let n = offset;
  await serveRounds(async (count, round) => {
    for (let i = 0; i < count; i++, n++) {
      const r = await client.customers.update(100000 + (n % customers), {
        Email: `${engine}${round}-${i}@example.com`,
      });
      if (r.outcome !== 'updated') throw new Error(`unexpected outcome ${r.outcome}`);
    }
  });
  await client.close();
}

main().catch((err) => {
  process.stderr.write(`facade client: ${err.stack}\n`);
  process.exit(1);
});
