import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox';
import type { JournalRecordEntry } from '../../src/sync/journal-format';
import { cliEnv, finish, readNdjson, runCli, startCli, waitFor } from './harness';
import {
  customersByRef,
  requireBuiltCli,
  seedWith,
  startTestSandbox,
  stateDiff,
  updateCalls,
} from './sandbox-fixtures';
import { makeTmpDir, removeDir } from './tmp-dir';

const CUSTOMERS = 30;
const ROUNDS = 3;

const phoneOf = (i: number, round: number): string =>
  round === 0 ? '+1 555 0000' : `+1 555 ${round}${String(i).padStart(3, '0')}`;

/** Record ordinal n (1-based) → customer index and round: each customer's ROUNDS records are adjacent. */
const positionOf = (n: number): { i: number; round: number } => ({
  i: Math.floor((n - 1) / ROUNDS),
  round: ((n - 1) % ROUNDS) + 1,
});

/**
 * Every customer gets ROUNDS phone numbers in consecutive records, so records of one key are in
 * the pipeline together and only the per-key ordering keeps them apart.
 */
function phoneInput(): string {
  const rows = ['ExternalCustomerReference,Phone'];
  for (let i = 0; i < CUSTOMERS; i++) {
    for (let round = 1; round <= ROUNDS; round++) rows.push(`CRM-${1001 + i},${phoneOf(i, round)}`);
  }
  return `${rows.join('\n')}\n`;
}

function journalRecords(file: string): JournalRecordEntry[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        const e = JSON.parse(line) as { type?: string };
        return e.type === 'record' ? [e as JournalRecordEntry] : [];
      } catch {
        return []; // a torn last line
      }
    });
}

