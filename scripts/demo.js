#!/usr/bin/env node
// `npm run demo`: the nightly sync against the bundled sandbox. Starts the sandbox with its seed data
// on a free local port, runs `twocheckout-sync` over examples/customers.csv with the sandbox's demo
// credentials (environment only: no .env, no network). The sync's own end-of-run summary gives the
// counts and where the files are; the demo adds every change and its verdict, and repeats neither
// (the sync runs at --log-level warn, so its INFO lines do not repeat them either).
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'src', 'sync', 'cli.js');
const sandboxModule = path.join(root, 'dist', 'src', 'sandbox', 'index.js');
const input = path.join(root, 'examples', 'customers.csv');
const outDir = path.join(process.cwd(), 'sync-out', 'demo');

// What examples/customers.csv is built to produce against the seed data.
const EXPECTED = { invalid: 1, failed: 0 };

function runSync(url) {
  // An empty env file: a developer's own .env (proxy, CA, another merchant) must not leak into the demo.
  const emptyEnv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'twocheckout-demo-')), 'empty.env');
  fs.writeFileSync(emptyEnv, '');
  const env = {
    ...process.env,
    TWOCHECKOUT_MERCHANT_CODE: 'DEMO',
    TWOCHECKOUT_SECRET_KEY: 'DEMO_SECRET_KEY',
    TWOCHECKOUT_SOAP_URL: url,
    TWOCHECKOUT_PROXY: '',
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
  const args = [
    cli,
    input,
    '--out-dir',
    outDir,
    '--restart',
    // Every demo starts a fresh sandbox from its seed, so what an earlier demo confirmed (the
    // state in sync-out/demo) is not in it: re-read everything and write the state afresh, as an
    // operator does after 2Checkout's data was restored.
    '--full',
    '--dotenv',
    emptyEnv,
    '--progress',
    'none',
    '--log-level',
    'warn',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      fs.rmSync(path.dirname(emptyEnv), { recursive: true, force: true });
      resolve(code ?? (signal ? 2 : 0));
    });
  });
}

async function main() {
  if (!fs.existsSync(cli) || !fs.existsSync(sandboxModule)) {
    console.error('demo: dist/ is missing; build first with `npm run build` (npm ci does it).');
    return 2;
  }
  const { startSandbox } = require(sandboxModule);
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0 });
  let code;
  try {
    console.log(`demo: sandbox running at ${sandbox.url} (merchant DEMO, seed data)`);
    console.log(`demo: twocheckout-sync ${path.relative(process.cwd(), input)}\n`);
    code = await runSync(sandbox.url);
  } finally {
    await sandbox.stop();
  }
  const reportFile = path.join(outDir, 'report.json');
  if (!fs.existsSync(reportFile)) {
    console.error(`\ndemo: the sync wrote no report (exit ${code})`);
    return code || 2;
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  console.log('\nChanges applied (also in the results file):');
  for (const c of [...report.changes].sort((a, b) => a.line - b.line)) {
    console.log(`  line ${c.line} ${c.key}: ${c.field} ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`);
  }
  const t = report.totals;
  if (code === 1 && t.invalid === EXPECTED.invalid && t.failed === EXPECTED.failed && t.updated > 0) {
    console.log(
      `\ndemo: OK. The sync exited 1 because examples/customers.csv has one deliberately invalid row;` +
        ` it is in the dead-letter file with the reason. A real nightly run exits 0 when every record is fine.`,
    );
    return 0;
  }
  console.error(`\ndemo: unexpected result (sync exit ${code}, totals ${JSON.stringify(t)})`);
  return code || 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`demo: ${e && e.stack ? e.stack : e}`);
    process.exitCode = 2;
  },
);
