import fs from 'node:fs';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox';
import type { JournalRecordEntry } from '../../src/sync/journal-format';
import { cliEnv, finish, readNdjson, runCli, startCli, waitFor } from './harness';
import { customersByRef, requireBuiltCli, seedWith, startTestSandbox } from './sandbox-fixtures';
import { callsDuring, customerCalls, readReport, writeExport } from './state-fixtures';
import { makeTmpDir, removeDir } from './tmp-dir';

const CUSTOMERS = 80;
const phone = (i: number, night: number): string => `+1 555 ${night}${String(i).padStart(3, '0')}`;
/** Night 1 changes every phone; night 2 every other one again. */
const valueOn = (i: number, night: number): string =>
  night === 2 && i % 2 === 1 ? phone(i, 1) : phone(i, night);

function exportOf(night: number): { ExternalCustomerReference: string; Phone: string }[] {
  return Array.from({ length: CUSTOMERS }, (_, i) => ({
    ExternalCustomerReference: `CRM-${1001 + i}`,
    Phone: valueOn(i, night),
  }));
}

function records(journal: string): JournalRecordEntry[] {
  if (!fs.existsSync(journal)) return [];
  return fs
    .readFileSync(journal, 'utf8')
    .split('\n')
    .flatMap((l) => {
      try {
        const e = JSON.parse(l) as { type?: string };
        return e.type === 'record' ? [e as JournalRecordEntry] : [];
      } catch {
        return []; // torn by the kill
      }
    });
}

// Slow answers, so that the kill lands while writes are in flight.
describe('the state across a kill -9 during an incremental run', () => {
  let sandbox: Sandbox;
  let dir: string;
  let out: string;
  beforeAll(requireBuiltCli);
  beforeEach(async () => {
    sandbox = await startTestSandbox({
      seed: seedWith(CUSTOMERS),
      faults: { latencyMs: 20, jitterMs: 30, seed: 13 },
    });
    dir = makeTmpDir();
    out = path.join(dir, 'out');
  });
  afterEach(async () => {
    await sandbox.stop();
    removeDir(dir);
  });

  it('SIGKILL midway, then the same command: every change applied exactly once, the state consistent', async () => {
    const env = cliEnv(sandbox.url, dir);
    const night1 = path.join(dir, 'night1.csv');
    writeExport(night1, ['ExternalCustomerReference', 'Phone'], exportOf(1));
    expect((await runCli([night1, '--out-dir', out, '--concurrency', '6'], env, dir)).code).toBe(0);

    const night2 = path.join(dir, 'night2.csv');
    writeExport(night2, ['ExternalCustomerReference', 'Phone'], exportOf(2));
    const changed = CUSTOMERS / 2;
    const writesBefore = customerCalls(sandbox).writes;
    const args = [night2, '--out-dir', out, '--concurrency', '6'];
    const child = startCli(args, env, dir);
    const done = finish(child);
    // Killed once a few of the changed customers were written: others are in flight.
    await waitFor(() => customerCalls(sandbox).writes - writesBefore >= 8, 'eight writes');
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const journal = path.join(out, 'journal.ndjson');
    expect(records(journal).length).toBeLessThan(CUSTOMERS);

    const resumed = await runCli(args, env, dir);
    expect(resumed.code).toBe(0);
    // Exactly once: each changed customer written once over both runs, never an unchanged one.
    expect(customerCalls(sandbox).writes - writesBefore).toBe(changed);
    const now = customersByRef(sandbox);
    for (let i = 0; i < CUSTOMERS; i++) expect(now.get(5001 + i)?.Phone).toBe(valueOn(i, 2));
    const final = records(journal);
    expect(final).toHaveLength(CUSTOMERS);
    expect(new Set(final.map((e) => e.n)).size).toBe(CUSTOMERS);
    const report = readReport(out);
    // A write whose answer the kill took is confirmed through its journaled intent: still `updated`.
    expect(report.totals).toMatchObject({
      updated: changed,
      'unchanged-state': CUSTOMERS - changed,
      failed: 0,
    });
    expect(readNdjson(path.join(out, 'results.ndjson'))).toHaveLength(CUSTOMERS);

    // The state never claims what is not so: the same export again writes nothing, and reads only
    // the customers whose confirmation the kill took (removed before their write, not yet written).
    const again = await callsDuring(sandbox, async () =>
      expect((await runCli([...args, '--restart'], env, dir)).code).toBe(0),
    );
    expect(again.writes).toBe(0);
    const rerun = readReport(out);
    expect(rerun.counts.unchanged).toBe(again.reads);
    expect(rerun.counts['unchanged-state']).toBe(CUSTOMERS - again.reads);
    expect(again.reads).toBeLessThanOrEqual(changed);
    // And once those are read, everything is confirmed.
    const last = await callsDuring(sandbox, async () =>
      expect((await runCli([...args, '--restart'], env, dir)).code).toBe(0),
    );
    expect(last).toEqual({ reads: 0, writes: 0 });
  });
});
