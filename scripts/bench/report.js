'use strict';
// Renders one bench run as BENCHMARKS.md. Verdicts are computed from the figures, never typed in.

const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const n = (x) => x.toLocaleString('en');
const verdict = (ok) => (ok ? '**met**' : '**missed**');

const { renderStateSection, stateTargets } = require('./state-night');

function renderReport(r) {
  const c = r.cpu.clients;
  const php = c.php.cpuPerPair;
  const floor = c.floor.cpuPerPair;
  const facade = c.facade.cpuPerPair;
  const facadeVsFloor = facade / floor;
  const facadeVsPhp = facade / php;
  const bare = r.cold.variants.bareNode.medianMs;
  const ours = r.cold.variants.ours.medianMs;
  const top = r.levels[r.levels.length - 1];
  const base = r.levels[0];
  const topShare = top.perSecond / top.ideal;
  // The target holds for every concurrency from 32 up, so the verdict takes the worst of them.
  const scaled = r.levels.filter((l) => l.concurrency >= 32);
  const worst = scaled.reduce((a, l) => (l.perSecond / l.ideal < a.perSecond / a.ideal ? l : a), top);
  const worstShare = worst.perSecond / worst.ideal;
  const lg = r.logins;
  const loginsOk = (x) => x.logins === 1 && x.failed === 0;
  const syncVsPair = top.cpuPerRecordMs / facade;
  const mem = r.memory;
  const memGrowth = mem[mem.length - 1].maxRssMiB / mem[0].maxRssMiB - 1;
  const targets = [
    [
      'facade CPU per pair ≤ 1.2× the minimal Node client',
      `${f2(facadeVsFloor)}× (${f2(facade)} vs ${f2(floor)} ms)`,
      facadeVsFloor <= 1.2,
    ],
    [
      'stretch: facade CPU per pair ≤ 2× PHP SoapClient',
      `${f2(facadeVsPhp)}× (${f2(facade)} vs ${f2(php)} ms)`,
      facadeVsPhp <= 2,
    ],
    [
      'cold start ≤ bare `node -e 0` + 150 ms',
      `${Math.round(ours)} ms vs ${Math.round(bare)} ms + 150`,
      ours <= bare + 150,
    ],
    [
      `sync at c=${scaled.map((l) => l.concurrency).join(', ')}, ${r.latencyMs} ms latency: each ≥ 90% of ideal`,
      `lowest ${pct(worstShare)} (c=${worst.concurrency}); ${scaled.map((l) => pct(l.perSecond / l.ideal)).join(', ')}`,
      worstShare >= 0.9,
    ],
    [
      `one login serves ${n(lg.cold.calls)} concurrent calls (and one renewal after the sessions expire)`,
      `${lg.cold.logins} login, ${lg.cold.failed} failed; renewal: ${lg.renewal.logins} login, ${lg.renewal.failed} failed`,
      loginsOk(lg.cold) && loginsOk(lg.renewal),
    ],
    [
      `client CPU per record in the sync (c=${top.concurrency}) ≤ 1.2× the facade's pair`,
      `${f2(syncVsPair)}× (${f2(top.cpuPerRecordMs)} vs ${f2(facade)} ms)`,
      syncVsPair <= 1.2,
    ],
    [
      `peak RSS of a ${n(mem[mem.length - 1].rows)}-row dry run within 20% of ${n(mem[0].rows)} rows (the previous bench's bound; issue 10 sets none)`,
      pct(memGrowth),
      memGrowth <= 0.2,
    ],
  ];
  if (r.state) targets.push(...stateTargets(r.state));
  const lines = [];
  const w = (l = '') => lines.push(l);
  w('# Benchmarks');
  w();
  w(
    `Measured by \`npm run bench${r.quick ? ' -- --quick' : ''}\`${r.quick ? ' **(--quick: smaller sizes, not the reference figures)**' : ''} in one run of ${r.benchSeconds.toFixed(0)} s. ` +
      'Every client talks to the bundled sandbox running in its own process on the same machine (loopback), so client',
  );
  w("CPU is measured apart from the server's. Ratios are between clients measured side by side in this run.");
  w();
  w('| machine | |');
  w('|---|---|');
  w(`| CPU | ${r.machine.cpu} (${r.machine.cores} cores) |`);
  w(`| memory | ${r.machine.memoryGiB} GiB |`);
  w(`| Node.js / PHP | ${r.machine.node} / ${r.machine.php} |`);
  w(`| OS | ${r.machine.platform} |`);
  w(`| load average (1, 5, 15 min) | ${r.machine.loadAtStart} at start, ${r.machine.loadAtEnd} at end |`);
  w(`| date | ${r.machine.date} |`);
  w(`| commit | ${r.machine.commit} |`);
  w();
  w('## Targets');
  w();
  w('| target | measured | verdict |');
  w('|---|---|---|');
  for (const [t, m, ok] of targets) w(`| ${t} | ${m} | ${verdict(ok)} |`);
  w();
  w('## 1. CPU per get + update pair');
  w();
  w(
    'Sequential `getCustomerInformation` + `updateCustomerInformation` pairs (Email changed), no injected latency, client',
  );
  w(
    `process CPU (user + system) only. ${r.cpu.rounds} rounds of ${n(r.cpu.pairs)} pairs per client, alternating between clients; median.`,
  );
  w('Each client is its own process (scripts/bench/pairs/).');
  w();
  w('| client | ms CPU per pair | × PHP | × minimal Node | rounds |');
  w('|---|---|---|---|---|');
  for (const key of ['php', 'floor', 'facade', 'facadeNodeSoap', 'zeep']) {
    const x = c[key];
    w(
      `| ${x.label} | ${f2(x.cpuPerPair)} | ${f2(x.cpuPerPair / php)}× | ${f2(x.cpuPerPair / floor)}× | ${x.rounds.map(f2).join(', ')} |`,
    );
  }
  w();
  w('## 2. Cold start');
  w();
  w(`Spawn to exit as the parent sees it, median of ${r.cold.runs} runs per variant (alternating).`);
  w();
  w('| variant | median | over bare node |');
  w('|---|---|---|');
  for (const v of Object.values(r.cold.variants)) {
    w(
      `| ${v.label} | ${Math.round(v.medianMs)} ms | ${v === r.cold.variants.bareNode ? '–' : `${Math.round(v.medianMs - bare)} ms`} |`,
    );
  }
  if (r.cold.variants.ours.inProcessMedianMs !== undefined) {
    w();
    w(
      `Inside our process, from its start to the first result: median ${r.cold.variants.ours.inProcessMedianMs} ms.`,
    );
  }
  w();
  w(`## 3. Sync throughput (${r.latencyMs} ms injected per SOAP call)`);
  w();
  w(
    '`twocheckout-sync` (the compiled CLI, as an operator runs it) changing the Email of customers: each record a read and a',
  );
  w(
    `write. Rate = updated records ÷ the run's own duration (its report). Ideal = concurrency ÷ (2 × ${r.latencyMs} ms). Baselines: our own`,
  );
  w(
    `c=1 run, and the vendor samples' flow run by PHP (per record: new SoapClient from \`?wsdl\`, login, read, update), ${r.vendor.records} records:`,
  );
  w(
    `**${f2(r.vendor.perSecond)} updates/s**. CPU per record: the sync process (startup subtracted) and the sandbox process.`,
  );
  w();
  w(
    '| concurrency | records | updates/s | of ideal | × c=1 | × vendor flow (PHP) | client CPU / record | sandbox CPU / record | logins |',
  );
  w('|---|---|---|---|---|---|---|---|---|');
  for (const l of r.levels) {
    w(
      `| ${l.concurrency} | ${n(l.updated)} | ${f1(l.perSecond)} | ${pct(l.perSecond / l.ideal)} | ${f1(l.perSecond / base.perSecond)}× | ${f1(l.perSecond / r.vendor.perSecond)}× | ${f2(l.cpuPerRecordMs)} ms | ${f2(l.serverCpuPerRecordMs)} ms | ${l.logins} |`,
    );
  }
  const needCores = (top.ideal * (top.cpuPerRecordMs + top.serverCpuPerRecordMs)) / 1000;
  w();
  w(
    `At the ideal rate for c=${top.concurrency} (${f1(top.ideal)} records/s), client and sandbox together need ${f2(needCores)} cores ` +
      `(${f2(top.cpuPerRecordMs)} + ${f2(top.serverCpuPerRecordMs)} ms per record) on this ${r.machine.cores}-core machine.`,
  );
  w();
  w(`### Logins under ${n(lg.cold.calls)} concurrent calls`);
  w();
  w(
    `One fresh client (the library, in the bench process) fires ${n(lg.cold.calls)} \`customers.get\` calls at once, ${r.latencyMs} ms ` +
      'injected per call so they overlap; then the sandbox expires every session and the same client fires as many again. ' +
      'Logins are counted by the sandbox.',
  );
  w();
  w('| burst | calls | failed | logins (sandbox) | wall |');
  w('|---|---|---|---|---|');
  w(
    `| fresh client | ${n(lg.cold.calls)} | ${lg.cold.failed} | ${lg.cold.logins} | ${n(Math.round(lg.cold.wallMs))} ms |`,
  );
  w(
    `| after the sandbox expired ${lg.renewal.sessionsExpired} session(s) | ${n(lg.renewal.calls)} | ${lg.renewal.failed} | ${lg.renewal.logins} | ${n(Math.round(lg.renewal.wallMs))} ms |`,
  );
  w();
  w('## 4. Memory (dry-run sync, concurrency 64, no latency)');
  w();
  w(
    `Peak RSS of the sync process. Every ${r.memValidEvery}th row is a valid change (a read each); the others are refused`,
  );
  w('locally (reported and dead-lettered), so the million-row run fits the bench.');
  w();
  w('| rows | peak RSS | duration | planned | refused |');
  w('|---|---|---|---|---|');
  for (const m of mem) {
    w(
      `| ${n(m.rows)} | ${f1(m.maxRssMiB)} MiB | ${f1(m.durationMs / 1000)} s | ${n(m.planned)} | ${n(m.invalid)} |`,
    );
  }
  w();
  w(`Growth from ${n(mem[0].rows)} to ${n(mem[mem.length - 1].rows)} rows: ${pct(memGrowth)}.`);
  w();
  w('## 5. Where the facade spends its CPU');
  w();
  w(
    `\`node --cpu-prof\` over ${n(r.profile.pairs)} facade pairs (${f1(r.profile.totalMs)} ms of samples, idle excluded), self time by where the code lives:`,
  );
  w();
  w('| where | share |');
  w('|---|---|');
  for (const b of r.profile.buckets) w(`| ${b.name} | ${pct(b.share)} |`);
  w();
  w('Top functions by self time:');
  w();
  w('| function | share |');
  w('|---|---|');
  for (const f of r.profile.top) w(`| \`${f.name}\` | ${pct(f.share)} |`);
  w();
  if (r.state) for (const l of renderStateSection(r.state)) w(l);
  const missed = targets.filter((t) => !t[2]);
  const share = (names) =>
    r.profile.buckets.filter((b) => names.some((x) => b.name.startsWith(x))).reduce((a, b) => a + b.share, 0);
  const nodeShare = share(['node:http', 'node streams', 'other node internals', 'V8']);
  const oursShare = share(['our client', 'our wire', 'generated']);
  const midLevel = r.levels.find((l) => l.concurrency === 128);
  w('## Closing note');
  w();
  w(
    missed.length === 0
      ? 'Every target above is met in this run.'
      : 'Missed in this run, what explains each and what would close the rest:',
  );
  w();
  if (facadeVsPhp > 2) {
    w(
      `- **≤ 2× PHP (stretch): ${f2(facadeVsPhp)}×.** In the profile, Node's HTTP client, sockets, timers and native code take ` +
        `${pct(nodeShare)} of the facade's samples and our code, wire runtime and codecs ${pct(oursShare)}; PHP's whole pair ` +
        `costs ${f2(php)} ms in C. Closing it needs an HTTP/1.1 client below node:http (on \`net.Socket\`, fewer allocations ` +
        'and syscalls per exchange); deliberately not done (docs/bench.md).',
    );
  }
  for (const [label, x] of [
    ['fresh client', lg.cold],
    ['renewal', lg.renewal],
  ]) {
    if (!loginsOk(x)) {
      w(
        `- **One login per ${n(x.calls)} concurrent calls (${label}): ${x.logins} logins, ${x.failed} failed${x.firstFailure ? ` (first: ${x.firstFailure})` : ''}.**`,
      );
    }
  }
  if (facadeVsFloor > 1.2) {
    w(
      `- **≤ 1.2× the minimal Node client: ${f2(facadeVsFloor)}×.** See the profile and the interleaved rounds.`,
    );
  }
  if (worstShare < 0.9) {
    w(
      `- **c=${scaled[0].concurrency}–${top.concurrency} at ≥ 90% of ideal: lowest ${pct(worstShare)} (c=${worst.concurrency}); c=${top.concurrency} ${pct(topShare)}.** At c=${top.concurrency} the ideal rate needs ${f2(needCores)} cores for client ` +
        `and sandbox together on a ${r.machine.cores}-core machine (load average ${r.machine.loadAtStart} at the start): the ` +
        `machine is the bound, not the client's concurrency. With the service elsewhere the client's own share is ` +
        `${f2((top.ideal * top.cpuPerRecordMs) / 1000)} cores.` +
        scaled
          .filter((l) => l.perSecond / l.ideal < 0.9)
          .map((l) => {
            const client = (l.ideal * l.cpuPerRecordMs) / 1000;
            const both = (l.ideal * (l.cpuPerRecordMs + l.serverCpuPerRecordMs)) / 1000;
            return (
              ` At c=${l.concurrency} (${pct(l.perSecond / l.ideal)}) the ideal needs ${f2(client)} cores of the sync's one ` +
              `process and ${f2(both)} with the sandbox` +
              (client > 0.9
                ? ': one event loop cannot give that, so past it the sync scales by processes (`--shard I/N`, docs/scheduling.md), not by `--concurrency`.'
                : '.')
            );
          })
          .join(''),
    );
  }
  if (syncVsPair > 1.2) {
    w(
      `- **sync CPU per record ≤ 1.2× the pair: ${f2(syncVsPair)}×.** On top of the client's read and write the sync parses ` +
        `the CSV, validates, diffs, journals and writes results for every record, ${top.concurrency} in flight` +
        `${midLevel ? ` (at c=128: ${f2(midLevel.cpuPerRecordMs / facade)}×)` : ''}. Profiling the sync's record pipeline ` +
        '(issue 11 rewrites it) is what would close the rest.',
    );
  }
  if (memGrowth > 0.2) {
    w(
      `- **RSS grows ${pct(memGrowth)} from ${n(mem[0].rows)} to ${n(mem[mem.length - 1].rows)} rows.** Not a target of ` +
        'issue 10: the client holds nothing per call once it returns. The same cause as the incremental nights below ' +
        '(section 6 runs the million-row scan again under a bounded heap): V8 collects the garbage of a million records ' +
        'late, and the sync keeps 9 bytes per record for resume (src/sync/record-state.ts). Less garbage per record is ' +
        'what would flatten it.',
    );
  }
  if (r.state) {
    for (const [label, figure, ok] of stateTargets(r.state)) {
      if (!ok) w(`- **${label}: ${figure}.** ${stateMissNote(label, r.state)}`);
    }
  }
  w();
  w(
    'On a loaded machine rerun before concluding: the ratios between clients measured side by side are what count.',
  );
  w();
  w('## Reproduce');
  w();
  w('```sh');
  w('npm ci');
  w(
    `npm run bench            # about ${Math.max(1, Math.round(r.benchSeconds / 60))} minutes here (full run); rewrites this file`,
  );
  w(
    'npm run bench -- --quick # a smaller smoke run, about 2 minutes (writes this file too; do not commit its figures)',
  );
  w('```');
  w();
  w('What each figure means and how it is measured: [docs/bench.md](docs/bench.md).');
  return lines.join('\n') + '\n';
}

