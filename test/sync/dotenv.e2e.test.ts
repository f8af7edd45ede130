import fs from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox';
import { CLI, finish } from './harness';
import { customersByRef, requireBuiltCli, startTestSandbox } from './sandbox-fixtures';
import { makeTmpDir, removeDir } from './tmp-dir';
import { spawn } from 'node:child_process';

// --dotenv FILE (formerly --env-file, which Node 20 itself intercepts: with a missing file node
// prints "not found" and exits 9 before the sync runs).
describe('--dotenv FILE', () => {
  let sandbox: Sandbox;
  let dir: string;
  let input: string;
  beforeAll(requireBuiltCli);
  beforeEach(async () => {
    sandbox = await startTestSandbox();
    dir = makeTmpDir();
    input = path.join(dir, 'in.csv');
    fs.writeFileSync(input, 'ExternalCustomerReference,City\nCRM-0001,Bath\n');
  });
  afterEach(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  /** The CLI with no credentials in its environment: they can only come from the .env file. */
  const run = (args: string[], extra: Record<string, string> = {}) =>
    finish(
      spawn(process.execPath, [CLI, input, '--progress', 'none', ...args], {
        cwd: dir,
        env: { PATH: process.env.PATH, NO_PROXY: '127.0.0.1,localhost', ...extra },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  const credentials = (): string => {
    const file = path.join(dir, 'creds.env');
    fs.writeFileSync(
      file,
      `TWOCHECKOUT_MERCHANT_CODE=DEMO\nTWOCHECKOUT_SECRET_KEY=DEMO_SECRET_KEY\nTWOCHECKOUT_SOAP_URL=${sandbox.url}\n` +
        'TWOCHECKOUT_SYNC_OUT_DIR=from-dotenv\n',
    );
    return file;
  };

  it('reads the credentials and TWOCHECKOUT_SYNC_* flags from the file', async () => {
    const res = await run(['--dotenv', credentials()]);
    expect(res.stderr).toMatch(/completed \(exit 0\)/);
    expect(res.code).toBe(0);
    expect(customersByRef(sandbox).get(1001)?.City).toBe('Bath');
    expect(fs.existsSync(path.join(dir, 'from-dotenv', 'report.json'))).toBe(true);
  });

  it('a missing file is exit 2 with a message naming it (flag or TWOCHECKOUT_SYNC_DOTENV)', async () => {
    const missing = path.join(dir, 'missing.env');
    const res = await run(['--dotenv', missing]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`--dotenv ${missing}: cannot read it (no such file)`);
    const viaEnv = await run([], { TWOCHECKOUT_SYNC_DOTENV: missing });
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.stderr).toContain(`TWOCHECKOUT_SYNC_DOTENV ${missing}: cannot read it (no such file)`);
    expect(sandbox.stats().calls).toBe(0);
  });

  it('still accepts the old spelling --env-file (when the file exists), with a warning', async () => {
    const res = await run(['--env-file', credentials()]);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/--env-file is deprecated: use --dotenv/);
    expect(customersByRef(sandbox).get(1001)?.City).toBe('Bath');
  });
});
