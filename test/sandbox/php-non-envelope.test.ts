// Bodies that never reach an operation (not a SOAP envelope, malformed XML, no Body): the sandbox
// must answer with the faultcode PHP's real SoapServer gives (it is what 2Checkout runs). PHP is
// run here on every case; a missing php fails the test (CI installs php-cli php-soap).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vendoredWsdlPath } from '../../src/soap';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { faultOf } from './helpers';

const PHP_SERVER = path.join(__dirname, 'interop', 'php_server_answer.php');
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';

const CASES: [string, string | Buffer][] = [
  ['a bare element', '<foo/>'],
  ['an element in another namespace', '<foo xmlns="urn:x"><bar/></foo>'],
  ['an element with text', '<?xml version="1.0"?><foo>text</foo>'],
  ['HTML', '<html><head><title>x</title></head><body>hi</body></html>'],
  [
    'a bare rpc operation element',
    '<ns1:login xmlns:ns1="urn:order"><merchantCode>DEMO</merchantCode></ns1:login>',
  ],
  ['Envelope without a namespace', '<Envelope><Body><login xmlns="urn:order"/></Body></Envelope>'],
  ['Envelope in a wrong namespace', '<e:Envelope xmlns:e="urn:wrong"><e:Body/></e:Envelope>'],
  ['envelope in lower case', `<s:envelope xmlns:s="${SOAP11}"><s:Body/></s:envelope>`],
  ['a SOAP Body as the root', `<s:Body xmlns:s="${SOAP11}"><login xmlns="urn:order"/></s:Body>`],
  ['a SOAP Header as the root', `<s:Header xmlns:s="${SOAP11}"/>`],
  ['an Envelope without a Body', `<s:Envelope xmlns:s="${SOAP11}"/>`],
  ['an Envelope with only a Header', `<s:Envelope xmlns:s="${SOAP11}"><s:Header/></s:Envelope>`],
  ['a Body in another namespace', `<s:Envelope xmlns:s="${SOAP11}"><x:Body xmlns:x="urn:x"/></s:Envelope>`],
  ['an empty Body', `<s:Envelope xmlns:s="${SOAP11}"><s:Body/></s:Envelope>`],
  ['mismatched tags', '<a><b></a>'],
  ['not XML', 'not xml at all'],
  ['an empty body', ''],
  ['only an XML declaration', '<?xml version="1.0"?>'],
  [
    'bytes that are not UTF-8, without a declaration',
    Buffer.concat([
      Buffer.from(`<s:Envelope xmlns:s="${SOAP11}"><s:Body><ns1:login xmlns:ns1="urn:order"><merchantCode>Z`),
      Buffer.from([0xfc]),
      Buffer.from('rich</merchantCode></ns1:login></s:Body></s:Envelope>'),
    ]),
  ],
];

let dir: string;
let sb: Sandbox;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'php-non-envelope-'));
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function phpAnswer(body: string | Buffer, i: number): Promise<string> {
  const file = path.join(dir, `case-${i}.xml`);
  fs.writeFileSync(file, body);
  return new Promise((resolve, reject) => {
    execFile('php', [PHP_SERVER, vendoredWsdlPath(), file], { timeout: 30_000 }, (err, stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT')
        reject(new Error('php is not installed: apt-get install -y php-cli php-soap'));
      else if (err || stderr) reject(new Error(`php failed: ${err?.message ?? ''} ${stderr}`));
      else resolve(stdout);
    });
  });
}

test.each(CASES.map(([name, body], i) => [name, body, i] as const))(
  '%s: the same faultcode as PHP SoapServer',
  async (_name, body, i) => {
    const php = faultOf(await phpAnswer(body, i));
    expect(php.code).toMatch(/^SOAP-ENV:/); // PHP did answer with a fault
    const res = await fetch(sb.url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const ours = faultOf(await res.text());
    expect(res.status).toBe(500);
    expect(ours.code).toBe(php.code);
    if (php.code === 'SOAP-ENV:VersionMismatch') expect(ours.string).toMatch(/^Wrong Version: /);
  },
);
