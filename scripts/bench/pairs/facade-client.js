'use strict';
// Our facade: customers.update (read, validate, diff, write; typed results, session, retries).
const readline = require('node:readline');
const { createTwoCheckoutClient } = require('../../../dist/src');

const [url, merchantCode, secretKey, customersArg, offsetArg, engine = 'codec'] = process.argv.slice(2);
const customers = Number(customersArg);
const offset = Number(offsetArg);

async function main() {
  const client = createTwoCheckoutClient({ merchantCode, secretKey, url, engine, proxy: null });
  await client.customers.get(100000);
  let round = 0;
  let n = offset;
  process.stdout.write('ready\n');
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line === 'exit') break;
    const count = Number(line.split(' ')[1]);
    round++;
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < count; i++, n++) {
      const r = await client.customers.update(100000 + (n % customers), {
        Email: `${engine}${round}-${i}@example.com`,
      });
      if (r.outcome !== 'updated') throw new Error(`unexpected outcome ${r.outcome}`);
    }
    const used = process.cpuUsage(cpu);
    process.stdout.write(`cpu ${(used.user + used.system) / 1000} wall ${performance.now() - t0}\n`);
  }
  await client.close();
}

main().catch((err) => {
  process.stderr.write(`facade client: ${err.stack}\n`);
  process.exit(1);
});
