// Interop: PHP's SoapClient (written like the vendor's 4.0 samples) and Python's zeep log in,
// read, update and create customers against a real sandbox. Missing tools fail the test: CI
// installs them (.ci/run: apt-get install php-cli php-soap python3-zeep).
import { execFile, execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../src/sandbox';

const PHP_CLIENT = path.join(__dirname, 'interop', 'php_client.php');
const PHP_MD5_SAMPLE = path.join(__dirname, 'interop', 'php_md5_sample.php');
const ZEEP_CLIENT = path.join(__dirname, 'interop', 'zeep_client.py');
const PYTHON = '/usr/bin/python3';

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 60_000, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err)
        reject(new Error(`${cmd} ${path.basename(args[0])} failed (${err.message}):\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function requireTool(check: () => void, hint: string): void {
  try {
    check();
  } catch {
    throw new Error(hint);
  }
}

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.stop());

function customer(ref: number): Record<string, unknown> | undefined {
  return sb.customers('DEMO')?.find((c) => c.AvangateCustomerReference === ref);
}

test('PHP SoapClient, used as in the vendor samples, logs in, reads, updates and creates', async () => {
  requireTool(() => {
    const modules = execFileSync('php', ['-m'], { encoding: 'utf8' });
    if (!/^soap$/m.test(modules)) throw new Error('no soap');
  }, 'PHP with ext/soap is required for this interop test: apt-get install -y php-cli php-soap');
  sb.resetStats();
  const host = new URL(sb.url).origin;
  const report = JSON.parse(await run('php', [PHP_CLIENT, host]));
  expect(report.sessionLength).toBe(32);
  expect(report.read).toMatchObject({
    AvangateCustomerReference: 1001,
    ExternalCustomerReference: 'CRM-0001',
    Email: 'ada@example.com',
  });
  expect(report.read.ExistingCards).toHaveLength(1);
  expect(report.updated).toBe(true);
  expect(report.updatedWithEndUsers).toBe(true);
  expect(customer(1001)).toMatchObject({ Email: 'ada.php@example.com', City: 'Cambridge' });
  const endUsers = (report.subscriptions as { EndUser: { City: string } | null }[]).map(
    (s) => s.EndUser?.City,
  );
  expect(endUsers).toEqual(['Cambridge', 'Cambridge']);
  expect(typeof report.created).toBe('number');
  expect(report.createdRead).toMatchObject({
    AvangateCustomerReference: report.created,
    FirstName: 'Zoë',
    LastName: "O'Brien & Sons <PHP>",
    CountryCode: 'ch',
    Company: null,
    ExistingCards: [],
    Enabled: false,
  });
  expect(report.notFound).toEqual({
    faultcode: 'NOT_FOUND_CUSTOMER',
    message: 'No customer with AvangateCustomerReference 999',
  });
  expect(report.badSession).toEqual({
    faultcode: 'FORBIDDEN',
    message: 'Invalid hash provided or session expired',
  });
  expect(sb.stats().logins).toBe(1);
  expect(sb.stats().loginsByAlgorithm).toEqual({ sha256: 1 });
});

describe("the vendor's 3-part HMAC-MD5 sample (PHP SoapClient)", () => {
  const requirePhp = (): void =>
    requireTool(() => {
      const modules = execFileSync('php', ['-m'], { encoding: 'utf8' });
      if (!/^soap$/m.test(modules)) throw new Error('no soap');
    }, 'PHP with ext/soap is required for this interop test: apt-get install -y php-cli php-soap');

  test('gets the clear FORBIDDEN fault from a default sandbox, as from the live service', async () => {
    requirePhp();
    sb.resetStats();
    const report = JSON.parse(await run('php', [PHP_MD5_SAMPLE, new URL(sb.url).origin]));
    expect(report).toMatchObject({
      login: 'fault',
      faultcode: 'FORBIDDEN',
      message: 'Invalid hash provided: MD5 is no longer accepted, send algo sha256 or sha3-256',
    });
    // With our WSDL, PHP sends the 3-argument call's missing algo as nil.
    expect(report.request).toContain('<algo xsi:nil="true"/>');
    expect(sb.stats()).toMatchObject({ logins: 0, failedLogins: 1, failedLoginsByAlgorithm: { md5: 1 } });
  });

  test('logs in and reads against the sandbox CLI started with --allow-md5', async () => {
    requirePhp();
    const register = path.join(__dirname, '..', '..', 'scripts', 'lib', 'ts-require.js');
    const cli = path.join(__dirname, '..', '..', 'src', 'sandbox', 'cli.ts');
    const child = spawn(process.execPath, ['-r', register, cli, '--port', '0', '--allow-md5'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout}`)), 20_000);
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(stdout);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
      });
      const report = JSON.parse(await run('php', [PHP_MD5_SAMPLE, new URL(url).origin]));
      expect(report).toMatchObject({ login: 'ok', sessionLength: 32, read: 1001 });
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.on('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });

  test('logs in and reads against a sandbox started with allowMd5', async () => {
    requirePhp();
    const legacy = await startSandbox({ allowMd5: true });
    try {
      const report = JSON.parse(await run('php', [PHP_MD5_SAMPLE, new URL(legacy.url).origin]));
      expect(report).toMatchObject({ login: 'ok', sessionLength: 32, read: 1001 });
      expect(legacy.stats().loginsByAlgorithm).toEqual({ md5: 1 });
    } finally {
      await legacy.stop();
    }
  });
});

test('zeep logs in, reads, updates and creates', async () => {
  requireTool(
    () => execFileSync(PYTHON, ['-c', 'import zeep'], { stdio: 'pipe' }),
    `zeep is required for this interop test (${PYTHON}): apt-get install -y python3-zeep`,
  );
  const report = JSON.parse(await run(PYTHON, [ZEEP_CLIENT, sb.wsdlUrl]));
  expect(report.sessionLength).toBe(32);
  expect(report.read).toMatchObject({
    AvangateCustomerReference: 1002,
    FirstName: 'Grace',
    CountryCode: 'us',
    ExistingCards: [],
  });
  expect(report.updated).toBe(true);
  expect(customer(1002)?.Phone).toBe('+1 703 555 0199');
  expect(report.createdRead).toMatchObject({
    AvangateCustomerReference: report.created,
    LastName: 'Zeep & <Python>',
    CountryCode: 'us',
    Company: null,
  });
  expect(customer(report.created)).toMatchObject({ Email: 'grace.zeep@example.com' });
  expect(report.notFound).toEqual({
    code: 'NOT_FOUND_CUSTOMER',
    message: 'No customer with AvangateCustomerReference 999',
  });
});
