// The multi-row campaign: 1,500 records for 600 customers, each customer with two or three
// records (some adjacent, most far apart; later ones leave some fields empty, which keeps them as
// they are), under the same injected faults, SIGKILLed at five random points and resumed. For each
// customer and field the last record that sets it must win, whatever failed, in whichever run:
// an older value never comes back once a newer one was written. CHAOS_SEED picks the campaign.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sandbox } from '../../src/sandbox';
import type { FaultProxy } from '../sync/fault-proxy';
import { readNdjson } from '../sync/harness';
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

const MERCHANT = { code: 'MULTI', secretKey: 'MULTI_SECRET_KEY' };
const TWO = 300; // customers 0…299 have two records, 300…599 three
const CUSTOMERS = 600;
const FIELDS = ['Email', 'Phone', 'City'] as const;
type Field = (typeof FIELDS)[number];

const ref = (k: number): string => `MULTI-${String(k).padStart(4, '0')}`;
const rowsOf = (k: number): number => (k < TWO ? 2 : 3);

const original = (k: number): Record<string, string | number> =>
  chaosCustomer(k, { base: 600000, ref, name: 'Multi' });

/**
 * Record `seq` (1-based) of customer k: Email always, Phone on odd ones, City from the second on.
 * So a third record sets every field the earlier ones set (a failed earlier one is superseded
 * whole), while a second leaves the first one's Phone to it (superseded in part).
 */
function valuesOf(k: number, seq: number): Partial<Record<Field, string>> {
  return {
    Email: `k${k}.r${seq}@example.org`,
    ...(seq % 2 === 1 ? { Phone: `+40 7${seq}0 ${String(k).padStart(6, '0')}` } : {}),
    ...(seq >= 2 ? { City: `Town ${k}-${seq}` } : {}),
  };
}

/** The input order: every tenth customer's records in one block, the rest scattered. */
function layout(random: () => number): { k: number; seq: number }[] {
  const blocks: number[][] = [];
  for (let k = 0; k < CUSTOMERS; k++) {
    if (k % 10 === 0) blocks.push(Array.from({ length: rowsOf(k) }, () => k));
    else for (let i = 0; i < rowsOf(k); i++) blocks.push([k]);
  }
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [blocks[i], blocks[j]] = [blocks[j], blocks[i]];
  }
  const seen = new Map<number, number>();
  return blocks.flat().map((k) => {
    const seq = (seen.get(k) ?? 0) + 1;
    seen.set(k, seq);
    return { k, seq };
  });
}

/** Per customer and field: the last record that sets it wins; untouched fields stay. */
function expected(k: number): Record<Field, string> {
  const out = Object.fromEntries(FIELDS.map((f) => [f, original(k)[f] as string])) as Record<Field, string>;
  for (let seq = 1; seq <= rowsOf(k); seq++) Object.assign(out, valuesOf(k, seq));
  return out;
}

