#!/usr/bin/env node
'use strict';
// npm run wsdl:fetch [-- --url URL] [--check] [--from FILE] [--timeout MS] [--out FILE]
// Downloads the live WSDL (default: 2Checkout's SOAP 4.0) into wsdl/. With --check it writes
// nothing and prints how the live file differs from the vendored one (operations, parameters,
// types); exit code 1 when they differ. --from FILE compares/installs a local file instead of
// downloading (offline use and tests). Every download has a finite timeout; there are no retries.
const fs = require('node:fs');
const path = require('node:path');
const axios = require('axios');
const { readWsdlModel, wsdlModelFromText } = require('./lib/wsdl-model');
const { diffModels } = require('./lib/wsdl-diff');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_URL = 'https://api.2checkout.com/soap/4.0/?wsdl';
const DEFAULT_OUT = path.join(ROOT, 'wsdl', '2checkout-soap-4.0.wsdl');
const DEFAULT_TIMEOUT_MS = 15000;
const MAX_BYTES = 20 * 1024 * 1024;

function parseArgs(argv) {
  const opts = {
    url: DEFAULT_URL,
    check: false,
    from: undefined,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    out: DEFAULT_OUT,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--check') opts.check = true;
    else if (a === '--url') opts.url = value();
    else if (a === '--from') opts.from = path.resolve(value());
    else if (a === '--out') opts.out = path.resolve(value());
    else if (a === '--timeout') {
      opts.timeoutMs = Number(value());
      if (!Number.isInteger(opts.timeoutMs) || opts.timeoutMs <= 0)
        throw new Error('--timeout must be a positive integer (ms)');
    } else
      throw new Error(
        `unknown argument ${a} (usage: wsdl-fetch.js [--url URL] [--check] [--from FILE] [--timeout MS] [--out FILE])`,
      );
  }
  return opts;
}

async function download(url, timeoutMs) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`invalid --url ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new Error(`--url must be http(s), got ${parsed.protocol}`);
  try {
    const res = await axios.get(url, {
      timeout: timeoutMs,
      // The axios timeout covers the response; the signal bounds the whole exchange (DNS, connect, body).
      signal: AbortSignal.timeout(timeoutMs),
      responseType: 'text',
      transformResponse: (d) => d,
      maxContentLength: MAX_BYTES,
      maxRedirects: 3,
      validateStatus: () => true,
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    const text = String(res.data);
    if (!/<(\w+:)?definitions[\s>]/.test(text)) throw new Error('the response is not a WSDL document');
    return text;
  } catch (err) {
    const code = err && err.code && !String(err.message).includes(err.code) ? ` (${err.code})` : '';
    const reason =
      err &&
      (err.name === 'CanceledError' ||
        err.name === 'TimeoutError' ||
        err.code === 'ECONNABORTED' ||
        err.code === 'ERR_CANCELED')
        ? `no answer within ${timeoutMs} ms`
        : `${err && err.message ? err.message : err}${code}`;
    throw new Error(
      `cannot download ${url}: ${reason}. Is there network access (or a proxy in HTTPS_PROXY)?`,
      { cause: err },
    );
  }
}

async function modelOf(text, label) {
  try {
    return await wsdlModelFromText(text);
  } catch (err) {
    throw new Error(`${label} cannot be read as an rpc WSDL: ${err.message}`, { cause: err });
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const source = opts.from ?? opts.url;
  const text = opts.from ? fs.readFileSync(opts.from, 'utf8') : await download(opts.url, opts.timeoutMs);
  const incoming = await modelOf(text, source);
  const hasVendored = fs.existsSync(opts.out);
  const vendored = hasVendored ? await readWsdlModel(opts.out) : undefined;
  const diff = vendored ? diffModels(vendored, incoming) : ['  (no vendored file yet)'];
  const rel = path.relative(ROOT, opts.out);
  if (opts.check) {
    if (diff.length === 0) {
      console.log(`wsdl:fetch --check: ${source} matches ${rel} (operations, parameters, types)`);
      return;
    }
    console.log(`wsdl:fetch --check: ${source} differs from ${rel}:\n${diff.join('\n')}`);
    process.exitCode = 1;
    return;
  }
  fs.writeFileSync(opts.out, text);
  console.log(`wsdl:fetch: wrote ${rel} from ${source}`);
  if (diff.length) console.log(`changes against the previous file:\n${diff.join('\n')}`);
  console.log('next: npm run generate, then update wsdl/README.md');
}

main().catch((err) => {
  console.error(`wsdl:fetch: ${err.message}`);
  process.exitCode = 1;
});
