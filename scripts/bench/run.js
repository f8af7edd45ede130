#!/usr/bin/env node
'use strict';
// npm run bench: every figure of BENCHMARKS.md, measured in one run against sandboxes running in
// child processes. Usage: node scripts/bench/run.js [--quick] [--out FILE]
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startChildSandbox } = require('./sandbox');
const { seed, writeEmailChanges, MERCHANT } = require('./data');
const { runSync } = require('./sync-cli');
const { naiveThroughput } = require('./naive-flow');
const { cpuCost } = require('./cpu');
const { coldStart } = require('./cold-start');
const { sessionRun } = require('./sessions');
const { renderReport } = require('./report');

const quick = process.argv.includes('--quick');
const outIndex = process.argv.indexOf('--out');
const OUT = outIndex > 0 ? process.argv[outIndex + 1] : path.resolve(__dirname, '..', '..', 'BENCHMARKS.md');

const LATENCY_MS = 50;
const CUSTOMERS = 5_000;
const PLAN = quick
  ? {
      levels: [
        [1, 20],
        [8, 160],
        [32, 640],
      ],
      naive: 5,
      cpuPairs: 300,
      cpuRounds: 3,
      cold: 3,
      memRows: [2_000, 20_000],
      sessionMs: 4_000,
    }
  : {
      levels: [
        [1, 200],
        [8, 1_500],
        [32, 5_000],
      ],
      naive: 40,
      cpuPairs: 2_000,
      cpuRounds: 5,
      cold: 9,
      memRows: [10_000, 200_000],
      sessionMs: 10_000,
    };

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

function machine() {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    commit,
  };
}

async function withSandbox(options, fn) {
  const sandbox = await startChildSandbox(options);
  try {
    return await fn(sandbox);
  } finally {
    await sandbox.stop();
  }
}

async function throughput(tmp) {
  const seedFile = path.join(tmp, 'seed.json');
  fs.writeFileSync(seedFile, JSON.stringify(seed(CUSTOMERS)));
  return withSandbox({ seed: seedFile, faults: { latencyMs: LATENCY_MS } }, async (sandbox) => {
    const levels = [];
    for (const [concurrency, rows] of PLAN.levels) {
      const input = path.join(tmp, `c${concurrency}.csv`);
      await writeEmailChanges(input, rows, CUSTOMERS, `c${concurrency}`);
      log(`sync throughput: ${rows} updates at concurrency ${concurrency}, ${LATENCY_MS} ms per call`);
      const { code, report } = await runSync(sandbox.url, input, ['--concurrency', String(concurrency)]);
      if (code !== 0) throw new Error(`sync at concurrency ${concurrency} exited ${code}`);
      const perSecond = report.counts.updated / (report.durationMs / 1000);
      const ideal = concurrency / (2 * (LATENCY_MS / 1000));
      levels.push({
        concurrency,
        rows,
        updated: report.counts.updated,
        durationMs: report.durationMs,
        perSecond,
        ideal,
        logins: report.client.logins,
      });
    }
    log(`naive vendor-sample flow: ${PLAN.naive} records`);
    const naive = await naiveThroughput(sandbox.url, PLAN.naive, 100000 + CUSTOMERS - PLAN.naive);
    return { levels, naive };
  });
}

async function cpuColdMemory(tmp) {
  const seedFile = path.join(tmp, 'seed.json');
  return withSandbox({ seed: seedFile }, async (sandbox) => {
    log(`CPU cost: ${PLAN.cpuRounds} rounds of ${PLAN.cpuPairs} read+update pairs, facade vs raw stub`);
    const cpu = await cpuCost(sandbox.url, {
      customers: CUSTOMERS,
      pairs: PLAN.cpuPairs,
      rounds: PLAN.cpuRounds,
    });
    log(`cold start: ${PLAN.cold} fresh processes`);
    const cold = await coldStart(sandbox.url, PLAN.cold);
    const memory = [];
    for (const rows of PLAN.memRows) {
      const input = path.join(tmp, `mem-${rows}.csv`);
      await writeEmailChanges(input, rows, CUSTOMERS, 'mem');
      log(`memory: dry-run sync over ${rows} rows`);
      const { code, report, maxRssKb } = await runSync(
        sandbox.url,
        input,
        ['--dry-run', '--concurrency', '32'],
        { measureRss: true },
      );
      if (code !== 0) throw new Error(`dry-run over ${rows} rows exited ${code}`);
      memory.push({
        rows,
        maxRssMiB: maxRssKb / 1024,
        durationMs: report.durationMs,
        planned: report.counts.planned,
      });
    }
    return { cpu, cold, memory };
  });
}

async function sessions() {
  const ttlMs = 2_000;
  const renewMarginMs = 500;
  return withSandbox(
    {
      merchants: [MERCHANT],
      seed: { merchants: [{ ...MERCHANT, customers: seed(50).merchants[0].customers }] },
      sessionTtlMs: ttlMs,
    },
    async (sandbox) => {
      log(`sessions: ${PLAN.sessionMs} ms of calls with ${ttlMs} ms sessions`);
      return sessionRun(sandbox.url, {
        ttlMs,
        renewMarginMs,
        durationMs: PLAN.sessionMs,
        concurrency: 4,
        customers: 50,
      });
    },
  );
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheckout-bench-'));
  const started = Date.now();
  try {
    const info = machine();
    const tp = await throughput(tmp);
    const ccm = await cpuColdMemory(tmp);
    const ses = await sessions();
    const results = {
      machine: info,
      quick,
      latencyMs: LATENCY_MS,
      ...tp,
      ...ccm,
      sessions: ses,
      benchSeconds: (Date.now() - started) / 1000,
    };
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
