'use strict';
// Preloaded into the sync CLI by the memory benchmark: records the process's peak RSS at exit.
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.BENCH_MAXRSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
