#!/usr/bin/env node
'use strict';
// npm run bench: every figure of BENCHMARKS.md, measured side by side in one run against sandboxes
// running in child processes. Usage: node scripts/bench/run.js [--quick] [--out FILE]. One section alone,
// without touching BENCHMARKS.md: node scripts/bench/state-night.js [--quick] (the incremental nights).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile, execFileSync } = require('node:child_process');
const { withSandbox } = require('./sandbox');
const { seed, writeEmailChanges, MERCHANT } = require('./data');
const { runSync } = require('./sync-cli');
const { cpuPerPair } = require('./cpu');
const { coldStart } = require('./cold-start');
const { profileFacade } = require('./profile');
const { renderReport } = require('./report');
const { loginsUnderConcurrency } = require('./logins');
const { incrementalNights } = require('./state-night');

const quick = process.argv.includes('--quick');
const outIndex = process.argv.indexOf('--out');
const OUT = outIndex > 0 ? process.argv[outIndex + 1] : path.resolve(__dirname, '..', '..', 'BENCHMARKS.md');

const LATENCY_MS = 50;
const CUSTOMERS = 5_000;
const PLAN = quick
  ? {
      pairs: 300,
      rounds: 3,
      warmup: 200,
      profilePairs: 1000,
      cold: 3,
      levels: [
        [1, 30],
        [32, 480],
        [128, 1920],
        [256, 3840],
      ],
      vendor: 5,
      memRows: [10_000, 100_000],
      memValidEvery: 20,
      stateRows: [10_000, 100_000],
    }
  : {
      pairs: 1500,
      rounds: 5,
      warmup: 500,
      profilePairs: 3000,
      cold: 7,
      levels: [
        [1, 100],
        [32, 1920],
        [128, 7680],
        [256, 15360],
      ],
      vendor: 20,
      memRows: [10_000, 1_000_000],
      memValidEvery: 20,
      stateRows: [10_000, 1_000_000],
    };

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

function machine() {
  let commit = 'unknown';
  let dirty = false;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    dirty =
      execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !==
      '';
  } catch {
    // not a git checkout
  }
  const load = os.loadavg();
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    php: execFileSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' }),
    platform: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    commit: dirty ? `${commit} (with uncommitted changes)` : commit,
    loadAtStart: load.map((l) => l.toFixed(2)).join(' '),
  };
}

function vendorFlow(url, records) {
  return new Promise((resolve, reject) => {
    execFile(
      'php',
      [
        path.join(__dirname, 'php', 'vendor-flow.php'),
        url,
        MERCHANT.code,
        MERCHANT.secretKey,
        String(100000 + CUSTOMERS - records),
        String(records),
      ],
      { timeout: 600_000 },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`vendor flow failed: ${stderr || err.message}`));
        const [n, seconds] = stdout.trim().split(' ').map(Number);
        resolve({ records: n, seconds, perSecond: n / seconds });
      },
    );
  });
}

