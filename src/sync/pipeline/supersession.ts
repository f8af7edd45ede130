import { SyncError } from '../errors';

/** A record that failed and may still be superseded by a later record of its key. */
export interface PendingRow {
  n: number;
  line: number;
  h: string;
  key: string;
  /** Its failure was journaled by this run (so this run's `failed` count holds it). */
  thisRun: boolean;
}

/**
 * Failed records that a later record of the same key may still supersede, by customer key.
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
    const kept = rows.filter((r) => r.n !== n);
    this.count -= rows.length - kept.length;
    if (kept.length === 0) this.byKey.delete(keyId);
    else this.byKey.set(keyId, kept);
  }

  /** Record `n` of the key was applied: the key's failed records before it are superseded. */
  supersededBy(keyId: string, n: number): PendingRow[] {
    const rows = this.byKey.get(keyId);
    if (!rows) return [];
    const earlier = rows.filter((r) => r.n < n);
    const later = rows.filter((r) => r.n >= n);
    this.count -= earlier.length;
    if (later.length === 0) this.byKey.delete(keyId);
    else this.byKey.set(keyId, later);
    return earlier;
  }
}

/** Whether a failure of this kind could be superseded at all (see PendingFailures). */
export function mayBeSuperseded(errorKind: string | undefined): boolean {
  return errorKind !== 'not-found';
}
