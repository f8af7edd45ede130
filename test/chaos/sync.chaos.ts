// The fault campaign: a 2,000-record sync (one record per customer) against a sandbox that fails
// 5% of calls with HTTP 500/503, resets 2% of connections, hangs 1% past the client's timeout,
// rate-limits, and expires sessions; then the same while the sync is SIGKILLed at five random
// points. Every record must end applied or reported, the sandbox must end in exactly the expected
// state, and the report must count exactly what was changed. CHAOS_SEED picks the campaign.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox';
import { readNdjson, runCli } from '../sync/harness';
import {
  chaosCustomer,
  chaosEnv,
  chaosSandbox,
  describeFaults,
  journalRecords,
  prng,
  runAndKill,
  runUntilDone,
  SEED,
} from './chaos-kit';

const RECORDS = 2_000;
const MERCHANT = { code: 'CHAOS', secretKey: 'CHAOS_SECRET_KEY' };
const ref = (i: number): string => `CHAOS-${String(i).padStart(5, '0')}`;

interface Report {
  exitCode: number;
  counts: Record<'updated' | 'unchanged' | 'invalid' | 'failed' | 'skippedByJournal', number>;
  totals: Record<'updated' | 'unchanged' | 'invalid' | 'failed' | 'superseded', number>;
}

const original = (k: number): Record<string, string | number> =>
  chaosCustomer(k, { base: 500000, ref, name: 'Chaos' });

/** Changes Email on every record, and Phone on every third (two fields, some records differ more). */
function target(i: number): { Email: string; Phone: string } {
  return {
    Email: `moved${i}@example.org`,
    Phone: i % 3 === 0 ? `+40 744 ${String(i).padStart(6, '0')}` : (original(i).Phone as string),
  };
}

function writeInput(file: string): void {
  const rows = ['ExternalCustomerReference,Email,Phone'];
  for (let i = 0; i < RECORDS; i++) rows.push(`${ref(i)},${target(i).Email},${target(i).Phone}`);
  fs.writeFileSync(file, rows.join('\n') + '\n');
}

function stateOf(sandbox: Sandbox): Map<string, Record<string, unknown>> {
  const rows = sandbox.customers(MERCHANT.code) ?? [];
  return new Map(rows.map((c) => [c.ExternalCustomerReference as string, c]));
}

/** Every customer is either untouched or exactly at its target; nothing else ever changes. */
function expectOnlyIntendedChanges(sandbox: Sandbox, mustBeApplied: Set<string> | 'all'): void {
  const state = stateOf(sandbox);
  expect(state.size).toBe(RECORDS);
  const wrong: string[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const c = state.get(ref(i));
    const before = original(i);
    const after = { ...before, ...target(i) };
    const applied = c?.Email === after.Email && c?.Phone === after.Phone;
    const untouched = c?.Email === before.Email && c?.Phone === before.Phone;
    const mustApply = mustBeApplied === 'all' || mustBeApplied.has(ref(i));
    if (!(applied || (!mustApply && untouched))) wrong.push(ref(i));
    for (const f of ['FirstName', 'LastName', 'Address1', 'City', 'Zip', 'Language'] as const) {
      if (c?.[f] !== before[f]) wrong.push(`${ref(i)}.${f}`);
    }
  }
  expect(wrong).toEqual([]);
}

const readReport = (dir: string): Report =>
  JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;

/** After convergence: each record completed once, every one of them a change (`updated`). */
function expectExactJournalAndReport(dir: string): void {
  const completed = journalRecords(dir).filter((r) => r.outcome !== 'failed');
  expect(new Set(completed.map((r) => r.key)).size).toBe(RECORDS);
  expect(completed).toHaveLength(RECORDS); // no record completed twice
  // Every record changes its customer, so each is `updated`, also when its answer was lost or a
  // kill came before its outcome was journaled (its intent was: confirmed on resume).
  expect(completed.filter((r) => r.outcome !== 'updated').map((r) => [r.key, r.outcome])).toEqual([]);
  expect(readReport(dir).totals).toMatchObject({ updated: RECORDS, unchanged: 0, failed: 0, invalid: 0 });
}

