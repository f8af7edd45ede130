// `twocheckout-sync doctor` against a real sandbox over HTTP (and HTTPS with a self-signed
// certificate), in process through doctorMain, reading its configuration from an environment
// exactly as the sync does. A canary secret key checks that no secret, hash or session ID is
// ever printed: the hashes and session IDs are taken from what really went over the wire.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { doctorMain, type DoctorReport } from '../../src/doctor';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';
import { vendoredWsdlPath } from '../../src/soap';
import { startForwarder, type Forwarder } from '../client/helpers/forwarder';
import { closeServer, listen, selfSignedCert, type TestCert } from '../client/helpers/tls';

const CANARY = 'CANARY-SECRET-d0c70r';
const WRONG = 'WRONG-CANARY-5ecre7';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function doctor(args: string[], env: Record<string, string>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await doctorMain(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env,
  });
  return { code, stdout, stderr };
}

async function doctorJson(args: string[], env: Record<string, string>): Promise<DoctorReport & Run> {
  const run = await doctor([...args, '--json'], env);
  return { ...(JSON.parse(run.stdout) as DoctorReport), ...run };
}

function envFor(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    TWOCHECKOUT_MERCHANT_CODE: 'DEMO',
    TWOCHECKOUT_SECRET_KEY: CANARY,
    TWOCHECKOUT_SOAP_URL: url,
    ...extra,
  };
}

const statuses = (r: DoctorReport): Record<string, string> =>
  Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
const checkOf = (r: DoctorReport, id: string) => r.checks.find((c) => c.id === id);

/** The sandbox's DEMO merchant (seed data) with the canary key, behind a recording forwarder. */
async function start(
  options: SandboxOptions = {},
  cert?: TestCert,
): Promise<{ sb: Sandbox; wire: Forwarder }> {
  const sb = await startSandbox({ merchants: [{ code: 'DEMO', secretKey: CANARY }], ...options });
  const wire = await startForwarder(sb.url, cert);
  return { sb, wire };
}

/** The canary, and every hash and session ID that crossed the wire, are absent from `text`. */
function expectNoSecrets(text: string, wire: Forwarder): void {
  expect(text).not.toContain(CANARY);
  expect(text).not.toContain(WRONG);
  const hashes = wire.bodies.flatMap((b) => [...b.matchAll(/<hash>([^<]+)</g)].map((m) => m[1]));
  const sessions = wire.responses.flatMap((b) =>
    [...b.matchAll(/<loginReturn[^>]*>([^<]+)</g)].map((m) => m[1]),
  );
  for (const secret of [...hashes, ...sessions]) expect(text).not.toContain(secret);
  return void expect(hashes.length).toBeGreaterThan(0);
}

