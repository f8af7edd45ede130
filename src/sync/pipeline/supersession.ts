import { SyncError } from '../errors';

/** A record that failed and may still be superseded by later records of its key. */
export interface PendingRow {
  n: number;
  line: number;
  h: string;
  key: string;
  /** Its failure was journaled by this run (so this run's `failed` count holds it). */
  thisRun: boolean;
  /** The fields it still has to set: a later applied record of the key took over the others. */
  fields: string[];
  /** The later records that took some of its fields over: field → line. */
  coveredBy?: Record<string, number>;
}

/**
 * Failed records that later records of the same key may still supersede, by customer key.
 *
 * Supersession is per field: a later applied record covers the fields it sets (an empty cell,
 * which leaves a field as it is, covers nothing). A failed record is superseded once every field
 * it sets is covered; until then it is tried again with its uncovered fields only, so it never
 * writes an older value over a newer one, and nothing it alone says is lost.
 *
 * Holds only failures (not invalid records, never sent; not "not found", which no later record of
 * the key can fix), so its size follows the failures, not the input. It is bounded: past the
 * limit the run stops, rather than lose track of a failure and later retry it over a newer record.
 */
export class PendingFailures {
  private readonly byKey = new Map<string, PendingRow[]>();
  private count = 0;

  constructor(readonly limit = 250_000) {}

  get size(): number {
    return this.count;
  }

  /** Whether any failure of this key is pending (then an applied record journals its fields). */
  has(keyId: string): boolean {
    return this.byKey.has(keyId);
  }

  get(keyId: string, n: number): PendingRow | undefined {
    return this.byKey.get(keyId)?.find((r) => r.n === n);
  }

  add(keyId: string, row: PendingRow): void {
    if (this.count >= this.limit) {
      throw new SyncError(
        'unavailable',
        `more than ${this.limit} failed records are waiting for a retry: the run stops here so that no older ` +
          'record is ever retried over a newer one. Fix the cause (see the results), then rerun',
      );
    }
    const rows = this.byKey.get(keyId);
    if (rows) rows.push(row);
    else this.byKey.set(keyId, [row]);
    this.count += 1;
  }

  /** Drops record `n` (it is being tried again, or got an outcome of its own). */
  forget(keyId: string, n: number): void {
    const rows = this.byKey.get(keyId);
    if (!rows) return;
    this.keep(
      keyId,
      rows,
      rows.filter((r) => r.n !== n),
    );
  }

  /**
   * Record `n` (on `line`) of the key was applied, setting `fields` (undefined: all of them). Its
   * earlier failed records lose those fields; the ones left with none are returned: superseded.
   */
  applied(keyId: string, n: number, line: number, fields: readonly string[] | undefined): PendingRow[] {
    const rows = this.byKey.get(keyId);
    if (!rows) return [];
    const superseded: PendingRow[] = [];
    const kept: PendingRow[] = [];
    for (const row of rows) {
      if (row.n >= n) {
        kept.push(row);
        continue;
      }
      const covered = fields === undefined ? row.fields : row.fields.filter((f) => fields.includes(f));
      if (covered.length > 0) {
        row.fields = row.fields.filter((f) => !covered.includes(f));
        row.coveredBy ??= {};
        for (const f of covered) row.coveredBy[f] = line;
      }
      (row.fields.length === 0 ? superseded : kept).push(row);
    }
    this.keep(keyId, rows, kept);
    return superseded;
  }

  private keep(keyId: string, before: PendingRow[], after: PendingRow[]): void {
    this.count -= before.length - after.length;
    if (after.length === 0) this.byKey.delete(keyId);
    else this.byKey.set(keyId, after);
  }
}

/** Whether a failure of this kind could be superseded at all (see PendingFailures). */
export function mayBeSuperseded(errorKind: string | undefined): boolean {
  return errorKind !== 'not-found';
}

/** For the dead-letter file: which fields of a failed record later records have set since. */
export function coverageNote(row: PendingRow): string | undefined {
  if (!row.coveredBy) return undefined;
  const byLine = new Map<number, string[]>();
  for (const [field, line] of Object.entries(row.coveredBy))
    byLine.set(line, [...(byLine.get(line) ?? []), field]);
  const since = [...byLine]
    .map(([line, fields]) => `line ${line} has since set ${fields.join(', ')}`)
    .join('; ');
  return `${since}: only ${row.fields.join(', ')} still needs applying`;
}
