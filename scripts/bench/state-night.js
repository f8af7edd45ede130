'use strict';
// The incremental nights (issue 13): an export's second night with 1% of its rows changed, at
// 10,000 and 1,000,000 rows. Night 1 builds the state; night 2 (the operator's CLI against a bench
// sandbox in its own process) must cost what changed: its SOAP calls are counted by the sandbox.
// Night 3 reruns the same export: nothing to send, so its rate is the local scan rate.
//
// Night 1 at a million rows without a million HTTP reads: the sync's own runSync (the same record
// pipeline, state step and confirmations as the CLI) with the client replaced by a stand-in that
// answers every read-modify-write "unchanged", which is what a sandbox seeded with the export's
// values answers. At 10,000 rows the bench also runs night 1 for real against the sandbox and
// checks that both states hold the same confirmations (`standInChecked`).
//
// Usage alone: node scripts/bench/state-night.js [--quick] [--json FILE]  (prints the section)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runSync: runSyncInProcess, parseCommandLine } = require('../../dist/src/sync');
const { withSandbox } = require('./sandbox');
const { customer, MERCHANT } = require('./data');
const { runSync } = require('./sync-cli');

const CHANGED_EVERY = 100; // 1% of the rows change on night 2
const HEAP_BOUND_MIB = 32;
const ref = (i) => `BENCH-${String(i).padStart(7, '0')}`;
const referenceOf = (key) => (typeof key === 'number' ? key : 100000 + Number(key.external.slice(6)));
const isChanged = (i) => i % CHANGED_EVERY === 37 % CHANGED_EVERY;

/** A bench customer under the 7-digit keys this section uses (a million of them). */
function benchCustomer(i) {
  return { ...customer(i), ExternalCustomerReference: ref(i) };
}

/** The export: every customer's Email and City; on night 2 the changed rows have a new Email. */
function writeExport(file, rows, night) {
  const out = fs.createWriteStream(file);
  out.write('ExternalCustomerReference,Email,City\n');
  let i = 0;
  return new Promise((resolve, reject) => {
    out.on('error', reject);
    const pump = () => {
      while (i < rows) {
        const c = benchCustomer(i);
        const email = night === 2 && isChanged(i) ? `night2-${i}@example.com` : c.Email;
        const ok = out.write(`${c.ExternalCustomerReference},${email},${c.City}\n`);
        i++;
        if (!ok) return out.once('drain', pump);
      }
      out.end(resolve);
    };
    pump();
  });
}

const standIn = {
  customers: {
    update: async (key) => ({
      outcome: 'unchanged',
      reference: referenceOf(key),
      changes: [],
      metadata: { operation: 'customers.update', attempts: 1, durationMs: 0, httpStatus: 200 },
    }),
  },
  stats: () => ({ calls: 0, logins: 0, retries: 0, sessionRenewals: 0 }),
};

/** Night 1 through the stand-in, into `outDir` (the same identity as the CLI's runs against `url`). */
async function standInNight(input, outDir, url) {
  const parsed = parseCommandLine(
    [input, '--out-dir', outDir, '--restart', '--concurrency', '64', '--progress', 'none'],
    {
      env: { TWOCHECKOUT_MERCHANT_CODE: MERCHANT.code, TWOCHECKOUT_SOAP_URL: url },
      defaultDotenv: false,
    },
  );
  const report = await runSyncInProcess(parsed.settings.sync, { client: standIn });
  if (report.exitCode !== 0) {
    throw new Error(`stand-in night 1 exited ${report.exitCode}: ${JSON.stringify(report.fatal)}`);
  }
  return report;
}

/** The state's confirmations, without their times: key → reference and field hashes. */
function confirmations(stateFile) {
  const Database = require('better-sqlite3');
  const db = new Database(stateFile, { readonly: true });
  try {
    const out = new Map();
    for (const row of db.prepare('SELECT key, reference, fields FROM customers').iterate()) {
      const fields = [];
      // Entries are 13 bytes per field: number (1), hash (8), confirmed at (4); see state-entry.ts.
      for (let o = 0; o < row.fields.length; o += 13) {
        fields.push(`${row.fields[o]}:${row.fields.readDoubleLE(o + 1)}`);
      }
      out.set(row.key, `${row.reference}|${fields.sort().join(',')}`);
    }
    return out;
  } finally {
    db.close();
  }
}

