'use strict';
// Process start to the first result, spawn to exit as the parent sees it, side by side: a bare
// `node -e 0` (the floor any Node program pays), our package (require, create a client, login +
// getCustomerInformation, the vendored WSDL's codecs included), PHP SoapClient and zeep doing the
// same. Runs alternate between the variants; medians are reported.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { MERCHANT } = require('./data');

const ROOT = path.resolve(__dirname, '..', '..');
const WSDL = path.join(ROOT, 'wsdl', '2checkout-soap-4.0.wsdl');

function variants(url) {
  const creds = [MERCHANT.code, MERCHANT.secretKey];
  return [
    { key: 'bareNode', label: 'bare `node -e 0`', cmd: process.execPath, args: ['-e', '0'] },
    {
      key: 'ours',
      label: 'our package: require + client + first call',
      cmd: process.execPath,
      args: [path.join(__dirname, 'cold-start-child.js'), url, ...creds],
    },
    {
      key: 'php',
      label: 'PHP SoapClient: WSDL + login + first call',
      cmd: 'php',
      args: [path.join(__dirname, 'php', 'cold-start.php'), WSDL, url, ...creds],
    },
    {
      key: 'zeep',
      label: 'zeep: WSDL + login + first call',
      cmd: '/usr/bin/python3',
      args: [path.join(__dirname, 'pairs', 'zeep-cold-start.py'), WSDL, url, ...creds],
    },
  ];
}

function once(v) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(v.cmd, v.args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0 || (v.key !== 'bareNode' && !/^ok/.test(out)))
        return reject(new Error(`${v.key} exited ${code}`));
      const inProcess = /^ok (\d+)/.exec(out);
      resolve({
        wallMs: Number(process.hrtime.bigint() - started) / 1e6,
        inProcessMs: inProcess ? Number(inProcess[1]) : undefined,
      });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function coldStart(url, runs) {
  const vs = variants(url);
  const samples = Object.fromEntries(vs.map((v) => [v.key, []]));
  for (let i = 0; i < runs; i++) for (const v of vs) samples[v.key].push(await once(v));
  const out = {};
  for (const v of vs) {
    const s = samples[v.key];
    out[v.key] = {
      label: v.label,
      medianMs: median(s.map((x) => x.wallMs)),
      ...(s[0].inProcessMs !== undefined ? { inProcessMedianMs: median(s.map((x) => x.inProcessMs)) } : {}),
    };
  }
  return { runs, variants: out };
}

module.exports = { coldStart };
