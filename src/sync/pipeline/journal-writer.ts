import { storageError } from '../errors';
import type { Journal } from '../journal';
import type { JournalRecordEntry } from '../journal-format';
import { RecordState, type RecordStates } from '../record-state';
import type { RunCounts } from '../sync-types';

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

  constructor(
    private readonly journal: Journal,
    readonly states: RecordStates,
    private readonly counts: RunCounts,
    private readonly onOutcome: () => void,
  ) {}

  get file(): string {
    return this.journal.file;
  }

  /** Journals a record's outcome; `retry` marks a failure the next run tries again. */
  outcome(entry: OutcomeEntry, retry = false): JournalRecordEntry | undefined {
    if (this.closed) return undefined;
    const full: JournalRecordEntry = { type: 'record', ...entry, ...(retry ? { retry: true } : {}) };
    const index = this.append(full);
    this.states.set(entry.n, parseInt(entry.h, 16), retry ? RecordState.Retry : RecordState.Done, index);
    this.counts[entry.outcome] += 1;
    this.onOutcome();
    return full;
  }

  /** Stops writing: records still in flight after the drain timeout are left to the next run. */
  close(): void {
    this.closed = true;
  }

  private append(entry: JournalRecordEntry): number {
    if (this.broken !== undefined) throw this.broken;
    try {
      return this.journal.append(entry);
    } catch (e) {
      this.broken = storageError('the journal', this.journal.file, e);
      throw this.broken;
    }
  }
}
