// Codegen: no `any` where the WSDL names a type, banners, XSD type names, and generate:check.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const GENERATED = path.join(ROOT, 'generated');
const WSDL = path.join(ROOT, 'wsdl', '2checkout-soap-4.0.wsdl');

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function runGenerate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'scripts/generate.js'), ...args],
      { timeout: 60000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('generated/ contains no `any` type', () => {
  const offenders = files(GENERATED)
    .flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ f, i, line })),
    )
    .filter(({ line }) => /(:\s*any\b|\bany\[\]|<any>|\bas any\b|Array<any>)/.test(line))
    .map(({ f, i, line }) => `${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
  expect(offenders).toEqual([]);
});

test('every generated file carries the banner with the WSDL sha256', () => {
  const sha = crypto.createHash('sha256').update(fs.readFileSync(WSDL)).digest('hex');
  const all = files(GENERATED);
  expect(all.length).toBeGreaterThan(40);
  for (const f of all) {
    const head = fs.readFileSync(f, 'utf8').split('\n').slice(0, 3).join('\n');
    expect({
      f,
      ok:
        head.includes('GENERATED FILE - DO NOT EDIT') &&
        head.includes(`wsdl/2checkout-soap-4.0.wsdl (sha256 ${sha})`),
    }).toEqual({ f, ok: true });
  }
});

test('interfaces follow XSD type names; SOAP-ENC arrays are typed item lists', () => {
  const defs = path.join(GENERATED, 'twocheckout/definitions');
  const customer = fs.readFileSync(path.join(defs, 'Customer.ts'), 'utf8');
  expect(customer).toContain('export interface Customer {');
  expect(customer).toContain('ExistingCards?: ArrayOfExistingCard;');
  expect(fs.readFileSync(path.join(defs, 'ArrayOfExistingCard.ts'), 'utf8')).toContain(
    'item?: Array<ExistingCard>;',
  );
  expect(fs.readFileSync(path.join(defs, 'GetCustomerInformationResponse.ts'), 'utf8')).toContain(
    'getCustomerInformationReturn?: Customer;',
  );
  expect(fs.existsSync(path.join(defs, 'GetCustomerInformationReturn.ts'))).toBe(false);
});

test('generate:check passes on the committed tree and names stale, missing and extra files', async () => {
  expect((await runGenerate(['--check'])).code).toBe(0);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-check-'));
  try {
    fs.cpSync(GENERATED, tmp, { recursive: true });
    fs.appendFileSync(path.join(tmp, 'twocheckout/definitions/Customer.ts'), '// edited\n');
    fs.rmSync(path.join(tmp, 'twocheckout/definitions/Price.ts'));
    fs.writeFileSync(path.join(tmp, 'twocheckout/definitions/Stray.ts'), '');
    const out = await runGenerate(['--check', '--generated-dir', tmp]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/stale: +\S*twocheckout\/definitions\/Customer\.ts/);
    expect(out.stderr).toMatch(/missing: \S*twocheckout\/definitions\/Price\.ts/);
    expect(out.stderr).toMatch(/extra: +\S*twocheckout\/definitions\/Stray\.ts/);
    // and `generate` into that folder repairs it, byte for byte
    expect((await runGenerate(['--generated-dir', tmp])).code).toBe(0);
    expect((await runGenerate(['--check', '--generated-dir', tmp])).code).toBe(0);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("an operation the codec generator cannot compile falls back to engine 'node-soap', and generate says so", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codec-fallback-'));
  try {
    const wsdl = path.join(dir, 'swapped.wsdl');
    const text = fs
      .readFileSync(WSDL, 'utf8')
      .replace(
        '<wsdl:part name="getSingleSignOnInCartReturn" type="xsd:string"/>',
        '<wsdl:part name="getSingleSignOnInCartReturn" type="xsd:base64Binary"/>',
      );
    expect(text).toContain('xsd:base64Binary');
    fs.writeFileSync(wsdl, text);
    const out = path.join(dir, 'out');
    const { code, stderr } = await runGenerate(['--one', wsdl, out, 'Swapped']);
    expect(code).toBe(0);
    expect(stderr).toContain("1 of 17 operation(s) fall back to engine 'node-soap'");
    expect(stderr).toContain(
      'getSingleSignOnInCart: type xsd:base64Binary is not supported by the codec generator',
    );
    const codecs = fs.readFileSync(path.join(out, 'codecs.ts'), 'utf8');
    expect(codecs).toContain(
      '"getSingleSignOnInCart": "type xsd:base64Binary is not supported by the codec generator"',
    );
    expect(codecs).not.toMatch(/^\s+getSingleSignOnInCart: \{ serialize/m);
    expect(codecs).toMatch(/^\s+getCustomerInformation: \{ serialize/m);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
