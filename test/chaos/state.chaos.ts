// The incremental campaign: the sync state under the same injected faults. Night 1 puts 1,200
// customers at their export (to completion, reruns included) and so fills the state. Between the
// nights someone edits 5% of the customers directly in 2Checkout (drift). Night 2's export
// changes 12% of the rows (some of them drifted customers) and leaves the rest as they were; it
// is SIGKILLed at five random points while it writes, a seeded 5% of its writes are refused during
// the kill rounds, and it is resumed until it completes. Then: the sandbox holds exactly the export
// (drifted customers the export did not change keep their edit: the state is fresh), each record
// of night 2 has exactly one final word (every changed row `updated`, once; every other row
// `unchanged-state`, never read), the state file confirms exactly the export's values, a rerun
// makes no customer call, and `--refresh-after 0` corrects exactly the drift left. CHAOS_SEED
// picks the campaign.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createTwoCheckoutClient } from '../../src';
import type { Sandbox } from '../../src/sandbox';
import type { SyncReport } from '../../src/sync';
import { findField, fieldNumber, hashAt, valueHash } from '../../src/sync/state/state-entry';
import type { FaultProxy } from '../sync/fault-proxy';
import { readNdjson, runCli } from '../sync/harness';
import { customerCalls } from '../sync/state-fixtures';
import {
  chaosCustomer,
  customersByIndex,
  endCampaign,
  refuseWritesCarrying,
  chaosEnv,
  chaosSandbox,
  journalRecords,
  prng,
  runAndKill,
  runUntilDone,
  SEED,
} from './chaos-kit';