function sameConfirmations(a, b) {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

const soapCalls = (before, after) => after.calls - before.calls;
const opCalls = (stats, op) => stats.operations[op]?.calls ?? 0;

/** One size: night 1 (stand-in), night 2 and night 3 by the CLI against the sandbox. */
async function nightsAt(rows, tmp, log) {
  const dir = fs.mkdtempSync(path.join(tmp, `state-${rows}-`));
  const outDir = path.join(dir, 'out');
  const night1 = path.join(dir, 'night1.csv');
  const night2 = path.join(dir, 'customers.csv');
  await writeExport(night1, rows, 1);
  await writeExport(night2, rows, 2);
  const changed = Math.ceil(rows / CHANGED_EVERY);
  // The sandbox holds every customer night 2 reads: the changed ones, at their night-1 values.
  // (A row the state wrongly failed to confirm would be read, not found, and show as failed.)
  const seeded = [];
  for (let i = 0; i < rows; i++) if (isChanged(i)) seeded.push(benchCustomer(i));
  // At 10,000 rows night 1 also runs for real, so the sandbox holds them all then.
  const real = rows <= 10_000;
  const customers = real ? Array.from({ length: rows }, (_, i) => benchCustomer(i)) : seeded;
  const seedFile = path.join(dir, 'seed.json');
  fs.writeFileSync(seedFile, JSON.stringify({ merchants: [{ ...MERCHANT, customers }] }));
  return withSandbox({ seed: seedFile }, async (sandbox) => {
    log(`state nights at ${rows.toLocaleString('en')} rows: night 1 through the stand-in`);
    const t0 = Date.now();
    await standInNight(night1, outDir, sandbox.url);
    const night1Seconds = (Date.now() - t0) / 1000;
    let standInChecked = null;
    if (real) {
      // The same night for real against the sandbox (every customer read): the same confirmations.
      const realOut = path.join(dir, 'real');
      const r = await runSync(sandbox.url, night1, ['--concurrency', '64'], { outDir: realOut });
      if (r.code !== 0) throw new Error(`real night 1 exited ${r.code}`);
      standInChecked = sameConfirmations(
        confirmations(path.join(outDir, 'state.sqlite')),
        confirmations(path.join(realOut, 'state.sqlite')),
      );
      if (!standInChecked) throw new Error('the stand-in night 1 built another state than the real one');
    }
    log(`state nights at ${rows.toLocaleString('en')} rows: night 2 (${changed} changed rows)`);
    const before2 = await sandbox.stats();
    const n2 = await runSync(sandbox.url, night2, ['--concurrency', '64'], { outDir });
    const after2 = await sandbox.stats();
    if (n2.code !== 0) throw new Error(`night 2 exited ${n2.code}: ${JSON.stringify(n2.report.counts)}`);
    log(`state nights at ${rows.toLocaleString('en')} rows: night 3 (the same export again)`);
    const n3 = await runSync(sandbox.url, night2, ['--concurrency', '64'], { outDir });
    const after3 = await sandbox.stats();
    if (n3.code !== 0) throw new Error(`night 3 exited ${n3.code}`);
    // Night 3 again with the heap bounded: what the process retains, apart from how lazily V8
    // gives back the garbage of a million records (the bound makes it collect sooner).
    const n3b = await runSync(sandbox.url, night2, ['--concurrency', '64'], {
      outDir,
      nodeArgs: [`--max-old-space-size=${HEAP_BOUND_MIB}`],
    });
    if (n3b.code !== 0) throw new Error(`night 3 with a bounded heap exited ${n3b.code}`);
    return {
      rows,
      changed,
      night1Seconds,
      standInChecked,
      night2: {
        soapCalls: soapCalls(before2, after2),
        reads: opCalls(after2, 'getCustomerInformation') - opCalls(before2, 'getCustomerInformation'),
        writes: opCalls(after2, 'updateCustomerInformation') - opCalls(before2, 'updateCustomerInformation'),
        logins: after2.logins - before2.logins,
        counts: n2.report.counts,
        durationMs: n2.report.durationMs,
        maxRssMiB: n2.maxRssKb / 1024,
        cpuMs: n2.cpuMs,
      },
      night3: {
        soapCalls: soapCalls(after2, after3),
        unchangedState: n3.report.counts['unchanged-state'],
        durationMs: n3.report.durationMs,
        rowsPerSecond: rows / (n3.report.durationMs / 1000),
        maxRssMiB: n3.maxRssKb / 1024,
        boundedHeapMaxRssMiB: n3b.maxRssKb / 1024,
        boundedHeapDurationMs: n3b.report.durationMs,
      },
    };
  });
}

/** The section's figures: the nights at each size (the smallest first). */
async function incrementalNights(tmp, { sizes, log }) {
  const nights = [];
  for (const rows of sizes) nights.push(await nightsAt(rows, tmp, log));
  return { changedShare: 1 / CHANGED_EVERY, heapBoundMiB: HEAP_BOUND_MIB, nights };
}

/** The section's targets: [label, figure, met]. */
function stateTargets(s) {
  const f2 = (x) => x.toFixed(2);
  const n = (x) => x.toLocaleString('en');
  const big = s.nights[s.nights.length - 1];
  const small = s.nights[0];
  const bound = 1.05 * 2 * big.changed;
  const growth = big.night2.maxRssMiB / small.night2.maxRssMiB - 1;
  return [
    [
      `second night of ${n(big.rows)} rows, ${n(big.changed)} changed: SOAP calls (counted by the sandbox) ≤ 1.05 × 2 × changed`,
      `${n(big.night2.soapCalls)} ≤ ${n(Math.floor(bound))} (${f2(big.night2.soapCalls / (2 * big.changed))}× of 2 × changed)`,
      big.night2.soapCalls <= bound,
    ],
    [
      `local scan rate ≥ 100k rows/s (${n(big.rows)} rows, the state confirming every one)`,
      `${n(Math.round(big.night3.rowsPerSecond))} rows/s`,
      big.night3.rowsPerSecond >= 100_000,
    ],
    [
      `second night's peak RSS at ${n(big.rows)} rows within 20% of ${n(small.rows)} rows`,
      `${(growth * 100).toFixed(1)}% (${big.night2.maxRssMiB.toFixed(1)} vs ${small.night2.maxRssMiB.toFixed(1)} MiB)`,
      growth <= 0.2,
    ],
  ];
}

/** The section (Markdown lines) for BENCHMARKS.md. */
function renderStateSection(
  s,
  heading = '## 6. Incremental nights (the sync state, concurrency 64, no latency)',
) {
  const n = (x) => x.toLocaleString('en');
  const f1 = (x) => x.toFixed(1);
  const lines = [heading, ''];
  lines.push(
    `An export's second night with ${(s.changedShare * 100).toFixed(0)}% of its rows changed (a new Email), by the CLI against the`,
    'bench sandbox; SOAP calls as the sandbox counted them. Night 1 built the state through the sync itself with a',
    "stand-in client answering every record unchanged (what the sandbox answers for the export's own values); at",
    `${n(s.nights[0].rows)} rows night 1 also ran for real against the sandbox and built the same confirmations. Night 3 reruns the`,
    'same export: nothing to send, so its rate is the local scan rate (read, parse, hash, look up, journal, results);',
    `then once more under \`node --max-old-space-size=${s.heapBoundMiB}\`, which shows what the process retains apart from how`,
    'lazily V8 collects the garbage of a million records.',
    '',
    `| rows | changed | night 2 SOAP calls | reads | writes | logins | night 2 | night 2 peak RSS | night 3 (scan) | scan rate | night 3 peak RSS | same, heap ≤ ${s.heapBoundMiB} MiB |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const x of s.nights) {
    lines.push(
      `| ${n(x.rows)} | ${n(x.changed)} | ${n(x.night2.soapCalls)} | ${n(x.night2.reads)} | ${n(x.night2.writes)} | ${x.night2.logins} | ` +
        `${f1(x.night2.durationMs / 1000)} s | ${f1(x.night2.maxRssMiB)} MiB | ${f1(x.night3.durationMs / 1000)} s | ${n(Math.round(x.night3.rowsPerSecond))} rows/s | ` +
        `${f1(x.night3.maxRssMiB)} MiB | ${f1(x.night3.boundedHeapMaxRssMiB)} MiB (${f1(x.night3.boundedHeapDurationMs / 1000)} s) |`,
    );
  }
  lines.push('');
  return lines;
}

module.exports = { incrementalNights, renderStateSection, stateTargets, writeExport, standInNight };

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  const jsonIndex = process.argv.indexOf('--json');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheckout-bench-state-'));
  const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
  incrementalNights(tmp, { sizes: quick ? [10_000, 100_000] : [10_000, 1_000_000], log })
    .then((s) => {
      if (jsonIndex > 0) fs.writeFileSync(process.argv[jsonIndex + 1], JSON.stringify(s, null, 2));
      const lines = renderStateSection(s);
      lines.push('| target | figure | verdict |', '|---|---|---|');
      for (const [label, figure, ok] of stateTargets(s)) {
        lines.push(`| ${label} | ${figure} | ${ok ? '**met**' : '**missed**'} |`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    })
    .catch((e) => {
      process.stderr.write(`bench: ${e.stack || e.message}\n`);
      process.exitCode = 1;
    })
    .finally(() => fs.rmSync(tmp, { recursive: true, force: true }));
}
