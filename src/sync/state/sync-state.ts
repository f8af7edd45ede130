import type { Change, JournalRecordEntry } from '../journal-format';
import type { RecordTask } from '../pipeline/context';
import { RefreshRule } from './refresh';
import {
  confirmedAt,
  decodeEntry,
  encodeEntry,
  fieldNumber,
  findField,
  hashAt,
  valueHash,
  type ConfirmedField,
} from './state-entry';
import type { StateStore, StoredEntry } from './state-store';

/** What the state says about one record, worked out by the state step and kept on its task. */
export interface StateCheck {
  /** The numbers of the record's fields (see STATE_FIELDS). */
  readonly numbers: readonly number[];
  /** The hashes of the record's values, in the same order. */
  readonly hashes: readonly number[];
  /** The customer's entry as found (before this record). */
  readonly found: StoredEntry | undefined;
  /** Bit n set: the state confirms field number n at the record's value. */
  readonly matched: number;
  /** Every field of the record is confirmed at its value and fresh: no need to ask 2Checkout. */
  readonly skip: boolean;
}

/** This run's figures about the state (the report's `state` block). */
export interface StateFigures {
  /** Records whose fields all matched the state but were due for a read (`--refresh-after`). */
  refreshed: number;
  /** Customers whose confirmed fields were written to the state. */
  confirmed: number;
  /** Customers whose old confirmations were removed right before a write changed them. */
  forgotten: number;
  /** Written records (planned, in a dry run) that put back a value someone changed in 2Checkout. */
  driftCorrected: number;
}

/**
 * The state as one run uses it: decides which records need no read, confirms what the service
 * was found or made to hold once the record is journaled, and forgets a claim right before a
 * write changes it. A dry run reads the state and never changes it.
 */
export class SyncState {
  readonly figures: StateFigures = { refreshed: 0, confirmed: 0, forgotten: 0, driftCorrected: 0 };
  private readonly refresh: RefreshRule;

  constructor(
    readonly store: StateStore,
    private readonly options: { full: boolean; dryRun: boolean; refreshAfterDays: number },
    private readonly clock: () => number = Date.now,
  ) {
    this.refresh = new RefreshRule(options.refreshAfterDays);
  }

  /** The state's word on a record: which fields it confirms, and whether it can skip the service. */
  check(task: RecordTask): StateCheck {
    const found = this.store.lookup(task.keyId);
    const blob = found?.blob;
    const numbers: number[] = [];
    const hashes: number[] = [];
    let matched = 0;
    let all = blob !== undefined;
    let oldest = Infinity;
    const patch = task.patch as Readonly<Record<string, unknown>>;
    for (const name in patch) {
      const field = fieldNumber(name);
      if (field === undefined) {
        all = false;
        continue;
      }
      const hash = valueHash(field, patch[name]);
      numbers.push(field);
      hashes.push(hash);
      const o = blob ? findField(blob, field) : -1;
      if (blob && o >= 0 && hashAt(blob, o) === hash) {
        matched |= 1 << field;
        const at = confirmedAt(blob, o);
        if (at < oldest) oldest = at;
      } else all = false;
    }
    // A record that sets nothing: the customer was confirmed to exist, as of its newest field.
    if (numbers.length === 0 && blob) oldest = Math.max(...decodeEntry(blob).map((f) => f.at));
    let skip = all && !this.options.full && task.intent === undefined;
    if (skip && this.refresh.due(task.keyId, oldest, Math.floor(this.clock() / 1000))) {
      skip = false;
      this.figures.refreshed += 1;
    }
    return { numbers, hashes, found, matched, skip };
  }

  /** Right before a write: the state must stop claiming the old values of the fields it changes. */
  beforeWrite(task: RecordTask, changes: readonly Change[]): void {
    if (this.options.dryRun) return;
    const numbers = new Set<number>();
    for (const c of changes) {
      const n = fieldNumber(c.field);
      if (n !== undefined) numbers.add(n);
    }
    if (numbers.size > 0 && this.store.forget(task.keyId, numbers)) this.figures.forgotten += 1;
  }

  /** The changed fields whose old value the state had confirmed: someone else changed them since. */
  driftOf(task: RecordTask, changes: readonly Change[]): string[] | undefined {
    const matched = task.state?.matched ?? 0;
    if (matched === 0) return undefined;
    const drift = changes
      .map((c) => c.field)
      .filter((f) => {
        const n = fieldNumber(f);
        return n !== undefined && (matched & (1 << n)) !== 0;
      });
    return drift.length > 0 ? drift : undefined;
  }

  /** Once the record's outcome is in the journal: what it found or wrote is confirmed. */
  journaled(task: RecordTask, entry: JournalRecordEntry): void {
    if (entry.drift && (entry.outcome === 'updated' || entry.outcome === 'planned')) {
      this.figures.driftCorrected += 1;
    }
    const check = task.state;
    if (this.options.dryRun || !check) return;
    if (entry.outcome !== 'updated' && entry.outcome !== 'unchanged') return;
    const at = Math.floor(this.clock() / 1000);
    const mine = new Set(check.numbers);
    const fields: ConfirmedField[] = [
      ...(check.found ? decodeEntry(check.found.blob).filter((f) => !mine.has(f.field)) : []),
      ...check.numbers.map((field, i) => ({ field, hash: check.hashes[i], at })),
    ];
    if (fields.length === 0) return;
    this.store.confirm(task.keyId, {
      reference: entry.reference ?? check.found?.reference ?? null,
      blob: encodeEntry(fields),
    });
    this.figures.confirmed += 1;
  }
}