describe(`chaos campaign (seed ${SEED}): 2,000 records under injected faults`, () => {
  let work: string;
  let input: string;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheckout-chaos-'));
    input = path.join(work, 'changes.csv');
    writeInput(input);
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const sandboxOf = (faultSeed: number): Promise<Sandbox> =>
    chaosSandbox(
      MERCHANT,
      Array.from({ length: RECORDS }, (_, i) => original(i)),
      faultSeed,
    );
  // No outage stop (--max-consecutive-failures 0): the campaign is about integrity, not about the stop rule.
  const args = (dir: string): string[] => [
    input,
    '--out-dir',
    dir,
    '--concurrency',
    '16',
    '--max-consecutive-failures',
    '0',
  ];

  test('every record ends applied or reported, and reruns converge to the expected state', async () => {
    const sandbox = await sandboxOf(SEED * 1000 + 7);
    const dir = fs.mkdtempSync(path.join(work, 'run-'));
    const env = chaosEnv(sandbox.url, dir, MERCHANT);
    try {
      const first = await runCli(args(dir), env, dir);
      expect([0, 1]).toContain(first.code);
      const report = readReport(dir);
      const results = readNdjson<{ key: string; outcome: string }>(path.join(dir, 'results.ndjson'));

      // Accounted for: each record once in the results, and the report's counts match them.
      expect(new Set(results.map((r) => r.key)).size).toBe(RECORDS);
      expect(results).toHaveLength(RECORDS);
      const tally = (o: string): number => results.filter((r) => r.outcome === o).length;
      expect(report.counts.updated).toBe(tally('updated'));
      expect(report.counts.unchanged).toBe(tally('unchanged'));
      expect(report.counts.failed).toBe(tally('failed'));
      expect(report.counts.updated + report.counts.unchanged + report.counts.failed).toBe(RECORDS);
      expect(first.code).toBe(report.counts.failed > 0 ? 1 : 0);

      // The faults really happened: every kind, plus throttling and session expiries.
      const stats = sandbox.stats();
      for (const kind of ['http500', 'http503', 'reset', 'hang'] as const)
        expect(stats.injected[kind]).toBeGreaterThan(0);
      expect(stats.faults.TOO_MANY_REQUESTS ?? 0).toBeGreaterThan(0);
      expect(stats.faults.FORBIDDEN ?? 0).toBeGreaterThan(0);

      // Records reported done are applied; failed ones are untouched or applied, never anything else.
      const done = new Set(results.filter((r) => r.outcome !== 'failed').map((r) => r.key));
      expectOnlyIntendedChanges(sandbox, done);

      // Reruns on the same journal retry only what failed, and converge.
      expect(await runUntilDone(args(dir), env, dir)).toBe(0);
      expectOnlyIntendedChanges(sandbox, 'all');
      expectExactJournalAndReport(dir);
    } finally {
      process.stdout.write(`seed ${SEED}: ${describeFaults(sandbox)}\n`);
      await sandbox.stop();
    }
  });

  test('SIGKILL at five random points, resumed each time: same final state, nothing completed twice', async () => {
    const sandbox = await sandboxOf(SEED * 1000 + 11);
    const dir = fs.mkdtempSync(path.join(work, 'killed-'));
    const env = chaosEnv(sandbox.url, dir, MERCHANT);
    const random = prng(SEED * 7919 + 2026);
    try {
      let kills = 0;
      for (let round = 0; round < 5; round++) {
        const before = journalRecords(dir).length;
        // Kill after a random share of the remaining records has been journaled.
        const killAt = before + Math.max(1, Math.floor(random() * ((RECORDS - before) / 3)));
        const { killed, result } = await runAndKill(args(dir), env, dir, killAt);
        if (killed) {
          kills += 1;
          expect(result.signal).toBe('SIGKILL');
        }
        expectOnlyIntendedChanges(
          sandbox,
          new Set(
            journalRecords(dir)
              .filter((r) => r.outcome !== 'failed')
              .map((r) => r.key),
          ),
        );
      }
      expect(kills).toBeGreaterThanOrEqual(3);
      expect(await runUntilDone(args(dir), env, dir)).toBe(0);
      expectOnlyIntendedChanges(sandbox, 'all');
      expectExactJournalAndReport(dir);
    } finally {
      process.stdout.write(`seed ${SEED}: ${describeFaults(sandbox)}\n`);
      await sandbox.stop();
    }
  });
});
