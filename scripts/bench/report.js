'use strict';
// Renders one bench run as BENCHMARKS.md. Verdicts are computed from the figures, never typed in.

const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const f3 = (x) => x.toFixed(3);
const verdict = (ok, miss) => (ok ? '**met**' : `**missed** (${miss})`);

function renderReport(r) {
  const top = r.levels[r.levels.length - 1];
  const fractionTop = top.perSecond / top.ideal;
  const ratioTop = top.perSecond / r.naive.perSecond;
  const mem = r.memory;
  const memGrowth = mem[1].maxRssMiB / mem[0].maxRssMiB - 1;
  const s = r.sessions;
  const lines = [];
  const w = (l = '') => lines.push(l);

  w('# Benchmarks');
  w();
  w(
    `Measured by \`npm run bench\`${r.quick ? ' **(--quick: smaller sizes, not the reference figures)**' : ''} in one run of ${r.benchSeconds.toFixed(0)} s.`,
  );
  w(
    'Every figure is against the bundled sandbox running in a separate process on the same machine (loopback),',
  );
  w("so client CPU and memory are measured apart from the server's.");
  w();
  w('| machine | |');
  w('|---|---|');
  w(`| CPU | ${r.machine.cpu} (${r.machine.cores} cores) |`);
  w(`| memory | ${r.machine.memoryGiB} GiB |`);
  w(`| Node.js | ${r.machine.node} |`);
  w(`| OS | ${r.machine.platform} |`);
  w(`| date | ${r.machine.date} |`);
  w(`| commit | ${r.machine.commit} |`);
  w();
  w('## Targets');
  w();
  w('| target | measured | verdict |');
  w('|---|---|---|');
  w(
    `| concurrency ${top.concurrency}: ≥ 90% of ideal throughput | ${f1(fractionTop * 100)}% | ${verdict(fractionTop >= 0.9, `by ${f1((0.9 - fractionTop) * 100)} points`)} |`,
  );
  w(
    `| concurrency ${top.concurrency}: ≥ 40× the vendor-sample flow | ${f1(ratioTop)}× | ${verdict(ratioTop >= 40, `by ${f1(40 - ratioTop)}×`)} |`,
  );
  w(
    `| facade CPU ≤ 1.15× the raw generated stub | ${f2(r.cpu.ratio)}× | ${verdict(r.cpu.ratio <= 1.15, `by ${f2(r.cpu.ratio - 1.15)}×`)} |`,
  );
  w(
    `| cold start to first call ≤ 500 ms | ${r.cold.medianMs} ms (median) | ${verdict(r.cold.medianMs <= 500, `by ${r.cold.medianMs - 500} ms`)} |`,
  );
  w(
    `| peak RSS at ${mem[1].rows.toLocaleString('en')} rows within 20% of ${mem[0].rows.toLocaleString('en')} | ${f1(memGrowth * 100)}% | ${verdict(memGrowth <= 0.2, `by ${f1((memGrowth - 0.2) * 100)} points`)} |`,
  );
  w(
    `| logins ≤ ⌈duration ÷ renewal interval⌉ + 1 | ${s.logins} (expected ${s.expected}, at most ${s.expected + 1}) | ${verdict(s.logins <= s.expected + 1 && s.failures === 0, `${s.logins} logins, ${s.failures} failed calls`)} |`,
  );
  w();
  w(`## 1. Sync throughput (${r.latencyMs} ms injected per call)`);
  w();
  w('`twocheckout-sync` (the compiled CLI, as an operator runs it) updating the Email of customers,');
  w("each update a read and a write. Rate = updated records ÷ the run's own duration from its report.");
  w(
    `Ideal = concurrency ÷ (2 × ${r.latencyMs} ms). Lower concurrency levels are time-boxed to fewer records.`,
  );
  w();
  w('| concurrency | records | duration | updates/s | ideal | of ideal | × naive | logins |');
  w('|---|---|---|---|---|---|---|---|');
  for (const l of r.levels) {
    w(
      `| ${l.concurrency} | ${l.updated.toLocaleString('en')} | ${f1(l.durationMs / 1000)} s | ${f1(l.perSecond)} | ${f1(l.ideal)} | ${f1((l.perSecond / l.ideal) * 100)}% | ${f1(l.perSecond / r.naive.perSecond)}× | ${l.logins} |`,
    );
  }
  w();
  w(
    `Naive flow of the vendor's samples (per record: new SOAP client from \`?wsdl\`, login, read, update; sequential),`,
  );
  w(
    `measured in the same run over ${r.naive.records} records: **${f2(r.naive.perSecond)} updates/s** (${f1(r.naive.seconds)} s).`,
  );
  w();
  w('## 2. CPU cost per read+update pair (no injected latency)');
  w();
  w('Client-process CPU (user + system) per pair at concurrency 8. Facade = `client.customers.update()`');
  w('(read, validate, diff, write, normalized results, session, retry bookkeeping). Raw = the generated');
  w("stub's `getCustomerInformationAsync` + `updateCustomerInformationAsync` with a hand-built customer.");
  w('Rounds alternate raw and facade; the median is reported.');
  w();
  w('| | median ms/pair | all rounds |');
  w('|---|---|---|');
  w(`| raw generated stub | ${f3(r.cpu.rawMedian)} | ${r.cpu.raw.map(f3).join(', ')} |`);
  w(`| facade | ${f3(r.cpu.facadeMedian)} | ${r.cpu.facade.map(f3).join(', ')} |`);
  w(`| **ratio** | **${f2(r.cpu.ratio)}×** | |`);
  w();
  w('## 3. Cold start');
  w();
  w(`A fresh \`node\` process requires the compiled package, creates a client and makes its first call`);
  w(`(login + getCustomerInformation), the vendored WSDL's load and parse included. Time from process`);
  w(`start (the child's \`performance.now()\`) to the first result, over ${r.cold.runs} runs:`);
  w(
    `median **${r.cold.medianMs} ms**, worst ${r.cold.maxMs} ms (spawn to exit, as seen by the parent: median ${Math.round(r.cold.medianSpawnToExitMs)} ms).`,
  );
  w();
  w('## 4. Memory (dry-run sync, concurrency 32)');
  w();
  w('| rows | peak RSS | duration | planned |');
  w('|---|---|---|---|');
  for (const m of mem)
    w(
      `| ${m.rows.toLocaleString('en')} | ${f1(m.maxRssMiB)} MiB | ${f1(m.durationMs / 1000)} s | ${m.planned.toLocaleString('en')} |`,
    );
  w();
  w(
    `Growth from ${mem[0].rows.toLocaleString('en')} to ${mem[1].rows.toLocaleString('en')} rows: ${f1(memGrowth * 100)}%.`,
  );
  w();
  w('## 5. Sessions');
  w();
  w(
    `A ${f1(s.elapsedMs / 1000)} s run of reads at concurrency 4 with ${s.ttlMs} ms sessions (sandbox and client) and a`,
  );
  w(
    `${s.renewMarginMs} ms renewal margin (renewal interval ${s.renewalIntervalMs} ms): **${s.logins} logins** for ${s.calls} calls,`,
  );
  w(`${s.failures} failed calls; expected ⌈duration ÷ renewal interval⌉ = ${s.expected}, plus at most one.`);
  w();
  w('## Reproduce');
  w();
  w('```sh');
  w('npm ci');
  w('npm run bench            # about 3 minutes on the machine above; rewrites this file');
  w('npm run bench -- --quick # a smaller smoke run (writes this file too; do not commit its figures)');
  w('```');
  w();
  w('What each figure means and how it is measured: [docs/bench.md](docs/bench.md).');
  return lines.join('\n') + '\n';
}

module.exports = { renderReport };
