// The built `twocheckout-sync doctor`, as an operator runs it: credentials from the environment or
// an env file (the sync's configuration path), against a real sandbox.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { CLI } from '../sync/harness';
import { requireBuiltCli } from '../sync/sandbox-fixtures';

const CANARY = 'CANARY-SECRET-c11-d0c';

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', NO_PROXY: '127.0.0.1,localhost', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let sb: Sandbox;
let dir: string;
let emptyEnv: string;
beforeAll(async () => {
  requireBuiltCli();
  sb = await startSandbox({ merchants: [{ code: 'DEMO', secretKey: CANARY }] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doctor-cli-'));
  emptyEnv = path.join(dir, 'empty.env');
  fs.writeFileSync(emptyEnv, '');
});
afterAll(async () => {
  await sb.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('twocheckout-sync --help lists the doctor', async () => {
  const out = await run(['--help'], {});
  expect(out.code).toBe(0);
  expect(out.stdout).toMatch(/twocheckout-sync doctor \[--customer REF\] \[--json\]/);
  expect(out.stdout).toContain('TWOCHECKOUT_HASH_ALGORITHM');
});

test('exit 0 against the sandbox, reading the secret from the env file as the sync does', async () => {
  const envFile = path.join(dir, 'doctor.env');
  fs.writeFileSync(envFile, `TWOCHECKOUT_SECRET_KEY=${CANARY}\n`);
  const out = await run(['doctor', '--dotenv', envFile, '--customer', '1001'], {
    TWOCHECKOUT_MERCHANT_CODE: 'DEMO',
    TWOCHECKOUT_SOAP_URL: sb.url,
  });
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  expect(out.stdout).toMatch(/ok +login +logged in as DEMO with sha256/);
  expect(out.stdout).toMatch(/doctor: all checks passed/);
  expect(out.stdout).not.toContain(CANARY);
});

test('exit 2 with a wrong secret, listing the causes; --json for machines', async () => {
  const env = {
    TWOCHECKOUT_MERCHANT_CODE: 'DEMO',
    TWOCHECKOUT_SECRET_KEY: 'not-the-canary-key',
    TWOCHECKOUT_SOAP_URL: sb.url,
  };
  const text = await run(['doctor', '--dotenv', emptyEnv], env);
  expect(text.code).toBe(2);
  expect(text.stdout).toMatch(/FAIL +login +refused: FORBIDDEN: Invalid hash provided/);
  expect(text.stdout).toMatch(/1\. Wrong secret key \(or merchant code\) \[likely\]/);
  expect(text.stdout).toMatch(/3\. Clock skew/);
  expect(text.stdout).not.toContain('not-the-canary-key');
  const json = await run(['doctor', '--dotenv', emptyEnv, '--json'], env);
  expect(json.code).toBe(2);
  const report = JSON.parse(json.stdout) as { exitCode: number; checks: { id: string; status: string }[] };
  expect(report.exitCode).toBe(2);
  expect(report.checks.find((c) => c.id === 'login')?.status).toBe('fail');
  expect(json.stdout).not.toContain('not-the-canary-key');
});
