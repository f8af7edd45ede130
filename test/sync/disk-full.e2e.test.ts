import fs from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox';
import type { JournalRecordEntry } from '../../src/sync/journal-format';
import { cliEnv, readNdjson, runCli, type CliResult } from './harness';
import { customersByRef, requireBuiltCli, seedWith, startTestSandbox, updateCalls } from './sandbox-fixtures';
import { injectedEnospc, SmallDisk } from './small-disk';
import { makeTmpDir, removeDir } from './tmp-dir';

const CUSTOMERS = 60;
const phone = (i: number): string => `+44 20 7946 ${String(i).padStart(4, '0')}`;

function journalRecords(file: string): JournalRecordEntry[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((l) => {
      try {
        const e = JSON.parse(l) as { type?: string };
        return e.type === 'record' ? [e as JournalRecordEntry] : [];
      } catch {
        return [];
      }
    });
}

/** What a storage failure must never leave behind, whatever it hit. */
function expectCleanStop(res: CliResult, out: string, file: RegExp): void {
  expect(res.code).toBe(2);
  expect(res.stderr).toMatch(/no space left on the device \(ENOSPC\)/);
  expect(res.stderr).toMatch(file);
  expect(res.stderr).not.toMatch(/^\s{4}at /m); // no stack trace
  expect(res.stderr).not.toMatch(/internal error/);
  const left = fs.readdirSync(out);
  expect(left.filter((f) => f.endsWith('.lock'))).toEqual([]);
  expect(left.filter((f) => /\.tmp-\d+$/.test(f) || f.includes('.probe-'))).toEqual([]);
}

// Defect: ENOSPC while writing the journal raised an unhandled stream error; the process exited 1
// (which schedulers read as "some records failed") and left the lock and *.tmp-PID files behind.
describe('a full disk', () => {
  let sandbox: Sandbox;
  let dir: string;
  let input: string;
  beforeAll(requireBuiltCli);
  beforeEach(async () => {
    sandbox = await startTestSandbox({ seed: seedWith(CUSTOMERS) });
    dir = makeTmpDir();
    input = path.join(dir, 'phones.csv');
    const rows = Array.from({ length: CUSTOMERS }, (_, i) => `CRM-${1001 + i},${phone(i)}`);
    fs.writeFileSync(input, `ExternalCustomerReference,Phone\n${rows.join('\n')}\n`);
  });
  afterEach(async () => {
    await sandbox.stop();
    removeDir(dir);
  });
  // The sync state lives beside the small disk: these cases are about the files in --out-dir.
  const run = (out: string, extra: Record<string, string> = {}) =>
    runCli(
      [input, '--out-dir', out, '--concurrency', '4', '--state', path.join(dir, 'state.sqlite')],
      cliEnv(sandbox.url, dir, extra),
      dir,
    );

  it('while journaling: exit 2 naming the journal and the space problem, lock and temp files gone, then resumes', async () => {
    const disk = SmallDisk.create(path.join(dir, 'disk'));
    try {
      // Which of the two this machine used, for the test log.
      process.stdout.write(`small disk: ${disk.mode}\n`);
      const out = path.join(disk.dir, 'out');
      fs.mkdirSync(out);
      disk.fill(12 * 1024);
      const full = await run(out, disk.env());
      expectCleanStop(full, out, /cannot write the journal .*journal\.ndjson/);
      const journaled = journalRecords(path.join(out, 'journal.ndjson'));
      expect(journaled.length).toBeGreaterThan(0);
      expect(journaled.length).toBeLessThan(CUSTOMERS);

      disk.free();
      const resumed = await run(out);
      expect(resumed.code).toBe(0);
      const state = customersByRef(sandbox);
      for (let i = 0; i < CUSTOMERS; i++) expect(state.get(5001 + i)?.Phone).toBe(phone(i));
      // Every customer written once: nothing was applied twice across the two runs.
      expect(updateCalls(sandbox)).toBe(CUSTOMERS);
      const done = journalRecords(path.join(out, 'journal.ndjson')).filter((e) => e.outcome !== 'failed');
      expect(new Set(done.map((e) => e.n)).size).toBe(CUSTOMERS);
      expect(done).toHaveLength(CUSTOMERS);
      const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
      expect(report.totals.updated + report.totals.unchanged).toBe(CUSTOMERS);
    } finally {
      disk.dispose();
    }
  });

  it.each([
    ['the results file', 'results', /cannot write the results file .*results\.ndjson/],
    ['the dead-letter file', 'dead-letter', /cannot write the dead-letter file .*dead-letter\.csv/],
    ['the report', 'report', /cannot write the report .*report\.json/],
  ])(
    'while writing %s (at the end): exit 2, nothing left behind, the rerun writes it',
    async (_what, match, file) => {
      const out = path.join(dir, 'out');
      const full = await run(out, injectedEnospc(out, match));
      expectCleanStop(full, out, file);
      expect(updateCalls(sandbox)).toBe(CUSTOMERS);
      const rerun = await run(out);
      expect(rerun.code).toBe(0);
      expect(readNdjson(path.join(out, 'results.ndjson'))).toHaveLength(CUSTOMERS);
      expect(updateCalls(sandbox)).toBe(CUSTOMERS);
    },
  );
});
