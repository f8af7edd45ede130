'use strict';
// CPU per get+update pair, side by side in one run: PHP SoapClient, zeep, the minimal Node floor,
// our facade and our facade on engine 'node-soap'. Each client is its own process speaking the
// pairs/ line protocol; rounds alternate between the clients so machine noise spreads over all of
// them; medians are compared. Sequential pairs, no injected latency, client CPU only (the sandbox
// runs in another process).
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { MERCHANT } = require('./data');

const ROOT = path.resolve(__dirname, '..', '..');
const WSDL = path.join(ROOT, 'wsdl', '2checkout-soap-4.0.wsdl');
const PAIRS = path.join(__dirname, 'pairs');

const CLIENTS = [
  {
    key: 'php',
    label: 'PHP SoapClient (ext/soap, C)',
    cmd: 'php',
    args: [path.join(PAIRS, 'php-client.php'), WSDL],
  },
  {
    key: 'zeep',
    label: 'Python zeep',
    cmd: '/usr/bin/python3',
    args: [path.join(PAIRS, 'zeep-client.py'), WSDL],
  },
  {
    key: 'floor',
    label: 'minimal Node client (templates + sax + node:http)',
    cmd: process.execPath,
    args: [path.join(PAIRS, 'floor-client.js')],
  },
  {
    key: 'facade',
    label: 'our facade `customers.update`',
    cmd: process.execPath,
    args: [path.join(PAIRS, 'facade-client.js')],
    tail: ['codec'],
  },
  {
    key: 'facadeNodeSoap',
    label: "our facade, engine 'node-soap'",
    cmd: process.execPath,
    args: [path.join(PAIRS, 'facade-client.js')],
    tail: ['node-soap'],
  },
];

function startRunner(client, url, customers, offset, extraArgs = []) {
  const child = spawn(
    client.cmd,
    [
      ...client.args,
      url,
      MERCHANT.code,
      MERCHANT.secretKey,
      String(customers),
      String(offset),
      ...(client.tail ?? []),
      ...extraArgs,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = readline.createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (l) => waiting.shift()?.resolve(l));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  exited.then((code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`${client.key} runner exited with ${code}`));
  });
  const next = () => new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  return {
    ready: next().then((l) => {
      if (l !== 'ready') throw new Error(`${client.key}: ${l}`);
    }),
    async run(pairs) {
      const answer = next();
      child.stdin.write(`run ${pairs}\n`);
      const m = /^cpu ([\d.]+) wall ([\d.]+)$/.exec(await answer);
      if (!m) throw new Error(`${client.key}: unexpected answer`);
      return { cpuMs: Number(m[1]), wallMs: Number(m[2]) };
    },
    async stop() {
      child.stdin.end('exit\n');
      await exited;
    },
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function cpuPerPair(url, { customers, pairs, rounds, warmup, log, profileDir }) {
  const runners = [];
  let offset = 0;
  for (const c of CLIENTS) {
    const extra = c.key === 'facade' && profileDir ? [] : [];
    const r = startRunner(c, url, customers, offset, extra);
    offset += Math.ceil(customers / CLIENTS.length);
    await r.ready;
    runners.push({ client: c, runner: r, rounds: [] });
  }
  for (const r of runners) await r.runner.run(warmup);
  for (let i = 0; i < rounds; i++) {
    log(`CPU round ${i + 1}/${rounds}: ${pairs} pairs per client`);
    for (const r of runners) {
      const { cpuMs, wallMs } = await r.runner.run(pairs);
      r.rounds.push({ cpu: cpuMs / pairs, wall: wallMs / pairs });
    }
  }
  for (const r of runners) await r.runner.stop();
  const out = {};
  for (const r of runners) {
    out[r.client.key] = {
      label: r.client.label,
      cpuPerPair: median(r.rounds.map((x) => x.cpu)),
      wallPerPair: median(r.rounds.map((x) => x.wall)),
      rounds: r.rounds.map((x) => x.cpu),
    };
  }
  return { pairs, rounds, clients: out };
}

module.exports = { cpuPerPair, startRunner, CLIENTS };
