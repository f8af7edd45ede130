'use strict';
// Runs the facade pair runner under `node --cpu-prof` and summarizes where its CPU goes: self time
// grouped by where the code lives (our src/, the generated codecs, node:http and net, GC…).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { MERCHANT } = require('./data');

function bucket(url, fn) {
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(program)' || fn === '(idle)') return fn === '(idle)' ? 'idle' : 'V8 / native (program)';
  if (/\/src\/wire\//.test(url)) return 'our wire runtime (scanner, decoder, escaping)';
  if (/\/generated\//.test(url)) return 'generated codecs';
  if (/\/src\/(client|customers|facade|soap|domain)\//.test(url)) return 'our client code';
  if (/node:(_http|http|https|_tls)/.test(url)) return 'node:http(s)';
  if (
    /node:(net|stream|internal\/stream|internal\/streams|string_decoder|buffer|events|internal\/timers|timers)/.test(
      url,
    )
  )
    return 'node streams / net / timers / events';
  if (url === '' || url.startsWith('node:')) return 'other node internals / native';
  if (/node_modules/.test(url)) return 'dependencies';
  return 'other';
}

function summarize(file) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
  }
  const buckets = new Map();
  const functions = new Map();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id);
    const { url, functionName } = n.callFrame;
    const b = bucket(url, functionName);
    if (b === 'idle') continue;
    total += us;
    buckets.set(b, (buckets.get(b) ?? 0) + us);
    const name = `${functionName || '(anonymous)'} ${path.basename(url || '')}:${n.callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const share = (m) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, share: us / total }));
  return { totalMs: total / 1000, buckets: share(buckets), top: share(functions).slice(0, 12) };
}

async function profileFacade(url, { customers, pairs }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheckout-prof-'));
  const child = spawn(
    process.execPath,
    [
      '--cpu-prof',
      '--cpu-prof-dir',
      dir,
      path.join(__dirname, 'pairs', 'facade-client.js'),
      url,
      MERCHANT.code,
      MERCHANT.secretKey,
      String(customers),
      '0',
      'codec',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  if ((await lines.next()).value !== 'ready') throw new Error('profiled facade did not start');
  child.stdin.write(`run ${pairs}\n`);
  await lines.next();
  child.stdin.end('exit\n');
  await new Promise((r) => child.on('exit', r));
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const out = summarize(path.join(dir, file));
  fs.rmSync(dir, { recursive: true, force: true });
  return { pairs, ...out };
}

module.exports = { profileFacade, summarize };