describe('doctor against a healthy sandbox', () => {
  let sb: Sandbox;
  let wire: Forwarder;
  beforeAll(async () => ({ sb, wire } = await start()));
  afterAll(async () => {
    await wire.close();
    await sb.stop();
  });

  test('every check passes, exit 0; the text names each check; no secret, hash or session ID', async () => {
    const run = await doctor(['--customer', '1001'], envFor(wire.url));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const line of [
      /ok +configuration +merchant DEMO, login hash sha256/,
      /ok +reachable +HTTP 200 for GET .*\?wsdl/,
      /skip +tls +plain http to this machine/,
      /ok +wsdl +matches the vendored WSDL \(17 operations/,
      /ok +clock +the local clock agrees with the server's Date header/,
      /ok +login +logged in as DEMO with sha256/,
      /ok +customer +read AvangateCustomerReference 1001, ExternalCustomerReference CRM-0001/,
      /doctor: all checks passed \(exit 0\)/,
    ])
      expect(run.stdout).toMatch(line);
    expect(wire.responses.some((r) => r.includes('loginReturn'))).toBe(true);
    expectNoSecrets(run.stdout, wire);
    expect(sb.stats().loginsByAlgorithm).toMatchObject({ sha256: expect.any(Number) });
  });

  test('--json: one document with ok, exitCode and every check in order', async () => {
    const r = await doctorJson(
      ['--customer', 'CRM-0002'],
      envFor(wire.url, { TWOCHECKOUT_HASH_ALGORITHM: 'sha3-256' }),
    );
    expect(r.code).toBe(0);
    expect(r).toMatchObject({ ok: true, exitCode: 0, merchantCode: 'DEMO', hashAlgorithm: 'sha3-256' });
    expect(r.checks.map((c) => c.id)).toEqual([
      'configuration',
      'reachable',
      'tls',
      'wsdl',
      'clock',
      'login',
      'customer',
    ]);
    expect(checkOf(r, 'customer')?.summary).toBe(
      'read AvangateCustomerReference 1002, ExternalCustomerReference CRM-0002',
    );
    expect(checkOf(r, 'clock')?.data).toMatchObject({ skewMs: expect.any(Number) });
    expectNoSecrets(r.stdout, wire);
  });

  test('an unknown customer fails the customer check (exit 2), the rest still passes', async () => {
    const r = await doctorJson(['--customer', '999'], envFor(wire.url));
    expect(r.exitCode).toBe(2);
    expect(r.code).toBe(2);
    expect(statuses(r)).toMatchObject({ login: 'ok', customer: 'fail' });
    expect(checkOf(r, 'customer')?.summary).toBe('no customer with AvangateCustomerReference 999');
  });

  test('a wrong secret: exit 2, the login refused, the four causes in order, wrong secret first', async () => {
    const run = await doctor([], envFor(wire.url, { TWOCHECKOUT_SECRET_KEY: WRONG }));
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/FAIL +login +refused: FORBIDDEN: Invalid hash provided/);
    const order = [
      '1. Wrong secret key (or merchant code) [likely]',
      '2. Hash algorithm: MD5 vs SHA',
      '3. Clock skew [unlikely]',
      "4. The account's API IP allow-list",
    ].map((t) => run.stdout.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(run.stdout).toContain('TWOCHECKOUT_SECRET_KEY');
    expect(run.stdout).toMatch(/doctor: 1 check failed \(exit 2\)/);
    expectNoSecrets(run.stdout, wire);

    const r = await doctorJson([], envFor(wire.url, { TWOCHECKOUT_SECRET_KEY: WRONG }));
    const login = checkOf(r, 'login');
    expect(login?.causes?.map((c) => [c.id, c.likelihood])).toEqual([
      ['wrong-secret', 'likely'],
      ['hash-algorithm', 'unlikely'],
      ['clock-skew', 'unlikely'],
      ['ip-allow-list', 'possible'],
    ]);
    // The other algorithms were tried with the same (wrong) key and refused too.
    expect(login?.data?.probes).toEqual([
      { algorithm: 'sha3-256', outcome: 'refused', message: 'Invalid hash provided' },
      {
        algorithm: 'md5',
        outcome: 'refused',
        message: 'Invalid hash provided: MD5 is no longer accepted, send algo sha256 or sha3-256',
      },
    ]);
    expect(statuses(r)).toMatchObject({ reachable: 'ok', wsdl: 'ok', clock: 'ok', customer: 'skip' });
    expectNoSecrets(r.stdout, wire);
  });

  test('--no-probe: one login only, the algorithm cause says it was not tried', async () => {
    sb.resetStats();
    const r = await doctorJson(['--no-probe'], envFor(wire.url, { TWOCHECKOUT_SECRET_KEY: WRONG }));
    expect(r.exitCode).toBe(2);
    expect(sb.stats().failedLogins).toBe(1);
    expect(checkOf(r, 'login')?.causes?.[1].evidence).toMatch(/not tried \(--no-probe\)/);
  });

  test('md5 configured against a service that refuses it: the algorithm is the likely cause, sha256 works', async () => {
    const r = await doctorJson([], envFor(wire.url, { TWOCHECKOUT_HASH_ALGORITHM: 'md5' }));
    expect(r.exitCode).toBe(2);
    expect(checkOf(r, 'configuration')?.status).toBe('warn');
    const causes = checkOf(r, 'login')?.causes ?? [];
    expect(causes.map((c) => [c.id, c.likelihood])).toEqual([
      ['wrong-secret', 'unlikely'],
      ['hash-algorithm', 'likely'],
      ['clock-skew', 'unlikely'],
      ['ip-allow-list', 'unlikely'],
    ]);
    expect(causes[1].check).toBe('set TWOCHECKOUT_HASH_ALGORITHM=sha256');
    expectNoSecrets(r.stdout, wire);
  });

  test('a configuration error is the first failed check (exit 2), naming the variable', async () => {
    const r = await doctorJson([], { TWOCHECKOUT_MERCHANT_CODE: 'DEMO', TWOCHECKOUT_SOAP_URL: wire.url });
    expect(r.exitCode).toBe(2);
    expect(r.checks).toHaveLength(1);
    expect(r.checks[0]).toMatchObject({ id: 'configuration', status: 'fail' });
    expect(r.checks[0].summary).toMatch(/TWOCHECKOUT_SECRET_KEY is not set/);
    const bad = await doctorJson([], envFor(wire.url, { TWOCHECKOUT_HASH_ALGORITHM: 'sha1' }));
    expect(bad.checks[0].summary).toMatch(/TWOCHECKOUT_HASH_ALGORITHM must be one of sha256, sha3-256, md5/);
    // Everything missing or invalid at once, in one check, one line each.
    const all = await doctorJson([], { TWOCHECKOUT_SOAP_URL: wire.url, TWOCHECKOUT_TIMEOUT_MS: 'soon' });
    expect(all.exitCode).toBe(2);
    expect(all.checks).toHaveLength(1);
    expect(all.checks[0].summary).toMatch(
      /^3 configuration problems: TWOCHECKOUT_MERCHANT_CODE is not set; TWOCHECKOUT_SECRET_KEY is not set; TWOCHECKOUT_TIMEOUT_MS must be/,
    );
    expect(all.checks[0].details.slice(0, 3)).toEqual([
      'TWOCHECKOUT_MERCHANT_CODE is not set',
      'TWOCHECKOUT_SECRET_KEY is not set',
      expect.stringMatching(/^TWOCHECKOUT_TIMEOUT_MS must be a positive whole number/),
    ]);
  });
});

