// node-soap and PHP as the oracles for our serializers: for a corpus of random valid arguments of
// every operation (fast-check, fixed seed), the request our generated serializer writes must decode
// exactly like the request node-soap writes for the same arguments, through node-soap's own
// server parser and through PHP's SoapServer (the stack 2Checkout runs).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { listen } from 'soap';
import { codecs } from '../../generated/twocheckout/codecs';
import { vendoredWsdlPath } from '../../src/soap';
import { createNodeSoapEngine } from '../../src/soap/node-soap-engine';
import { createHttpTransport } from '../../src/soap/transport';
import { operations, requestArgs } from './arbitraries';

const OPERATIONS = Object.keys(operations);
const CASES_PER_OPERATION = 12;
const SESSION = 'SID-0001';

interface Case {
  op: string;
  args: Record<string, unknown>;
  ours: string;
  nodeSoap: string;
}

function post(url: string, xml: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', reject);
    req.end(xml);
  });
}

async function listenOn(server: http.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/soap/4.0/`;
}

/** What node-soap writes for these arguments (its client, through our transport, captured on the wire). */
async function nodeSoapRequests(cases: Omit<Case, 'nodeSoap'>[]): Promise<string[]> {
  let captured: string | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      captured = Buffer.concat(chunks).toString('utf8');
      res.writeHead(500, { 'content-type': 'text/xml' });
      res.end('not soap');
    });
  });
  const url = await listenOn(server);
  const transport = createHttpTransport({ endpoint: url, proxy: null });
  const engine = createNodeSoapEngine(transport);
  const out: string[] = [];
  try {
    for (const c of cases) {
      captured = undefined;
      const prepared = engine.prepare(c.op as 'login', c.args);
      await engine.attempt(prepared, c.op === 'login' ? undefined : SESSION, {
        endAt: Date.now() + 20_000,
        endReason: 'timeout',
      });
      out.push(captured ?? '');
    }
  } finally {
    engine.close();
    await new Promise<void>((r) => server.close(() => r()));
  }
  return out;
}

/** What node-soap's server hands its handler for each request. */
async function nodeSoapDecodes(xmls: string[]): Promise<string[]> {
  const server = http.createServer();
  let received: unknown;
  const record = (args: unknown) => {
    received = args;
    throw { Fault: { faultcode: 'Server', faultstring: 'recorded', statusCode: 500 } };
  };
  const url = await listenOn(server);
  listen(
    server,
    '/soap/4.0/',
    { OrderAPIService: { OrderAPIPort: Object.fromEntries(OPERATIONS.map((op) => [op, record])) } },
    fs.readFileSync(vendoredWsdlPath(), 'utf8'),
  );
  const out: string[] = [];
  try {
    for (const xml of xmls) {
      received = undefined;
      await post(url, xml);
      out.push(JSON.stringify(received) ?? 'nothing received');
    }
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
  return out;
}

/** What PHP's SoapServer hands its handler for each request (one PHP process for all). */
function phpDecodes(cases: { operation: string; xml: string }[]): Promise<unknown[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'php-batch-'));
  const file = path.join(dir, 'cases.json');
  fs.writeFileSync(file, JSON.stringify(cases));
  return new Promise((resolve, reject) => {
    execFile(
      'php',
      [path.join(__dirname, 'php-decode-batch.php'), vendoredWsdlPath(), file],
      { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (err, stdout, stderr) => {
        fs.rmSync(dir, { recursive: true, force: true });
        if ((err as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
          reject(new Error('php is not installed: apt-get install -y php-cli php-soap'));
        } else if (err || stderr) reject(new Error(`php failed: ${err?.message ?? ''} ${stderr}`));
        else resolve(JSON.parse(stdout) as unknown[]);
      },
    );
  });
}

let cases: Case[];

beforeAll(async () => {
  const drafts = OPERATIONS.flatMap((op, i) =>
    fc.sample(requestArgs(op), { numRuns: CASES_PER_OPERATION, seed: 1000 + i }).map((args) => ({
      op,
      args,
      ours: codecs[op as keyof typeof codecs].serialize(args as never, op === 'login' ? undefined : SESSION),
    })),
  );
  const theirs = await nodeSoapRequests(drafts);
  cases = drafts.map((d, i) => ({ ...d, nodeSoap: theirs[i] as string }));
}, 120_000);

test('the corpus covers every operation', () => {
  expect(new Set(cases.map((c) => c.op))).toEqual(new Set(OPERATIONS));
  expect(cases.every((c) => c.nodeSoap.includes(`<tns:${c.op}>`))).toBe(true);
});

test("node-soap's server decodes our requests exactly as node-soap's own", async () => {
  const ours = await nodeSoapDecodes(cases.map((c) => c.ours));
  const theirs = await nodeSoapDecodes(cases.map((c) => c.nodeSoap));
  for (let i = 0; i < cases.length; i++) {
    expect(ours[i]).not.toBe('nothing received');
    expect({ op: cases[i]?.op, decoded: ours[i] }).toEqual({ op: cases[i]?.op, decoded: theirs[i] });
  }
  // The corpus is not trivial: values of every kind reached the server.
  expect(ours.join('').length).toBeGreaterThan(20_000);
}, 120_000);

test("PHP's SoapServer decodes our requests exactly as node-soap's own", async () => {
  const decoded = await phpDecodes(
    cases.flatMap((c) => [
      { operation: c.op, xml: c.ours },
      { operation: c.op, xml: c.nodeSoap },
    ]),
  );
  for (let i = 0; i < cases.length; i++) {
    const ours = decoded[2 * i] as { operation?: string; args?: unknown[] };
    expect(ours.operation).toBe(cases[i]?.op);
    expect({ op: cases[i]?.op, decoded: ours }).toEqual({ op: cases[i]?.op, decoded: decoded[2 * i + 1] });
  }
}, 120_000);

test('PHP receives a CR intact from us (node-soap sends it raw, and XML turns it into LF)', async () => {
  const args = { Customer: { FirstName: 'a\r\nb\rc' } };
  const [ours] = (await phpDecodes([
    { operation: 'createCustomer', xml: codecs.createCustomer.serialize(args, SESSION) },
  ])) as { args: [string, { FirstName: string }] }[];
  expect(ours?.args[1].FirstName).toBe('a\r\nb\rc');
});