describe(`multi-row chaos campaign (seed ${SEED}): two and three records per customer, kills between runs`, () => {
  let work: string;
  let sandbox: Sandbox;
  let rows: { k: number; seq: number }[];
  let input: string;
  let proxy: FaultProxy;
  /** Values of rows whose writes the proxy refuses while `refusing`: they fail run after run, so later rows overtake them. */
  let doomed: Set<string>;
  let refusing = true;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheckout-chaos-multi-'));
    rows = layout(prng(SEED * 31 + 5));
    input = path.join(work, 'changes.csv');
    const lines = ['ExternalCustomerReference,Email,Phone,City'];
    for (const { k, seq } of rows) {
      const v = valuesOf(k, seq);
      lines.push([ref(k), v.Email, v.Phone ?? '', v.City ?? ''].join(','));
    }
    fs.writeFileSync(input, `${lines.join('\n')}\n`);
    sandbox = await chaosSandbox(
      MERCHANT,
      Array.from({ length: CUSTOMERS }, (_, k) => original(k)),
      SEED * 1000 + 13,
    );
    const pick = prng(SEED * 613 + 1);
    // Every value of a doomed row is its own, so its narrowed retries are refused too.
    doomed = new Set(
      rows
        .filter(() => pick() < 0.08)
        .flatMap(({ k, seq }) => Object.values(valuesOf(k, seq)).map((v) => `>${v}<`)),
    );
    proxy = await refuseWritesCarrying(
      sandbox.url,
      () => doomed,
      () => refusing,
    );
  });
  afterAll(() => endCampaign(sandbox, proxy, work));

  const state = (): Map<number, Record<string, unknown>> => customersByIndex(sandbox, MERCHANT, 600000);

  /**
   * What may be in place while the campaign runs: for each customer and field, once a record's
   * change to it is journaled, only that record's value or a later record's may be there. Other
   * fields never change.
   */
  function expectNoOlderValueBack(dir: string): void {
    const newest = new Map<string, number>(); // `${k}.${field}` → latest journaled seq that wrote it
    for (const e of journalRecords(dir)) {
      if (e.outcome !== 'updated') continue;
      const { k, seq } = rows[e.n - 1];
      for (const c of e.changes ?? []) {
        const id = `${k}.${c.field}`;
        newest.set(id, Math.max(newest.get(id) ?? 0, seq));
      }
    }
    const now = state();
    const wrong: string[] = [];
    for (let k = 0; k < CUSTOMERS; k++) {
      const c = now.get(k);
      for (const f of FIELDS) {
        // Nothing journaled yet: the original, or any record's value (one may have been in flight).
        const from = newest.get(`${k}.${f}`) ?? 0;
        const allowed = new Set<unknown>(from === 0 ? [original(k)[f]] : []);
        for (let seq = Math.max(1, from); seq <= rowsOf(k); seq++) {
          const v = valuesOf(k, seq)[f];
          if (v !== undefined) allowed.add(v);
        }
        if (!allowed.has(c?.[f])) wrong.push(`${ref(k)}.${f}=${String(c?.[f])}`);
      }
      for (const f of ['FirstName', 'LastName', 'Address1', 'Zip', 'Language'] as const) {
        if (c?.[f] !== original(k)[f]) wrong.push(`${ref(k)}.${f}`);
      }
    }
    expect(wrong).toEqual([]);
  }

  test('kills at five random points, resumed: the last record of each field wins, each record completed once', async () => {
    const dir = fs.mkdtempSync(path.join(work, 'run-'));
    const env = chaosEnv(proxy.url, dir, MERCHANT);
    const args = [input, '--out-dir', dir, '--concurrency', '16', '--max-consecutive-failures', '0'];
    const random = prng(SEED * 104729 + 3);
    let kills = 0;
    for (let round = 0; round < 5; round++) {
      const before = journalRecords(dir).length;
      const killAt = before + Math.max(1, Math.floor(random() * ((rows.length - before) / 3)));
      const { killed } = await runAndKill(args, env, dir, killAt);
      if (killed) kills += 1;
      expectNoOlderValueBack(dir);
    }
    expect(kills).toBeGreaterThanOrEqual(3);
    expect(proxy.counts.refuse).toBeGreaterThan(0);
    refusing = false; // the service is back for everything: the reruns must converge
    expect(await runUntilDone(args, env, dir)).toBe(0);

    // The final state: per customer and field, the last record that sets it.
    const now = state();
    const wrong: string[] = [];
    for (let k = 0; k < CUSTOMERS; k++) {
      for (const [f, v] of Object.entries(expected(k))) {
        if (now.get(k)?.[f] !== v) wrong.push(`${ref(k)}.${f}: ${String(now.get(k)?.[f])} ≠ ${v}`);
      }
    }
    expect(wrong).toEqual([]);

    // Each record has exactly one final word: updated, or superseded by later records of its key
    // (never unchanged: every record's values differ from what came before it).
    const final = journalRecords(dir).filter((e) => e.outcome !== 'failed');
    expect(final).toHaveLength(rows.length);
    expect(new Set(final.map((e) => e.n)).size).toBe(rows.length);
    expect(final.filter((e) => e.outcome !== 'updated' && e.outcome !== 'superseded')).toEqual([]);
    // A customer's last record is never superseded.
    const last = new Set(rows.flatMap((r, i) => (r.seq === rowsOf(r.k) ? [i + 1] : [])));
    expect(final.filter((e) => last.has(e.n) && e.outcome !== 'updated').map((e) => e.n)).toEqual([]);

    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
    const superseded = final.filter((e) => e.outcome === 'superseded').length;
    expect(superseded).toBeGreaterThan(0);
    expect(report.totals).toMatchObject({
      updated: rows.length - superseded,
      superseded,
      unchanged: 0,
      failed: 0,
      invalid: 0,
    });
    expect(readNdjson(path.join(dir, 'results.ndjson'))).toHaveLength(rows.length);
    process.stdout.write(
      `seed ${SEED}: ${kills} kills, ${rows.length - superseded} updated, ${superseded} superseded, ` +
        `${final.filter((e) => e.confirmedOnResume).length} confirmed on resume\n`,
    );
  });
});
