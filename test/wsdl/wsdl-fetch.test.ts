// wsdl:fetch offline: the diff between two WSDLs (--from), and failing fast without a network.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const WSDL = path.join(ROOT, 'wsdl', '2checkout-soap-4.0.wsdl');

function fetchScript(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'scripts/wsdl-fetch.js'), ...args],
      { timeout: 30000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wsdl-fetch-test-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('--check --from an identical file reports no difference and writes nothing', async () => {
  const before = fs.readFileSync(WSDL);
  const out = await fetchScript(['--check', '--from', WSDL]);
  expect(out.code).toBe(0);
  expect(out.stdout).toContain('matches wsdl/2checkout-soap-4.0.wsdl');
  expect(fs.readFileSync(WSDL).equals(before)).toBe(true);
});

test('--check --from a changed file lists operations, parameters and types that differ', async () => {
  let text = fs.readFileSync(WSDL, 'utf8');
  // drop copyPaymentInfo from binding and portType, change a part type, rename and add fields
  text = text.replace(/<wsdl:operation name="copyPaymentInfo">[\s\S]*?<\/wsdl:operation>/g, '');
  text = text.replace(
    '<wsdl:part name="AvangateCustomerReference" type="xsd:int"/>\n    <wsdl:part name="ExternalCustomerReference" type="xsd:string"/>\n  </wsdl:message>\n  <wsdl:message name="getCustomerInformationResponse">',
    '<wsdl:part name="AvangateCustomerReference" type="xsd:string"/>\n    <wsdl:part name="ExternalCustomerReference" type="xsd:string"/>\n    <wsdl:part name="IncludePaymentData" type="xsd:boolean"/>\n  </wsdl:message>\n  <wsdl:message name="getCustomerInformationResponse">',
  );
  text = text.replace(
    '<xsd:element name="Language" type="xsd:string" nillable="true"/>\n        </xsd:all>\n      </xsd:complexType>\n      <xsd:complexType name="ExistingCard">',
    '<xsd:element name="Language" type="xsd:string" nillable="true"/>\n          <xsd:element name="Credit" type="xsd:double" nillable="true"/>\n        </xsd:all>\n      </xsd:complexType>\n      <xsd:complexType name="ExistingCard">',
  );
  const changed = path.join(tmp, 'live.wsdl');
  fs.writeFileSync(changed, text);
  const out = await fetchScript(['--check', '--from', changed]);
  expect(out.code).toBe(1);
  const lines = out.stdout.split('\n').map((l) => l.trim());
  expect(lines).toEqual(
    expect.arrayContaining([
      'operation removed: copyPaymentInfo',
      'operation getCustomerInformation: input parameter added: IncludePaymentData (xsd:boolean)',
      'operation getCustomerInformation: input parameter AvangateCustomerReference: type xsd:int -> xsd:string',
      'type Customer: field added: Credit (xsd:double, nillable)',
    ]),
  );
});

test('installing --from a file writes it to --out', async () => {
  const target = path.join(tmp, 'installed.wsdl');
  const out = await fetchScript(['--from', WSDL, '--out', target]);
  expect(out.code).toBe(0);
  expect(fs.readFileSync(target).equals(fs.readFileSync(WSDL))).toBe(true);
});

test('a refused connection fails with a clear message and writes nothing', async () => {
  const server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  const target = path.join(tmp, 'never.wsdl');
  const out = await fetchScript(['--url', `http://127.0.0.1:${port}/soap/4.0/?wsdl`, '--out', target]);
  expect(out.code).toBe(1);
  expect(out.stderr).toContain(
    `wsdl:fetch: cannot download http://127.0.0.1:${port}/soap/4.0/?wsdl: connect ECONNREFUSED`,
  );
  expect(out.stderr).toContain('Is there network access');
  expect(fs.existsSync(target)).toBe(false);
});

test('a server that never answers hits the timeout instead of hanging', async () => {
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer(() => undefined);
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  try {
    const out = await fetchScript(['--check', '--url', `http://127.0.0.1:${port}/?wsdl`, '--timeout', '300']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('no answer within 300 ms');
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test('bad arguments are refused', async () => {
  const out = await fetchScript(['--timeout', 'soon']);
  expect(out.code).toBe(1);
  expect(out.stderr).toContain('--timeout must be a positive integer');
});
