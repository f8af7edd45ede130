// The sandbox against PHP's own SoapServer at the HTTP level: every case of php-http-cases.ts is
// sent, byte for byte the same, to `php -S` running interop/php_http_router.php over our WSDL (a
// SoapServer behind PHP's web server, the way 2Checkout's service runs) and to the sandbox. Where
// PHP answers with a fault, the sandbox must answer the same HTTP status and faultcode, and a
// faultstring that is PHP's or starts with PHP's followed by ": " and detail. Where PHP hands the
// request to the service (its router answers fault REACHED), the sandbox must reach the
// operation too (it answers the operation's own fault). Where PHP answers an empty 200, so must
// the sandbox. A missing php fails the test (CI installs php-cli php-soap).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { vendoredWsdlPath } from '../../src/soap';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { CASES, DEFAULT_HEADERS, type HttpCase } from './php-http-cases';

const ROUTER = path.join(__dirname, 'interop', 'php_http_router.php');

interface Answer {
  status: number;
  contentType: string;
  body: string;
  /** SOAP 1.1 faultcode/faultstring, or SOAP 1.2 Code/Reason, when the body is a fault. */
  fault?: { code: string; string: string };
}

function rawRequest(c: HttpCase): Buffer {
  const method = c.method ?? 'POST';
  const headers = c.headers ?? DEFAULT_HEADERS;
  let head = `${method} ${c.path ?? '/soap/4.0/'} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  const body = Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body ?? '', 'utf8');
  if (c.body !== undefined) head += `Content-Length: ${body.length}\r\n`;
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), body]);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Sends the request bytes on a fresh connection and reads the answer to the connection's end. */
function exchange(port: number, request: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error(`no answer from port ${port} in 15 s`)));
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', reject);
    socket.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const split = raw.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`not an HTTP answer: ${JSON.stringify(raw.slice(0, 200))}`));
      const head = raw.slice(0, split).split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0])?.[1]);
      const contentType =
        head.find((h) => /^content-type:/i.test(h))?.replace(/^content-type:\s*/i, '') ?? '';
      const body = raw.slice(split + 4);
      const f11 = /<faultcode>([^<]*)<\/faultcode><faultstring>([^<]*)<\/faultstring>/.exec(body);
      const f12 = /<env:Value>([^<]*)<\/env:Value>.*?<env:Text>([^<]*)<\/env:Text>/.exec(body);
      const f = f11 ?? f12;
      resolve({
        status,
        contentType,
        body,
        fault: f ? { code: decodeEntities(f[1]), string: decodeEntities(f[2]) } : undefined,
      });
    });
    socket.end(request);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, php: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (php.exitCode !== null) throw new Error(`php -S exited (${php.exitCode}): ${output()}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`php -S did not listen on ${port}: ${output()}`);
}

/** The sandbox's answer is equivalent to PHP's (see the header comment). */
function expectEquivalent(php: Answer, ours: Answer): void {
  expect(ours.status).toBe(php.status);
  if (php.fault?.code === 'REACHED') {
    // PHP handed it to the service: the sandbox ran the operation, which refused the made-up
    // login with its own fault, not an envelope-level SOAP-ENV one.
    expect(ours.fault?.code).toBe('FORBIDDEN');
    return;
  }
  if (php.fault) {
    expect(ours.fault?.code).toBe(php.fault.code);
    const string = ours.fault?.string ?? '';
    if (string !== php.fault.string) expect(string.startsWith(`${php.fault.string}: `)).toBe(true);
    return;
  }
  if (php.body.includes('<definitions') || php.body.includes(':definitions')) {
    expect(ours.contentType).toMatch(/^text\/xml/);
    expect(ours.body).toMatch(/<(\w+:)?definitions /);
    return;
  }
  expect(php.body).toBe(''); // PHP's only other answer: nothing at all
  expect(ours.body).toBe('');
  expect(ours.contentType).toBe(php.contentType);
}

let php: ChildProcess;
let phpPort: number;
let sb: Sandbox;
let sbPort: number;

beforeAll(async () => {
  phpPort = await freePort();
  let output = '';
  php = spawn('php', ['-S', `127.0.0.1:${phpPort}`, ROUTER], {
    env: { ...process.env, WSDL: vendoredWsdlPath() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  php.on('error', (err) => {
    output += `spawn failed: ${err.message} (apt-get install -y php-cli php-soap)`;
  });
  const keep = (d: Buffer): void => {
    output = (output + d.toString()).slice(-4000);
  };
  php.stdout?.on('data', keep);
  php.stderr?.on('data', keep);
  sb = await startSandbox();
  sbPort = sb.port;
  await waitForPort(phpPort, php, () => output);
}, 30_000);

afterAll(async () => {
  if (php && php.exitCode === null) {
    const exited = new Promise((r) => php.once('exit', r));
    php.kill('SIGTERM');
    await exited;
  }
  await sb?.stop();
});

test('the case table names each case once', () => {
  const names = CASES.map((c) => c.name);
  expect(new Set(names).size).toBe(names.length);
  expect(names.length).toBeGreaterThan(40);
});

test('PHP answers the control case by handing it to the service', async () => {
  const answer = await exchange(phpPort, rawRequest(CASES[0]));
  expect(answer.fault).toEqual({
    code: 'REACHED',
    string: 'login ["DEMO","2020-01-01 00:00:00","0","sha256"]',
  });
});

const matching = CASES.filter((c) => !c.deliberate);
const deliberate = CASES.filter((c) => c.deliberate);

test.each(matching.map((c) => [c.name, c] as const))('%s: the sandbox answers as PHP does', async (_n, c) => {
  const request = rawRequest(c);
  const phpAnswer = await exchange(phpPort, request);
  const ours = await exchange(sbPort, request);
  try {
    expectEquivalent(phpAnswer, ours);
  } catch (err) {
    const show = (a: Answer): string =>
      `${a.status} ${a.contentType} ${JSON.stringify(a.fault ?? a.body.slice(0, 120))}`;
    (err as Error).message += `\nPHP:     ${show(phpAnswer)}\nsandbox: ${show(ours)}`;
    throw err;
  }
});

test.each(deliberate.map((c) => [c.name, c] as const))(
  '%s: a documented difference from PHP, still true',
  async (_n, c) => {
    const d = c.deliberate as NonNullable<HttpCase['deliberate']>;
    const request = rawRequest(c);
    const phpAnswer = await exchange(phpPort, request);
    const ours = await exchange(sbPort, request);
    expect(ours.status).toBe(d.sandbox.status);
    if (d.sandbox.code) expect(ours.fault?.code).toBe(d.sandbox.code);
    if (d.sandbox.stringStartsWith)
      expect(ours.fault?.string.startsWith(d.sandbox.stringStartsWith)).toBe(true);
    if (d.php.status !== undefined) expect(phpAnswer.status).toBe(d.php.status);
    if (d.php.code !== undefined) expect(phpAnswer.fault?.code).toBe(d.php.code);
    if (d.php.string) expect(phpAnswer.fault?.string).toMatch(d.php.string);
    if (d.php.contentType) expect(phpAnswer.contentType).toMatch(d.php.contentType);
  },
);
