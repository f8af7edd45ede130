// Wire conformance, in the style of node-soap's test/request-response-samples. For every folder
// test/samples/<operation>__<case>/ the client's codec engine (generated serializer, node:http,
// streaming decoder) must send request.xml and read response.xml as expected; node-soap (the
// fallback engine and the oracle) must send the same request. test/oracle compares both readings.
//   request.json         the operation's args (sessionID excluded)
//   request.xml          the exact envelope our client must send (whitespace-normalized compare)
//   response.xml         PHP SoapServer's answer to it, captured by scripts/capture-fixtures.js
//   response.json        the expected normalized result, or error.json for a fault
//   php-received.json    what PHP decoded from request.xml (must equal request.json, positionally)
//   php-return.json      what the PHP handler answered (input of the capture)
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createSoapStub, toWireArgs, vendoredWsdlPath } from '../../src/soap';
import { createCodecEngine } from '../../src/soap/codec-engine';
import { createHttpTransport } from '../../src/soap/transport';
import type { OperationArgs, WsdlOperationName } from '../../src/domain';
import { schema } from '../../generated/twocheckout/schema';

const SAMPLES = __dirname;
const SESSION_ID = 'SAMPLE-SESSION-ID';
const cases = fs
  .readdirSync(SAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const read = (name: string, file: string) => fs.readFileSync(path.join(SAMPLES, name, file), 'utf8');
const readJson = (name: string, file: string): unknown => JSON.parse(read(name, file));
const has = (name: string, file: string) => fs.existsSync(path.join(SAMPLES, name, file));
const squash = (xml: string) => xml.replace(/>\s+</g, '><').trim();

interface Served {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

async function serve(responseXml: string): Promise<Served> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push(Buffer.concat(chunks).toString('utf8'));
      // PHP's SoapServer answers a fault with HTTP 500.
      res.writeHead(responseXml.includes('<SOAP-ENV:Fault>') ? 500 : 200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(responseXml);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/soap/4.0/`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

test('the sample set covers the required cases', () => {
  expect(cases).toEqual(
    expect.arrayContaining([
      'login__ok',
      'getCustomerInformation__nils_and_empty_strings',
      'getCustomerInformation__one_card',
      'getCustomerInformation__two_cards',
      'createCustomer__ok',
      'updateCustomerInformation__update_end_user_subscriptions',
      'getCustomerSubscriptions__none',
      'getCustomerSubscriptions__one',
      'getCustomerSubscriptions__two',
      'placeOrder__items',
      'getCustomerInformation__fault_forbidden',
    ]),
  );
});

describe.each(cases)('%s', (name) => {
  const op = name.split('__')[0] as WsdlOperationName;
  const args = readJson(name, 'request.json') as OperationArgs<typeof op>;

  test('the codec engine sends request.xml and reads response.xml as expected', async () => {
    const server = await serve(read(name, 'response.xml'));
    const transport = createHttpTransport({ endpoint: server.url, proxy: null });
    try {
      const engine = createCodecEngine(transport);
      const out = await engine.attempt(engine.prepare(op, args), op === 'login' ? undefined : SESSION_ID, {
        endAt: Date.now() + 20_000,
        endReason: 'timeout',
      });
      if (has(name, 'error.json')) {
        expect(out.ok).toBe(false);
        const f = out.ok ? undefined : out.failure;
        expect({
          httpStatus: f?.httpStatus,
          faultcode: f?.faultCode,
          faultstring: f?.faultString,
          message: f?.message,
        }).toEqual(readJson(name, 'error.json'));
      } else {
        expect(out).toEqual({ ok: true, httpStatus: 200, value: readJson(name, 'response.json') });
      }
      expect(server.requests).toHaveLength(1);
      expect(squash(server.requests[0] as string)).toBe(squash(read(name, 'request.xml')));
    } finally {
      transport.close();
      await server.close();
    }
  });

  test('node-soap sends the same request.xml', async () => {
    const server = await serve(read(name, 'response.xml'));
    try {
      const stub = await createSoapStub({ endpoint: server.url });
      await stub
        .invoke(op, toWireArgs(op, args, op === 'login' ? undefined : SESSION_ID))
        .catch(() => undefined);
      expect(squash(server.requests[0] as string)).toBe(squash(read(name, 'request.xml')));
    } finally {
      await server.close();
    }
  });

  test('PHP decoded request.xml into exactly the args of request.json', () => {
    const received = readJson(name, 'php-received.json') as { operation: string; args: unknown[] };
    const parts = schema.operations[op].input as readonly { name: string }[];
    const expectedArgs = parts.map((p) =>
      p.name === 'sessionID' ? SESSION_ID : ((args as Record<string, unknown>)[p.name] ?? null),
    );
    expect(received).toEqual({ operation: op, args: expectedArgs });
  });
});

// The committed fixtures must still be what PHP produces today (e.g. after a WSDL change):
// replays each request.xml through PHP's SoapServer and compares.
describe('fixtures are current (replayed through PHP SoapServer)', () => {
  const script = path.resolve(__dirname, '../../scripts/capture-fixtures.php');
  test.each(cases)('%s', async (name) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sample-replay-'));
    try {
      const phpCase = path.join(dir, 'case.json');
      fs.writeFileSync(phpCase, JSON.stringify({ operation: name.split('__')[0], ...(readJson(name, 'php-return.json') as object) }));
      const out = [path.join(dir, 'response.xml'), path.join(dir, 'received.json')];
      const stderr = await new Promise<string>((resolve, reject) =>
        execFile(
          'php',
          [script, vendoredWsdlPath(), path.join(SAMPLES, name, 'request.xml'), phpCase, ...out],
          { timeout: 20000 },
          (err, _o, se) => {
            if ((err as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
              reject(new Error('php is not installed: apt-get install -y php-cli php-soap'));
            } else if (err) reject(new Error(`php failed: ${err.message} ${se}`));
            else resolve(se);
          },
        ),
      );
      expect(stderr).toBe('');
      expect(fs.readFileSync(out[0], 'utf8')).toBe(read(name, 'response.xml'));
      expect(fs.readFileSync(out[1], 'utf8')).toBe(read(name, 'php-received.json'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
