import fs from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox';
import { cliEnv, runCli } from './harness';
import { requireBuiltCli, seedWith, startTestSandbox } from './sandbox-fixtures';
import { makeTmpDir, removeDir } from './tmp-dir';

const CUSTOMERS = 101;

// Defect: with an unwritable --report path all 101 records were applied, then the run exited 2
// with "internal error"; an unwritable out-dir gave a stack trace. Every output must be checked
// (a probe file created and removed) before anything is sent. These paths are unwritable for
// root too (a file where a directory must be, a directory where a file must be).
describe('unwritable outputs are found before anything is sent', () => {
  let sandbox: Sandbox;
  let dir: string;
  let input: string;
  let notADir: string;
  beforeAll(requireBuiltCli);
  beforeEach(async () => {
    sandbox = await startTestSandbox({ seed: seedWith(CUSTOMERS) });
    dir = makeTmpDir();
    input = path.join(dir, 'in.csv');
    const rows = Array.from({ length: CUSTOMERS }, (_, i) => `CRM-${1001 + i},+1 555 ${i}`);
    fs.writeFileSync(input, `ExternalCustomerReference,Phone\n${rows.join('\n')}\n`);
    notADir = path.join(dir, 'a-file');
    fs.writeFileSync(notADir, 'not a directory');
    fs.mkdirSync(path.join(dir, 'a-dir'));
  });
  afterEach(async () => {
    await sandbox.stop();
    removeDir(dir);
  });
  const run = (args: string[]) => runCli([input, ...args], cliEnv(sandbox.url, dir), dir);

  it.each([
    [
      '--report',
      () => path.join(notADir, 'report.json'),
      /the report .*a-file\/report\.json.*not a directory \(ENOTDIR\)/,
    ],
    ['--report', () => path.join(dir, 'a-dir'), /the report .*a-dir.* is a directory/],
    ['--results', () => path.join(notADir, 'r.ndjson'), /the results file .*a-file\/r\.ndjson.*ENOTDIR/],
    ['--dead-letter', () => path.join(notADir, 'd.csv'), /the dead-letter file .*a-file\/d\.csv.*ENOTDIR/],
    ['--journal', () => path.join(dir, 'a-dir'), /the journal .*a-dir.* is a directory/],
    [
      '--out-dir',
      () => path.join(notADir, 'out'),
      /the journal .*a-file\/out\/journal\.ndjson.*not a directory/,
    ],
  ])('%s unwritable: exit 2 with a clear message, nothing sent', async (flag, target, message) => {
    const res = await run([flag, target()]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).toMatch(/fatal/);
    expect(res.stderr).not.toMatch(/internal error/);
    expect(res.stderr).not.toMatch(/^\s{4}at /m);
    expect(sandbox.stats().calls).toBe(0);
    // The probe leaves nothing behind.
    const leftovers = fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('probe'));
    expect(leftovers).toEqual([]);
  });
});