// Process-level behaviour of the compiled CLI: kills, signals, the lock. Slow sandbox answers
// (injected latency) make sure the signal lands while records are in flight.
describe('twocheckout-sync resume, signals and lock', () => {
  let sandbox: Sandbox;
  let dir: string;
  let input: string;
  let journal: string;
  beforeAll(requireBuiltCli);
  beforeEach(async () => {
    sandbox = await startTestSandbox({
      seed: seedWith(CUSTOMERS),
      faults: { latencyMs: 15, jitterMs: 25, seed: 7 },
    });
    dir = makeTmpDir();
    input = path.join(dir, 'phones.csv');
    fs.writeFileSync(input, phoneInput());
    journal = path.join(dir, 'sync-out', 'phones', 'journal.ndjson');
  });
  afterEach(async () => {
    await sandbox.stop();
    removeDir(dir);
  });
  const env = () => cliEnv(sandbox.url, dir);

  it('SIGKILL midway, then resume: same end state as an uninterrupted run, nothing applied twice', async () => {
    const child = startCli([input, '--concurrency', '6'], env(), dir);
    const done = finish(child);
    await waitFor(() => journalRecords(journal).length >= 25, 'the journal to reach 25 records');
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const before = journalRecords(journal).length;
    expect(before).toBeLessThan(CUSTOMERS * ROUNDS);
    expect(fs.existsSync(`${journal}.lock`)).toBe(true); // left behind by the dead process

    const resumed = await runCli([input, '--concurrency', '6'], env(), dir);
    expect(resumed.stderr).toMatch(/took over a stale lock/);
    expect(resumed.code).toBe(0);

    // Every record journaled exactly once across both runs; the completed ones were not sent again.
    const entries = journalRecords(journal);
    expect(entries).toHaveLength(CUSTOMERS * ROUNDS);
    expect(new Set(entries.map((e) => e.n)).size).toBe(CUSTOMERS * ROUNDS);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'sync-out', 'phones', 'report.json'), 'utf8'));
    expect(report.counts.skippedByJournal).toBe(before);
    expect(report.totals.updated + report.totals.unchanged).toBe(CUSTOMERS * ROUNDS);
    // Each record changes its customer's phone once: any double application would show here.
    expect(updateCalls(sandbox)).toBe(CUSTOMERS * ROUNDS);

    const reference = await startTestSandbox({ seed: seedWith(CUSTOMERS) });
    try {
      const refDir = makeTmpDir();
      try {
        fs.copyFileSync(input, path.join(refDir, 'phones.csv'));
        const straight = await runCli(
          ['phones.csv', '--concurrency', '6'],
          cliEnv(reference.url, refDir),
          refDir,
        );
        expect(straight.code).toBe(0);
        expect(updateCalls(reference)).toBe(CUSTOMERS * ROUNDS);
        expect(stateDiff(customersByRef(reference), customersByRef(sandbox))).toEqual({});
        // Same-key records ran one after another, in input order: each one read what the previous
        // one wrote (concurrent ones would both have read the older value).
        const entries = journalRecords(path.join(refDir, 'sync-out', 'phones', 'journal.ndjson'));
        expect(entries).toHaveLength(CUSTOMERS * ROUNDS);
        for (const e of entries) {
          const { i, round } = positionOf(e.n);
          expect(e.changes).toEqual([{ field: 'Phone', from: phoneOf(i, round - 1), to: phoneOf(i, round) }]);
        }
      } finally {
        removeDir(refDir);
      }
    } finally {
      await reference.stop();
    }
    // Records of one key were applied in input order: the last round's value won everywhere.
    for (const [ref, c] of customersByRef(sandbox)) expect(c.Phone).toBe(phoneOf(ref - 5001, ROUNDS));
  });

  it('a second run on the same journal refuses to start (exit 2) while the first goes on', async () => {
    const first = startCli([input, '--concurrency', '2'], env(), dir);
    const firstDone = finish(first);
    await waitFor(() => journalRecords(journal).length >= 3, 'the first run to start');
    const second = await runCli([input], env(), dir);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(
      new RegExp(`another run holds .*journal\\.ndjson\\.lock: pid ${first.pid} on this host`),
    );
    const result = await firstDone;
    expect(result.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'sync-out', 'phones', 'report.json'), 'utf8'));
    expect(report.status).toBe('completed');
    expect(fs.existsSync(`${journal}.lock`)).toBe(false);
  });

  it('takes over a stale lock of a dead process, with a warning', async () => {
    const pid = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString(),
    );
    fs.mkdirSync(path.dirname(journal), { recursive: true });
    fs.writeFileSync(
      `${journal}.lock`,
      JSON.stringify({ pid, host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', token: 't' }),
    );
    const res = await runCli([input, '--log-format', 'json'], env(), dir);
    expect(res.code).toBe(0);
    const warning = res.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
      .find((l) => /stale lock/.test(l.msg));
    expect(warning).toMatchObject({ level: 'warn', pid, startedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('takes over a lock naming a live pid that is not the holder (pid reused after a reboot)', async () => {
    fs.mkdirSync(path.dirname(journal), { recursive: true });
    // pid 1 always runs, but this lock was taken by a process that started at another time.
    fs.writeFileSync(
      `${journal}.lock`,
      JSON.stringify({
        pid: 1,
        host: os.hostname(),
        startedAt: '2026-01-01T00:00:00.000Z',
        token: 't',
        procStart: '1',
      }),
    );
    const res = await runCli([input, '--log-format', 'json'], env(), dir);
    expect(res.code).toBe(0);
    const warning = res.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
      .find((l) => /stale lock/.test(l.msg));
    expect(warning).toMatchObject({
      level: 'warn',
      pid: 1,
      reason: expect.stringMatching(/another process/),
    });
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    '%s: finishes the records in flight, writes the report, exits %d; the rerun completes',
    async (signal, code) => {
      const child = startCli([input, '--concurrency', '4'], env(), dir);
      const done = finish(child);
      await waitFor(() => journalRecords(journal).length >= 10, 'the journal to reach 10 records');
      child.kill(signal);
      const stopped = await done;
      expect(stopped.code).toBe(code);
      expect(stopped.stderr).toMatch(/stop requested: taking no new records/);
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'sync-out', 'phones', 'report.json'), 'utf8'));
      expect(report).toMatchObject({ status: 'interrupted', exitCode: code, interruptedBy: signal });
      const journaled = journalRecords(journal).length;
      expect(journaled).toBeLessThan(CUSTOMERS * ROUNDS);
      // Whatever the stopped run reports as done is in the results file too.
      expect(readNdjson(path.join(dir, 'sync-out', 'phones', 'results.ndjson'))).toHaveLength(journaled);

      const rerun = await runCli([input], env(), dir);
      expect(rerun.code).toBe(0);
      expect(updateCalls(sandbox)).toBe(CUSTOMERS * ROUNDS);
      expect(journalRecords(journal)).toHaveLength(CUSTOMERS * ROUNDS);
    },
  );

  it('refuses to resume a journal against a changed input unless --restart', async () => {
    const child = startCli([input], env(), dir);
    const done = finish(child);
    await waitFor(() => journalRecords(journal).length >= 3, 'the first records');
    child.kill('SIGKILL');
    await done;
    fs.writeFileSync(input, 'ExternalCustomerReference,Phone\nCRM-1001,+1 999\n');
    const refused = await runCli([input], env(), dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/unfinished run over a different input.*--restart/);
    const restarted = await runCli([input, '--restart'], env(), dir);
    expect(restarted.code).toBe(0);
    expect(customersByRef(sandbox).get(5001)?.Phone).toBe('+1 999');
    expect(fs.existsSync(`${journal}.prev`)).toBe(true);
  });
});