async function throughput(tmp, seedFile) {
  // The sandbox's default cap of 128 connections would refuse the c=256 run's sockets with 503s.
  const maxConnections = 2 * Math.max(...PLAN.levels.map(([c]) => c));
  return withSandbox(
    { seed: seedFile, faults: { latencyMs: LATENCY_MS }, maxConnections },
    async (sandbox) => {
      const levels = [];
      const oneRow = path.join(tmp, 'one.csv');
      await writeEmailChanges(oneRow, 1, CUSTOMERS, 'one');
      const base = await runSync(sandbox.url, oneRow, ['--concurrency', '1']);
      for (const [concurrency, rows] of PLAN.levels) {
        const input = path.join(tmp, `c${concurrency}.csv`);
        await writeEmailChanges(input, rows, CUSTOMERS, `c${concurrency}`);
        log(`sync throughput: ${rows} updates at concurrency ${concurrency}, ${LATENCY_MS} ms per call`);
        const serverBefore = await sandbox.cpuMs();
        const { code, report, cpuMs } = await runSync(sandbox.url, input, [
          '--concurrency',
          String(concurrency),
        ]);
        const serverMs = (await sandbox.cpuMs()) - serverBefore;
        if (code !== 0) throw new Error(`sync at concurrency ${concurrency} exited ${code}`);
        levels.push({
          concurrency,
          rows,
          updated: report.counts.updated,
          durationMs: report.durationMs,
          perSecond: report.counts.updated / (report.durationMs / 1000),
          ideal: concurrency / (2 * (LATENCY_MS / 1000)),
          logins: report.client.logins,
          cpuPerRecordMs: (cpuMs - base.cpuMs) / Math.max(1, report.counts.updated - 1),
          serverCpuPerRecordMs: serverMs / Math.max(1, report.counts.updated),
        });
      }
      log(
        'logins: 1,000 concurrent calls on a fresh client, then 1,000 after the sandbox expires the sessions',
      );
      const logins = await loginsUnderConcurrency(sandbox, { calls: 1000, customers: CUSTOMERS });
      log(`vendor flow run by PHP: ${PLAN.vendor} records`);
      const vendor = await vendorFlow(sandbox.url, PLAN.vendor);
      return { levels, vendor, logins };
    },
  );
}

async function withoutLatency(tmp, seedFile) {
  return withSandbox({ seed: seedFile }, async (sandbox) => {
    log(`CPU per pair: ${PLAN.rounds} rounds of ${PLAN.pairs} sequential pairs per client`);
    const cpu = await cpuPerPair(sandbox.url, {
      customers: CUSTOMERS,
      pairs: PLAN.pairs,
      rounds: PLAN.rounds,
      warmup: PLAN.warmup,
      log,
    });
    log(`profile: the facade under --cpu-prof, ${PLAN.profilePairs} pairs`);
    const profile = await profileFacade(sandbox.url, { customers: CUSTOMERS, pairs: PLAN.profilePairs });
    log(`cold start: ${PLAN.cold} fresh processes per variant`);
    const cold = await coldStart(sandbox.url, PLAN.cold);
    const memory = [];
    for (const rows of PLAN.memRows) {
      const input = path.join(tmp, `mem-${rows}.csv`);
      await writeEmailChanges(input, rows, CUSTOMERS, 'mem', PLAN.memValidEvery);
      log(`memory: dry-run sync over ${rows} rows (every ${PLAN.memValidEvery}th a valid change)`);
      const { code, report, maxRssKb } = await runSync(sandbox.url, input, [
        '--dry-run',
        '--concurrency',
        '64',
      ]);
      // Exit 1: the refused rows are reported and dead-lettered, as they should be.
      if (code !== 1 || report.counts.invalid + report.counts.planned !== rows) {
        throw new Error(`dry-run over ${rows} rows exited ${code}`);
      }
      memory.push({
        rows,
        maxRssMiB: maxRssKb / 1024,
        durationMs: report.durationMs,
        planned: report.counts.planned,
        invalid: report.counts.invalid,
      });
    }
    return { cpu, profile, cold, memory };
  });
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheckout-bench-'));
  const started = Date.now();
  try {
    const info = machine();
    const seedFile = path.join(tmp, 'seed.json');
    fs.writeFileSync(seedFile, JSON.stringify(seed(CUSTOMERS)));
    const a = await withoutLatency(tmp, seedFile);
    const b = await throughput(tmp, seedFile);
    log(
      `incremental nights: ${PLAN.stateRows.map((x) => x.toLocaleString('en')).join(' and ')} rows, 1% changed`,
    );
    const state = await incrementalNights(tmp, { sizes: PLAN.stateRows, log });
    const results = {
      machine: info,
      quick,
      latencyMs: LATENCY_MS,
      memValidEvery: PLAN.memValidEvery,
      ...a,
      ...b,
      state,
      benchSeconds: (Date.now() - started) / 1000,
    };
    results.machine.loadAtEnd = os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    fs.writeFileSync(OUT, renderReport(results));
    log(`wrote ${OUT} in ${results.benchSeconds.toFixed(0)} s`);
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench: ${err.stack || err.message}\n`);
  process.exit(1);
});
