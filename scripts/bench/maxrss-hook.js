'use strict';
// Preloaded into the sync CLI by the benchmarks: records the process's peak RSS and CPU at exit.
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.BENCH_MAXRSS_FILE;
  if (!file) return;
  const cpu = process.cpuUsage();
  fs.writeFileSync(
    file,
    JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000 }),
  );
});