describe('doctor and the clock', () => {
  test('a 20-minute skew, measured from the Date header, is the likely cause of the refusal', async () => {
    const skewMs = 20 * 60_000;
    const { sb, wire } = await start({ now: () => Date.now() + skewMs });
    try {
      const r = await doctorJson([], envFor(wire.url));
      expect(r.exitCode).toBe(2);
      const clock = checkOf(r, 'clock');
      expect(clock?.status).toBe('warn');
      expect(clock?.summary).toMatch(/the local clock is \d+\.\d s behind the server's Date header/);
      const measured = clock?.data?.skewMs as number;
      expect(Math.abs(measured - skewMs)).toBeLessThan(5 * 60_000);
      const login = checkOf(r, 'login');
      expect(login?.summary).toMatch(/Invalid date/);
      expect(login?.causes?.map((c) => c.id)).toEqual([
        'wrong-secret',
        'hash-algorithm',
        'clock-skew',
        'ip-allow-list',
      ]);
      expect(login?.causes?.[2]).toMatchObject({ likelihood: 'likely' });
      expect(login?.causes?.[2].evidence).toMatch(/behind the server's Date header/);
      expectNoSecrets(r.stdout, wire);
    } finally {
      await wire.close();
      await sb.stop();
    }
  });
});

describe('doctor over TLS (self-signed certificate in front of the sandbox)', () => {
  let sb: Sandbox;
  let wire: Forwarder;
  let cert: TestCert;
  let dir: string;
  beforeAll(async () => {
    cert = await selfSignedCert();
    ({ sb, wire } = await start({}, cert));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-tls-'));
  });
  afterAll(async () => {
    await wire.close();
    await sb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('without the CA: tls fails naming the self-signed certificate and the fix; no login is tried', async () => {
    const r = await doctorJson([], envFor(wire.url));
    expect(r.exitCode).toBe(2);
    expect(statuses(r)).toMatchObject({ reachable: 'ok', tls: 'fail', login: 'skip', customer: 'skip' });
    const tls = checkOf(r, 'tls');
    expect(tls?.summary).toBe('the certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)');
    expect(tls?.details[0]).toMatch(/self-signed \(CN=localhost\) and not trusted.*TWOCHECKOUT_CA_FILE/);
    expect(tls?.details.join('\n')).toMatch(/certificate: CN=localhost; issuer CN=localhost \(self-signed\)/);
    expect(wire.bodies.filter((b) => b.includes('<tns:login>'))).toHaveLength(0);
  });

  test('with TWOCHECKOUT_CA_FILE: tls verifies, the login works, exit 0', async () => {
    const caFile = path.join(dir, 'ca.pem');
    fs.writeFileSync(caFile, cert.cert);
    const r = await doctorJson(['--customer', '1001'], envFor(wire.url, { TWOCHECKOUT_CA_FILE: caFile }));
    expect(r.exitCode).toBe(0);
    expect(statuses(r)).toEqual({
      configuration: 'ok',
      reachable: 'ok',
      tls: 'ok',
      wsdl: 'ok',
      clock: 'ok',
      login: 'ok',
      customer: 'ok',
    });
    expect(checkOf(r, 'tls')?.summary).toMatch(/^verified: CN=localhost, valid until /);
    expectNoSecrets(r.stdout, wire);
  });

  test('with verification turned off: a warning that says it would fail', async () => {
    const r = await doctorJson([], envFor(wire.url, { TWOCHECKOUT_TLS_INSECURE: 'true' }));
    expect(r.exitCode).toBe(0);
    const tls = checkOf(r, 'tls');
    expect(tls?.status).toBe('warn');
    expect(tls?.details[0]).toMatch(
      /with verification on it would fail: the server's certificate is self-signed/,
    );
  });
});

describe('doctor when the service is unreachable or serves another WSDL', () => {
  test('a refused connection: reachable fails with a hint, later checks are skipped', async () => {
    const server = http.createServer();
    const port = await listen(server);
    await closeServer(server);
    const r = await doctorJson([], envFor(`http://127.0.0.1:${port}/soap/4.0/`));
    expect(r.exitCode).toBe(2);
    expect(statuses(r)).toEqual({
      configuration: 'ok',
      reachable: 'fail',
      tls: 'skip',
      wsdl: 'skip',
      clock: 'skip',
      login: 'skip',
      customer: 'skip',
    });
    expect(checkOf(r, 'reachable')?.summary).toMatch(/ECONNREFUSED/);
    expect(checkOf(r, 'reachable')?.details[0]).toMatch(/nothing accepts connections on 127\.0\.0\.1:\d+/);
  });

  test('a WSDL that lost an operation and changed a parameter fails; one that only adds warns', async () => {
    const sb = await startSandbox({ merchants: [{ code: 'DEMO', secretKey: CANARY }] });
    let wsdl = '';
    // GET ?wsdl answers `wsdl`; SOAP calls go on to the sandbox.
    const front = http.createServer((req, res) => {
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(wsdl);
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        fetch(sb.url, {
          method: 'POST',
          headers: { 'content-type': 'text/xml' },
          body: Buffer.concat(chunks),
        })
          .then(async (up) => {
            res.writeHead(up.status, { 'content-type': 'text/xml; charset=utf-8' });
            res.end(await up.text());
          })
          .catch(() => res.destroy());
      });
    });
    const url = `http://127.0.0.1:${await listen(front)}/soap/4.0/`;
    const vendored = fs.readFileSync(vendoredWsdlPath(), 'utf8');
    try {
      wsdl = vendored
        .replace(/<wsdl:operation name="copyPaymentInfo">[\s\S]*?<\/wsdl:operation>/g, '')
        .replace('<wsdl:part name="algo" type="xsd:string"/>', '');
      const broken = await doctorJson([], envFor(url));
      expect(broken.exitCode).toBe(2);
      const check = checkOf(broken, 'wsdl');
      expect(check?.status).toBe('fail');
      expect(check?.details).toEqual(
        expect.arrayContaining([
          'operation removed: copyPaymentInfo',
          'operation login: input parameter removed: algo (xsd:string)',
        ]),
      );
      expect(checkOf(broken, 'login')?.status).toBe('ok'); // the vendored WSDL drives the calls

      wsdl = vendored.replace(
        '<xsd:element name="Language" type="xsd:string" nillable="true"/>\n        </xsd:all>\n      </xsd:complexType>\n      <xsd:complexType name="ExistingCard">',
        '<xsd:element name="Language" type="xsd:string" nillable="true"/>\n          <xsd:element name="Credit" type="xsd:double" nillable="true"/>\n        </xsd:all>\n      </xsd:complexType>\n      <xsd:complexType name="ExistingCard">',
      );
      expect(wsdl).not.toBe(vendored);
      const richer = await doctorJson([], envFor(url));
      expect(checkOf(richer, 'wsdl')).toMatchObject({ status: 'warn' });
      expect(checkOf(richer, 'wsdl')?.details[0]).toBe(
        'type Customer: field added: Credit (xsd:double, nillable)',
      );
      expect(richer.exitCode).toBe(0);

      wsdl = '<html><body>Maintenance</body></html>';
      const html = await doctorJson([], envFor(url));
      expect(checkOf(html, 'wsdl')).toMatchObject({
        status: 'fail',
        summary: 'the answer to ?wsdl is not a WSDL this client can read',
      });
    } finally {
      await closeServer(front);
      await sb.stop();
    }
  });
});

describe('doctor command line', () => {
  test('--help lists the checks and the options; bad flags exit 2 on stderr', async () => {
    const help = await doctor(['--help'], {});
    expect(help.code).toBe(0);
    for (const word of [
      'configuration',
      'reachable',
      'tls',
      'wsdl',
      'clock',
      'login',
      '--customer',
      '--json',
    ])
      expect(help.stdout).toContain(word);
    const bad = await doctor(['--bogus'], {});
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^twocheckout-sync doctor: Unknown option '--bogus'/);
    const badRef = await doctor(['--customer', 'ext:'], {});
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toMatch(/--customer ext: needs a reference/);
  });
});
