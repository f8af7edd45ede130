'use strict';
// Runs the compiled twocheckout-sync CLI as an operator would, against a bench sandbox.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { MERCHANT } = require('./data');

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'src', 'sync', 'cli.js');
const MAXRSS_HOOK = path.join(__dirname, 'maxrss-hook.js');
const RUN_TIMEOUT_MS = 15 * 60_000;

/**
 * Resolves to { code, report, maxRssKb, cpuMs } once the sync exits. With `outDir` the run's files
 * (journal, state, report) go there and stay for the next run; otherwise into a directory removed after.
 * `nodeArgs` go to node before the CLI (a heap bound, say).
 */
function runSync(url, input, flags, { outDir, nodeArgs: extraNodeArgs = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheckout-bench-'));
  const out = outDir ?? dir;
  const envFile = path.join(dir, 'empty.env');
  const rssFile = path.join(dir, 'maxrss');
  fs.writeFileSync(envFile, '');
  const env = {
    ...process.env,
    TWOCHECKOUT_MERCHANT_CODE: MERCHANT.code,
    TWOCHECKOUT_SECRET_KEY: MERCHANT.secretKey,
    TWOCHECKOUT_SOAP_URL: url,
    TWOCHECKOUT_PROXY: '',
    BENCH_MAXRSS_FILE: rssFile,
  };
  const nodeArgs = [...extraNodeArgs, '--require', MAXRSS_HOOK];
  const args = [
    ...nodeArgs,
    CLI,
    input,
    '--out-dir',
    out,
    '--restart',
    '--dotenv',
    envFile,
    '--progress',
    'none',
    ...flags,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const reportFile = path.join(out, flags.includes('--dry-run') ? 'dry-run.report.json' : 'report.json');
      const candidates = [reportFile, path.join(out, 'report.json')];
      const found = candidates.find((f) => fs.existsSync(f));
      if (!found) return reject(new Error(`sync wrote no report (exit ${code}): ${stderr}`));
      const report = JSON.parse(fs.readFileSync(found, 'utf8'));
      const usage = fs.existsSync(rssFile) ? JSON.parse(fs.readFileSync(rssFile, 'utf8')) : {};
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ code, report, maxRssKb: usage.maxRssKb ?? null, cpuMs: usage.cpuMs ?? null });
    });
  });
}

module.exports = { runSync, CLI };
