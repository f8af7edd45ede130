// The fault campaign: a 2,000-record sync against a sandbox that fails 5% of calls with HTTP
// 500/503, resets 2% of connections, hangs 1% past the client's timeout, rate-limits, and expires
// every session every few seconds; then the same while the sync is SIGKILLed at five random points.
// Every record must end applied or reported, and the sandbox must end in exactly the expected state.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { cliEnv, finish, readNdjson, runCli, startCli, waitFor } from '../sync/harness';

const RECORDS = 2_000;
const MERCHANT = { code: 'CHAOS', secretKey: 'CHAOS_SECRET_KEY' };
const ref = (i: number): string => `CHAOS-${String(i).padStart(5, '0')}`;

interface Report {
  exitCode: number;
  counts: Record<'updated' | 'unchanged' | 'invalid' | 'failed' | 'skippedByJournal', number>;
  totals: Record<'updated' | 'unchanged' | 'invalid' | 'failed', number>;
}

function original(i: number): Record<string, string | number> {
  return {
    AvangateCustomerReference: 500000 + i,
    ExternalCustomerReference: ref(i),
    FirstName: 'Chaos',
    LastName: `Customer ${i}`,
    Address1: `${i} Fault Lane`,
    City: 'Cluj',
    Zip: '400000',
    CountryCode: 'ro',
    Phone: `+40 264 ${String(i).padStart(6, '0')}`,
    Email: `chaos${i}@example.com`,
    Language: 'en',
  };
}

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

/** A seeded PRNG (mulberry32), so the kill points are the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function chaosSandbox(faultSeed: number): Promise<Sandbox> {
  const customers = Array.from({ length: RECORDS }, (_, i) => original(i));
  return startSandbox({
    seed: { merchants: [{ ...MERCHANT, customers }] },
    expireSessionsEveryMs: 3_000,
    rateLimit: { requestsPerSecond: 600, burst: 40 },
    faults: {
      seed: faultSeed,
      http500Rate: 0.025,
      http503Rate: 0.025,
      resetRate: 0.02,
      hangRate: 0.01,
      timing: 'random',
    },
  });
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

const journalRecords = (dir: string): Array<{ key: string; outcome: string }> =>
  readNdjson<{ type: string; key: string; outcome: string }>(path.join(dir, 'journal.ndjson')).filter(
    (l) => l.type === 'record',
  );

describe('chaos campaign: 2,000 records under injected faults', () => {
  let work: string;
  let input: string;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheckout-chaos-'));
    input = path.join(work, 'changes.csv');
    writeInput(input);
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const env = (url: string, dir: string): NodeJS.ProcessEnv =>
    cliEnv(url, dir, {
      TWOCHECKOUT_MERCHANT_CODE: MERCHANT.code,
      TWOCHECKOUT_SECRET_KEY: MERCHANT.secretKey,
      TWOCHECKOUT_TIMEOUT_MS: '1000',
    });
  const args = (dir: string): string[] => [input, '--out-dir', dir, '--concurrency', '16'];

  test('every record ends applied or reported, and reruns converge to the expected state', async () => {
    const sandbox = await chaosSandbox(7);
    const dir = fs.mkdtempSync(path.join(work, 'run-'));
    try {
      const first = await runCli(args(dir), env(sandbox.url, dir), dir);
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
      let code = first.code;
      for (let i = 0; i < 5 && code !== 0; i++)
        code = (await runCli(args(dir), env(sandbox.url, dir), dir)).code;
      expect(code).toBe(0);
      expectOnlyIntendedChanges(sandbox, 'all');
      const journal = journalRecords(dir).filter((r) => r.outcome !== 'failed');
      expect(new Set(journal.map((r) => r.key)).size).toBe(RECORDS);
      expect(journal).toHaveLength(RECORDS); // no record completed twice
    } finally {
      await sandbox.stop();
    }
  });

  test('SIGKILL at five random points, resumed each time: same final state, nothing completed twice', async () => {
    const sandbox = await chaosSandbox(11);
    const dir = fs.mkdtempSync(path.join(work, 'killed-'));
    const random = prng(2026);
    try {
      for (let kill = 0; kill < 5; kill++) {
        const before = fs.existsSync(path.join(dir, 'journal.ndjson')) ? journalRecords(dir).length : 0;
        const child = startCli(args(dir), env(sandbox.url, dir), dir);
        const done = finish(child);
        // Kill after a random share of the remaining records has been journaled.
        const killAt = before + Math.max(1, Math.floor(random() * ((RECORDS - before) / 3)));
        await waitFor(
          () => fs.existsSync(path.join(dir, 'journal.ndjson')) && journalRecords(dir).length >= killAt,
          `journal to reach ${killAt} records`,
          120_000,
        );
        child.kill('SIGKILL');
        const result = await done;
        expect(result.signal).toBe('SIGKILL');
        expectOnlyIntendedChanges(
          sandbox,
          new Set(
            journalRecords(dir)
              .filter((r) => r.outcome !== 'failed')
              .map((r) => r.key),
          ),
        );
      }
      let code: number | null = null;
      for (let i = 0; i < 6 && code !== 0; i++)
        code = (await runCli(args(dir), env(sandbox.url, dir), dir)).code;
      expect(code).toBe(0);
      expectOnlyIntendedChanges(sandbox, 'all');

      const completed = journalRecords(dir).filter((r) => r.outcome !== 'failed');
      expect(completed).toHaveLength(RECORDS); // every record completed exactly once across six runs
      expect(new Set(completed.map((r) => r.key)).size).toBe(RECORDS);
      // A record in flight at a kill ran again and found its change applied: it is 'unchanged', not 'updated'.
      const updated = completed.filter((r) => r.outcome === 'updated').length;
      expect(updated + completed.filter((r) => r.outcome === 'unchanged').length).toBe(RECORDS);
      expect(updated).toBeGreaterThan(0);
    } finally {
      await sandbox.stop();
    }
  });
});
