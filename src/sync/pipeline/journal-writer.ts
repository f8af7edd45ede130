import { storageError } from '../errors';
import type { Journal } from '../journal';
import type { Change, JournalRecordEntry } from '../journal-format';
import { RecordState, type RecordStates } from '../record-state';
import type { RunCounts } from '../sync-types';
import type { PendingRow } from './supersession';

export type OutcomeEntry = Omit<JournalRecordEntry, 'type'>;

/**
 * The only writer of record entries during a run: appends an outcome to the journal, then keeps
 * the in-memory index (RecordStates) and this run's counts in step with it. After `close()` (the
 * drain timeout gave up on records still in flight) nothing more is written: those records run
 * again next time. A failed write (disk full) throws, and every later write throws the same
 * error without touching the file, so a torn line can only ever be the last one.
 */
export class JournalWriter {
  private closed = false;
  private broken: unknown;
  /** Record entries before this run: a higher index was written by this run. */
  private readonly firstIndex: number;

  constructor(
    private readonly journal: Journal,
    readonly states: RecordStates,
    private readonly counts: RunCounts,
    private readonly onFinished: () => void,
  ) {
    this.firstIndex = journal.records;
  }

  get file(): string {
    return this.journal.file;
  }

  /** Journals a record's outcome; `retry` marks a failure the next run tries again. */
  outcome(entry: OutcomeEntry, retry = false): JournalRecordEntry | undefined {
    return this.write(entry, retry, this.onFinished);
  }

  /**
   * Journals that a failed record was superseded by the later record of its key on line `by`.
   * A failure of this run moves from `failed` to `superseded` in this run's counts.
   */
  superseded(row: PendingRow, by: number): void {
    this.write(
      { n: row.n, line: row.line, h: row.h, key: row.key, outcome: 'superseded', supersededBy: by },
      false,
      row.thisRun ? () => (this.counts.failed -= 1) : this.onFinished,
    );
  }

  /** Journals that record `n`'s write is about to be sent, with its changes. */
  intent(n: number, h: string, changes: Change[], drift?: string[]): void {
    if (this.closed) return;
    if (this.broken !== undefined) throw this.broken;
    try {
      this.journal.append({ type: 'intent', n, h, changes, ...(drift ? { drift } : {}) });
    } catch (e) {
      this.broken = storageError('the journal', this.journal.file, e);
      throw this.broken;
    }
  }

  /** Whether this run already journaled the final word on record `n` (before reaching it in the input). */
  decidedThisRun(n: number): boolean {
    return this.states.state(n) !== RecordState.None && this.states.entry(n) >= this.firstIndex;
  }

  /** Stops writing: records still in flight after the drain timeout are left to the next run. */
  close(): void {
    this.closed = true;
  }

  /**
   * Appends the entry and records it in the index at once (later records of the run consult it).
   * The counts (and `then`) follow once the line is in the file: the journal may hold it for a
   * moment (see Journal), and a count must never claim a line the file has not got.
   */
  private write(entry: OutcomeEntry, retry: boolean, then: () => void): JournalRecordEntry | undefined {
    if (this.closed) return undefined;
    if (this.broken !== undefined) throw this.broken;
    const full: JournalRecordEntry = { type: 'record', ...entry, ...(retry ? { retry: true } : {}) };
    let index: number;
    try {
      index = this.journal.append(full, () => {
        this.counts[entry.outcome] += 1;
        if (entry.confirmedOnResume) this.counts.confirmedOnResume += 1;
        then();
      });
    } catch (e) {
      this.broken = storageError('the journal', this.journal.file, e);
      throw this.broken;
    }
    this.states.set(entry.n, parseInt(entry.h, 16), retry ? RecordState.Retry : RecordState.Done, index);
    return full;
  }
}
