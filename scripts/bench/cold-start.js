'use strict';
// Process start to the first successful call (login + getCustomerInformation), WSDL load included.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { MERCHANT } = require('./data');

function once(url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      [path.join(__dirname, 'cold-start-child.js'), url, MERCHANT.code, MERCHANT.secretKey],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const m = /^ok (\d+)/.exec(out);
      if (code !== 0 || !m) return reject(new Error(`cold-start child exited ${code}`));
      // wall: from spawn to the child's first successful call, as printed by the child's own clock
      // (performance.now() counts from the child's process start).
      resolve({ wallMs: Number(process.hrtime.bigint() - started) / 1e6, inProcessMs: Number(m[1]) });
    });
  });
}

async function coldStart(url, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once(url));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    runs,
    medianMs: median(samples.map((s) => s.inProcessMs)),
    maxMs: Math.max(...samples.map((s) => s.inProcessMs)),
    medianSpawnToExitMs: median(samples.map((s) => s.wallMs)),
  };
}

module.exports = { coldStart };
