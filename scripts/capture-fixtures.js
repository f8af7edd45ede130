#!/usr/bin/env node
'use strict';
// Recaptures the wire fixtures in test/samples/<operation>__<case>/ from PHP's real SoapServer.
//   node scripts/capture-fixtures.js [--update-expected] [case-folder-name ...]
// Inputs per case (hand-written): request.json (the operation's args, sessionID excluded) and
// php-return.json ({"return": value} or {"fault": {"code", "string"}}: what the PHP handler answers).
// Outputs: request.xml (what our client sends: the generated serializer), response.xml (what PHP's SoapServer answered),
// php-received.json (the arguments PHP decoded from request.xml). response.json / error.json (the
// expected normalized outcome) are written only when missing or with --update-expected: review
// them by hand, they are the test's expectations.
require('./lib/ts-require');
const fs = require('node:fs');
const path = require('node:path');
const { createCodecEngine } = require('../src/soap/codec-engine.ts');
const { createHttpTransport } = require('../src/soap/transport.ts');
const { startPhpSoapServer } = require('../test/soap/php-soap-server.ts');

const SAMPLES = path.resolve(__dirname, '..', 'test', 'samples');
const SESSION_ID = 'SAMPLE-SESSION-ID';

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function captureCase(name, updateExpected) {
  const dir = path.join(SAMPLES, name);
  const op = name.split('__')[0];
  const args = readJson(path.join(dir, 'request.json'));
  const phpReturn = readJson(path.join(dir, 'php-return.json'));
  const php = await startPhpSoapServer(() => ({ operation: op, ...phpReturn }));
  try {
    const transport = createHttpTransport({ endpoint: php.url, proxy: null });
    let outcome;
    try {
      const engine = createCodecEngine(transport);
      const out = await engine.attempt(engine.prepare(op, args), op === 'login' ? undefined : SESSION_ID, {
        endAt: Date.now() + 30_000,
        endReason: 'timeout',
      });
      if (out.ok) outcome = { kind: 'response', value: out.value };
      else if (out.failure.kind === 'fault') {
        const f = out.failure;
        outcome = {
          kind: 'error',
          value: {
            httpStatus: f.httpStatus,
            faultcode: f.faultCode,
            faultstring: f.faultString,
            message: f.message,
          },
        };
      } else throw new Error(`${name}: ${out.failure.message}`);
    } finally {
      transport.close();
    }
    const exchange = php.exchanges[0];
    if (!exchange || php.exchanges.length !== 1) throw new Error(`${name}: expected exactly one request`);
    fs.writeFileSync(path.join(dir, 'request.xml'), `${exchange.requestXml}\n`);
    fs.writeFileSync(path.join(dir, 'response.xml'), exchange.responseXml);
    fs.writeFileSync(path.join(dir, 'php-received.json'), exchange.receivedJson);
    const expectedFile = path.join(dir, outcome.kind === 'response' ? 'response.json' : 'error.json');
    const otherFile = path.join(dir, outcome.kind === 'response' ? 'error.json' : 'response.json');
    if (updateExpected || !fs.existsSync(expectedFile)) {
      writeJson(expectedFile, outcome.value);
      fs.rmSync(otherFile, { force: true });
      console.log(`${name}: captured; wrote ${path.basename(expectedFile)} (review it)`);
    } else {
      console.log(`${name}: captured`);
    }
  } finally {
    await php.close();
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const updateExpected = argv.includes('--update-expected');
  const wanted = argv.filter((a) => a !== '--update-expected');
  const all = fs
    .readdirSync(SAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(SAMPLES, d.name, 'request.json')))
    .map((d) => d.name)
    .sort();
  for (const name of wanted)
    if (!all.includes(name)) throw new Error(`no case test/samples/${name}/request.json`);
  for (const name of wanted.length ? wanted : all) await captureCase(name, updateExpected);
}

main().catch((err) => {
  console.error(`capture-fixtures: ${err && err.stack ? err.stack : err}`);
  process.exitCode = 1;
});
