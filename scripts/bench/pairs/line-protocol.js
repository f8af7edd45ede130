'use strict';
// The pair clients' side of the bench's line protocol (README.md here): print `ready`, then for
// each `run N` line answer `cpu <ms> wall <ms>` for N pairs; `exit` (or the end of stdin) stops.
// Shared by the Node clients; PHP and zeep speak the same lines on their own.
const readline = require('node:readline');

/** Serves rounds until `exit`: `pairs(count, round)` runs `count` pairs, round being 1, 2, … */
async function serveRounds(pairs) {
  let round = 0;
  process.stdout.write('ready\n');
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line === 'exit') break;
    const count = Number(line.split(' ')[1]);
    round++;
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    await pairs(count, round);
    const used = process.cpuUsage(cpu);
    process.stdout.write(`cpu ${(used.user + used.system) / 1000} wall ${performance.now() - t0}\n`);
  }
}

module.exports = { serveRounds };
