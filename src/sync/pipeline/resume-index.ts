import type { KeyField } from '../column-map';
import {
  APPLIED_OUTCOMES,
  type Change,
  type JournalIntentEntry,
  type JournalRecordEntry,
} from '../journal-format';
import { keyIdOfText } from '../record-patch';
import { mayBeSuperseded, PendingFailures, type PendingRow } from './supersession';

/**
 * What a resumed run needs from the journal besides each record's state, built while the journal
 * is read (entries in journal order, which per-key order makes the order of each key's records):
 * the failures a later record may still supersede, and the ones already superseded by a record
 * journaled after them, whose `superseded` line a kill kept from being written.
 */
export class ResumeIndex {
  readonly pending = new PendingFailures();
  /**
   * Changes of writes that may have been applied without their record saying so: in flight at a
   * kill, or failed after the write was sent. At most the failures plus the records in flight.
   */
  readonly intents = new Map<number, Change[]>();
  /** The drift an intent's write was correcting (reported when the write is found in place). */
  readonly intentDrift = new Map<number, string[]>();
  private readonly overdue = new Map<number, { row: PendingRow; by: number }>();

  constructor(private readonly key: KeyField) {}

  /** Feeds one record or intent entry, in journal order. */
  load(entry: JournalRecordEntry | JournalIntentEntry): void {
    if (entry.type === 'intent') {
      this.intents.set(entry.n, entry.changes);
      if (entry.drift) this.intentDrift.set(entry.n, entry.drift);
      else this.intentDrift.delete(entry.n);
      return;
    }
    // A failure keeps the intent (its write may have landed); any other outcome settles it.
    if (entry.outcome !== 'failed') {
      this.intents.delete(entry.n);
      this.intentDrift.delete(entry.n);
    }
    const keyId = keyIdOfText(this.key, entry.key);
    // A later entry of the same record replaces what an earlier one said.
    this.pending.forget(keyId, entry.n);
    this.overdue.delete(entry.n);
    if (entry.outcome === 'failed' && entry.key !== '' && mayBeSuperseded(entry.errorKind)) {
      const fields = entry.fields ?? [];
      this.pending.add(keyId, {
        n: entry.n,
        line: entry.line,
        h: entry.h,
        key: entry.key,
        thisRun: false,
        fields,
        ...(entry.coveredBy ? { coveredBy: { ...entry.coveredBy } } : {}),
      });
    } else if (APPLIED_OUTCOMES.has(entry.outcome)) {
      for (const row of this.pending.applied(keyId, entry.n, entry.line, entry.fields)) {
        this.overdue.set(row.n, { row, by: entry.line });
        this.intents.delete(row.n);
        this.intentDrift.delete(row.n);
      }
    }
  }

  /** Failures superseded by a record already journaled: the run journals them first. */
  supersededAtLoad(): { row: PendingRow; by: number }[] {
    return [...this.overdue.values()];
  }
}