/** Why a state target was missed, from the figures (see docs/bench.md, Incremental nights). */
function stateMissNote(label, s) {
  const big = s.nights[s.nights.length - 1];
  if (label.startsWith('local scan rate')) {
    return (
      `Night 3 spends ${f1((big.night3.durationMs * 1000) / big.rows)} µs per row on a ${r0(big.rows)}-row export that needs no call: ` +
      'each row is parsed, hashed (the journal identifies it by content), looked up in SQLite, journaled, and then written ' +
      'again as a results line; the profile (node --cpu-prof) splits that about evenly between the record pipeline, ' +
      'the state lookups, the journal and the results file. One process on a loaded 2-core machine.'
    );
  }
  if (label.includes('peak RSS')) {
    const small = s.nights[0];
    const bounded = big.night3.boundedHeapMaxRssMiB / small.night3.boundedHeapMaxRssMiB - 1;
    return (
      `Not retained memory: the same ${r0(big.rows)}-row scan under \`node --max-old-space-size=${s.heapBoundMiB}\` completes with ` +
      `${f1(big.night3.boundedHeapMaxRssMiB)} MiB peak (${(bounded * 100).toFixed(1)}% over ${r0(small.rows)} rows under the same bound), so ` +
      "most of what grows is V8's heap left uncollected while a million records' garbage is made. The rest, native " +
      'memory still growing under the bound, is 9 bytes per record of the resume index (src/sync/record-state.ts, ' +
      'doubled while it grows) and what SQLite and the allocator keep; not yet broken down further. Less garbage per ' +
      'record (the scan-rate work above) is what would flatten the first part.'
    );
  }
  return (
    `Night 2 made ${r0(big.night2.reads)} reads, ${r0(big.night2.writes)} writes and ${big.night2.logins} logins for ` +
    `${r0(big.changed)} changed rows: a read beyond the changed rows is a row the state did not confirm.`
  );
}
const r0 = (x) => x.toLocaleString('en');

module.exports = { renderReport };
