'use strict';
// The sandbox's own CPU per getCustomerInformation + updateCustomerInformation pair, as the sync
// drives it: our facade's customers.update (by ExternalCustomerReference, the Email changed) from
// this process at a given concurrency, the sandbox in a child process (scripts/bench/sandbox-child.js)
// whose CPU (process.cpuUsage, user + system) is read over IPC before and after each round, so the
// load generator's own CPU never counts. With --baseline DIR a second sandbox built elsewhere (for
// example an older commit's dist/) is measured in the same run, rounds alternating, so the two are
// compared like for like on a busy machine.
//
//   npm run build
//   node scripts/bench/sandbox-load.js [--pairs 3000] [--rounds 5] [--concurrency 32]
//     [--latency-ms 0] [--baseline /path/to/other/checkout] [--cpu-prof DIR]
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { startChildSandbox } = require('./sandbox');
const { seed, MERCHANT } = require('./data');
const { createTwoCheckoutClient } = require('../../dist/src');

const { values: flags } = parseArgs({
  options: {
    pairs: { type: 'string', default: '3000' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '32' },
    'latency-ms': { type: 'string', default: '0' },
    customers: { type: 'string', default: '5000' },
    baseline: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
const PAIRS = Number(flags.pairs);
const ROUNDS = Number(flags.rounds);
const CONCURRENCY = Number(flags.concurrency);
const LATENCY_MS = Number(flags['latency-ms']);
const CUSTOMERS = Number(flags.customers);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function start(label, root, seedFile, profileDir) {
  const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const options = { seed: seedFile, faults: LATENCY_MS > 0 ? { latencyMs: LATENCY_MS } : undefined };
  const sandbox = await startChildSandbox(options, { root, execArgv });
  const client = createTwoCheckoutClient({
    merchantCode: MERCHANT.code,
    secretKey: MERCHANT.secretKey,
    url: sandbox.url,
    proxy: null,
    maxSockets: CONCURRENCY,
  });
  await client.customers.get({ external: 'BENCH-000000' }); // login
  return { label, sandbox, client, next: 0, rounds: [] };
}

async function round(target, pairs, tag) {
  const before = await target.sandbox.cpuMs();
  let issued = 0;
  const worker = async () => {
    while (issued < pairs) {
      const i = issued++;
      const n = target.next++ % CUSTOMERS;
      const r = await target.client.customers.update(
        { external: `BENCH-${String(n).padStart(6, '0')}` },
        { Email: `${tag}-${i}@example.com` },
      );
      if (r.outcome !== 'updated') throw new Error(`unexpected outcome ${r.outcome}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pairs) }, worker));
  return ((await target.sandbox.cpuMs()) - before) / pairs;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-load-'));
  const seedFile = path.join(tmp, 'seed.json');
  fs.writeFileSync(seedFile, JSON.stringify(seed(CUSTOMERS)));
  const targets = [await start('this checkout', undefined, seedFile, flags['cpu-prof'])];
  if (flags.baseline) targets.push(await start(`baseline ${flags.baseline}`, flags.baseline, seedFile));
  try {
    for (const t of targets) await round(t, Math.min(PAIRS, 1000), 'warmup');
    for (let r = 0; r < ROUNDS; r++) {
      for (const t of targets) t.rounds.push(await round(t, PAIRS, `r${r}`));
    }
  } finally {
    for (const t of targets) {
      await t.client.close();
      await t.sandbox.stop();
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(
    `sandbox CPU per get + update pair: ${PAIRS} pairs x ${ROUNDS} rounds, concurrency ${CONCURRENCY}, ` +
      `latency ${LATENCY_MS} ms, ${os.cpus().length} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  for (const t of targets) {
    console.log(
      `  ${t.label}: median ${median(t.rounds).toFixed(3)} ms (rounds ${t.rounds.map((x) => x.toFixed(3)).join(', ')})`,
    );
  }
  if (targets.length === 2)
    console.log(
      `  ratio this / baseline: ${(median(targets[0].rounds) / median(targets[1].rounds)).toFixed(2)}`,
    );
}

main().catch((err) => {
  console.error(`sandbox-load: ${err.stack}`);
  process.exit(1);
});