const MERCHANT = { code: 'STATE', secretKey: 'STATE_SECRET_KEY' };
const CUSTOMERS = 1_200;
const FIELDS = ['Email', 'Phone', 'City'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const ref = (k: number): string => `STATE-${String(k).padStart(5, '0')}`;

const original = (k: number): Record<string, string | number> =>
  chaosCustomer(k, { base: 700000, ref, name: 'State' });

/** Night 1 changes every customer (Email, City; Phone on every other one). */
function night1(k: number): Values {
  return {
    Email: `n1.${k}@example.org`,
    Phone: k % 2 === 0 ? `+40 721 ${String(k).padStart(6, '0')}` : (original(k).Phone as string),
    City: `Town ${k % 97}`,
  };
}

/** Night 2: the changed customers get a new Email, and every third of them a new City too. */
function night2(k: number, changed: boolean): Values {
  const v = night1(k);
  if (!changed) return v;
  return { ...v, Email: `n2.${k}@example.org`, ...(k % 3 === 0 ? { City: `Moved ${k}` } : {}) };
}

/** The edit made directly in 2Checkout (a Phone nobody exported). */
const driftPhone = (k: number): string => `+40 799 ${String(k).padStart(6, '0')}`;

function writeExport(file: string, values: (k: number) => Values): void {
  const lines = ['ExternalCustomerReference,Email,Phone,City'];
  for (let k = 0; k < CUSTOMERS; k++) {
    const v = values(k);
    lines.push([ref(k), v.Email, v.Phone, v.City].join(','));
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

const readReport = (dir: string): SyncReport =>
  JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as SyncReport;

describe(`state chaos campaign (seed ${SEED}): an incremental second night, killed and resumed`, () => {
  let work: string;
  let sandbox: Sandbox;
  let proxy: FaultProxy;
  let changed: Set<number>;
  let drifted: Set<number>;
  /** Values of night 2 whose writes the proxy refuses while `refusing`. */
  let doomed: Set<string>;
  let refusing = false;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheckout-chaos-state-'));
    sandbox = await chaosSandbox(
      MERCHANT,
      Array.from({ length: CUSTOMERS }, (_, k) => original(k)),
      SEED * 1000 + 17,
    );
    const pick = prng(SEED * 7001 + 9);
    changed = new Set();
    drifted = new Set();
    for (let k = 0; k < CUSTOMERS; k++) {
      if (pick() < 0.12) changed.add(k);
      if (pick() < 0.05) drifted.add(k);
    }
    doomed = new Set([...changed].filter(() => pick() < 0.05).map((k) => `>${night2(k, true).Email}<`));
    proxy = await refuseWritesCarrying(
      sandbox.url,
      () => doomed,
      () => refusing,
    );
  });
  afterAll(() => endCampaign(sandbox, proxy, work));

  const now = (): Map<number, Record<string, unknown>> => customersByIndex(sandbox, MERCHANT, 700000);

  /** What each customer must hold after night 2: the export, except a drift the export did not overwrite. */
  const expectedAfterNight2 = (k: number): Values => {
    const v = night2(k, changed.has(k));
    return drifted.has(k) && !changed.has(k) ? { ...v, Phone: driftPhone(k) } : v;
  };

  /**
   * While night 2 runs: every customer holds its night-1 values or its night-2 values per field
   * (a drifted one its edit, until a changed record writes the export's Phone back); untouched
   * fields never change.
   */
  function expectOnlyNight2Changes(): void {
    const c = now();
    const wrong: string[] = [];
    for (let k = 0; k < CUSTOMERS; k++) {
      const a = night1(k);
      const b = night2(k, changed.has(k));
      for (const f of FIELDS) {
        const allowed = new Set<unknown>([a[f], b[f]]);
        if (f === 'Phone' && drifted.has(k)) {
          allowed.add(driftPhone(k));
          if (!changed.has(k)) allowed.delete(a[f]);
        }
        if (!allowed.has(c.get(k)?.[f])) wrong.push(`${ref(k)}.${f}=${String(c.get(k)?.[f])}`);
      }
      for (const f of ['FirstName', 'LastName', 'Address1', 'Zip', 'Language'] as const) {
        if (c.get(k)?.[f] !== original(k)[f]) wrong.push(`${ref(k)}.${f}`);
      }
    }
    expect(wrong).toEqual([]);
  }

  /**
   * The state file never confirms a value other than `values(k)`; returns the customers it does
   * not confirm in full (a kill can take confirmations of records already journaled: the next
   * run reads those customers once).
   */
  function expectStateConfirms(dir: string, values: (k: number) => Values): number {
    const db = new Database(path.join(dir, 'state.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT key, fields FROM customers').all() as { key: string; fields: Buffer }[];
      const byKey = new Map(rows.map((r) => [r.key, r.fields]));
      const wrong: string[] = [];
      let partial = 0;
      for (let k = 0; k < CUSTOMERS; k++) {
        const blob = byKey.get(`E:${ref(k)}`);
        const v = values(k);
        let whole = blob !== undefined;
        for (const f of FIELDS) {
          const n = fieldNumber(f) as number;
          const o = blob ? findField(blob, n) : -1;
          if (o < 0) whole = false;
          else if (hashAt(blob as Buffer, o) !== valueHash(n, v[f])) wrong.push(`${ref(k)}.${f}`);
        }
        if (!whole) partial += 1;
      }
      expect(wrong).toEqual([]);
      expect(byKey.size).toBeLessThanOrEqual(CUSTOMERS);
      return partial;
    } finally {
      db.close();
    }
  }

  test('kills during the incremental night, resumed: each change applied once, the state agrees, a rerun is free', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'out-'));
    const env = chaosEnv(proxy.url, dir, MERCHANT);
    const input = path.join(work, 'customers.csv');
    const args = [input, '--out-dir', dir, '--concurrency', '16', '--max-consecutive-failures', '0'];
    /** A fresh journal over the same export (--restart), then resumed (no --restart) until it completes. */
    const afresh = async (extra: string[]): Promise<number | null> => {
      const first = await runCli([...args, '--restart', ...extra], env, dir);
      return first.code === 0 ? 0 : runUntilDone([...args, ...extra], env, dir);
    };

    // Night 1: every customer written, to completion; the state confirms every export value.
    writeExport(input, night1);
    expect(await runUntilDone(args, env, dir)).toBe(0);
    expect(expectStateConfirms(dir, night1)).toBe(0); // no kill: every customer confirmed

    // Between the nights, someone edits customers directly in 2Checkout (through the faults too).
    const other = createTwoCheckoutClient({
      merchantCode: MERCHANT.code,
      secretKey: MERCHANT.secretKey,
      url: sandbox.url,
      proxy: null,
    });
    try {
      for (const k of drifted) {
        for (let attempt = 0; now().get(k)?.Phone !== driftPhone(k); attempt++) {
          if (attempt >= 20) throw new Error(`cannot edit ${ref(k)} in the sandbox`);
          await other.customers.update({ external: ref(k) }, { Phone: driftPhone(k) }).catch(() => undefined);
        }
      }
    } finally {
      await other.close();
    }

    // Night 2, killed at five random points while it writes, refused writes included.
    writeExport(input, (k) => night2(k, changed.has(k)));
    const callsBefore = customerCalls(sandbox);
    // Night 2's writes in its journal (until its first run sets night 1's journal aside, none).
    const night2Sha = crypto.createHash('sha256').update(fs.readFileSync(input)).digest('hex');
    const journalFile = path.join(dir, 'journal.ndjson');
    const writesJournaled = (): number => {
      const head = fs.existsSync(journalFile) ? fs.readFileSync(journalFile, 'utf8').split('\n', 1)[0] : '';
      let sha: unknown;
      try {
        sha = (JSON.parse(head) as { input?: { sha256?: string } }).input?.sha256;
      } catch {
        return 0; // not written yet, or its header torn by a kill
      }
      if (sha !== night2Sha) return 0;
      return journalRecords(dir).filter((e) => e.outcome === 'updated' || e.outcome === 'failed').length;
    };
    const random = prng(SEED * 15485863 + 7);
    refusing = true;
    let kills = 0;
    for (let round = 0; round < 5; round++) {
      const before = writesJournaled();
      const killAt = before + Math.max(1, Math.floor(random() * ((changed.size - before) / 3)));
      const { killed } = await runAndKill(args, env, dir, killAt, writesJournaled);
      if (killed) kills += 1;
      expectOnlyNight2Changes();
    }
    expect(kills).toBeGreaterThanOrEqual(3);
    refusing = false;
    expect(await runUntilDone(args, env, dir)).toBe(0);
    const calls = {
      reads: customerCalls(sandbox).reads - callsBefore.reads,
      writes: customerCalls(sandbox).writes - callsBefore.writes,
    };

    // The sandbox holds exactly the export (and the drift the export did not overwrite).
    const c = now();
    const wrong: string[] = [];
    for (let k = 0; k < CUSTOMERS; k++) {
      for (const [f, v] of Object.entries(expectedAfterNight2(k))) {
        if (c.get(k)?.[f] !== v) wrong.push(`${ref(k)}.${f}: ${String(c.get(k)?.[f])} ≠ ${v}`);
      }
    }
    expect(wrong).toEqual([]);

    // Each record of night 2 has exactly one final word: its change applied once (`updated`,
    // also when a kill took its answer: confirmed on resume), every other row decided by the state.
    const final = journalRecords(dir).filter((e) => e.outcome !== 'failed');
    expect(final).toHaveLength(CUSTOMERS);
    expect(new Set(final.map((e) => e.n)).size).toBe(CUSTOMERS);
    const wrongOutcome = final.filter(
      (e) => e.outcome !== (changed.has(e.n - 1) ? 'updated' : 'unchanged-state'),
    );
    expect(wrongOutcome.map((e) => `${e.key}:${e.outcome}`)).toEqual([]);
    // Drift is reported where a changed row found someone else's Phone and put the export's back.
    const driftRows = final.filter((e) => e.drift !== undefined).map((e) => e.n - 1);
    expect(driftRows.sort((a, b) => a - b)).toEqual(
      [...changed].filter((k) => drifted.has(k)).sort((a, b) => a - b),
    );
    const report = readReport(dir);
    expect(report.totals).toMatchObject({
      updated: changed.size,
      'unchanged-state': CUSTOMERS - changed.size,
      unchanged: 0,
      failed: 0,
      invalid: 0,
    });
    expect(readNdjson(path.join(dir, 'results.ndjson'))).toHaveLength(CUSTOMERS);
    // Only changed rows reached the service: reads and writes are theirs (plus retries and resumes).
    expect(calls.reads).toBeGreaterThanOrEqual(changed.size);
    expect(calls.reads).toBeLessThan(changed.size * 3);

    // The state confirms only what the export says (the drift it never saw stays unknown to it).
    const unconfirmed = expectStateConfirms(dir, (k) => night2(k, changed.has(k)));

    // The same export again: no write, and a read only of the customers the state does not
    // confirm in full; after that, no customer call at all.
    const rerunBefore = customerCalls(sandbox);
    expect(await afresh([])).toBe(0);
    const rerun = readReport(dir);
    expect(customerCalls(sandbox).writes).toBe(rerunBefore.writes);
    expect(rerun.totals).toMatchObject({
      updated: 0,
      unchanged: unconfirmed,
      'unchanged-state': CUSTOMERS - unconfirmed,
    });
    expect(expectStateConfirms(dir, (k) => night2(k, changed.has(k)))).toBe(0);
    const freeBefore = customerCalls(sandbox);
    expect((await runCli([...args, '--restart'], env, dir)).code).toBe(0);
    expect(customerCalls(sandbox)).toEqual(freeBefore);
    expect(readReport(dir).counts).toMatchObject({ 'unchanged-state': CUSTOMERS, updated: 0, unchanged: 0 });

    // Every confirmation due: every customer read, and exactly the drift left is written back.
    expect(await afresh(['--refresh-after', '0'])).toBe(0);
    const leftDrift = [...drifted].filter((k) => !changed.has(k));
    const refreshed = readReport(dir);
    expect(refreshed.totals).toMatchObject({
      updated: leftDrift.length,
      unchanged: CUSTOMERS - leftDrift.length,
    });
    // The drift, over the whole journal (the run may have been resumed): each such customer's Phone.
    expect(refreshed.state.drift.map((d) => `${d.key}.${d.field}`).sort()).toEqual(
      leftDrift.map((k) => `${ref(k)}.Phone`).sort(),
    );
    const after = now();
    expect(
      [...after].filter(([k, v]) => v.Phone !== night2(k, changed.has(k)).Phone).map(([k]) => k),
    ).toEqual([]);
    process.stdout.write(
      `seed ${SEED}: ${kills} kills, ${changed.size} changed, ${drifted.size} drifted, night 2 calls ` +
        `${calls.reads} reads + ${calls.writes} writes, ` +
        `${final.filter((e) => e.confirmedOnResume).length} confirmed on resume, ${proxy.counts.refuse} refused, ` +
        `${unconfirmed} confirmations taken by kills\n`,
    );
  });
});
