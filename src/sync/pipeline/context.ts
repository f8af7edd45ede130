import type { CustomerKey, CustomerPatch } from '../../customers/api';
import type { Change } from '../journal-format';
import type { SyncLogger } from '../log';
import type { ProgressReporter, ProgressSnapshot } from '../progress';
import type { SyncOptions } from '../sync-options';
import type { RunCounts, SyncClient } from '../sync-types';
import type { OutageDetector } from './classify';
import type { JournalWriter } from './journal-writer';
import type { RecordWarnings, RunControl } from './run-control';
import type { PendingFailures } from './supersession';

/**
 * Everything the parts of a run share, passed as one object: the scheduler, the steps, the
 * classifier and the journal writer read and update it, nothing else.
 */
export interface RunContext {
  readonly options: SyncOptions;
  readonly client: SyncClient;
  readonly log: SyncLogger;
  readonly journal: JournalWriter;
  /** This run's counts (the report's `counts`). */
  readonly counts: RunCounts;
  readonly control: RunControl;
  readonly warnings: RecordWarnings;
  readonly outage: OutageDetector;
  /** Failed records a later record of their key may still supersede. */
  readonly pending: PendingFailures;
  /** Intents left by earlier runs, by record ordinal (see JournalIntentEntry). */
  readonly intents: Map<number, Change[]>;
  readonly progress: RunProgress;
}

/** A valid record, ready to be applied: what the scheduler and the steps work on. */
export interface RecordTask {
  /** Ordinal in the input (1-based), the journal's record id. */
  readonly ordinal: number;
  readonly line: number;
  /** Content hash (8 hex digits), as journaled. */
  readonly h: string;
  /** The record as read (input column names), for the dead-letter file. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly key: CustomerKey;
  readonly keyText: string;
  /** The key as the scheduler orders by (`A:1001`, `E:CRM-1`). */
  readonly keyId: string;
  readonly patch: CustomerPatch;
  /** An earlier run journaled the intent to write these changes, and did not journal the record after it. */
  readonly intent?: readonly Change[];
}

/** What a step decided for a record. */
export interface StepResult {
  outcome: 'updated' | 'unchanged' | 'planned';
  reference: number;
  changes: Change[];
  /** `updated` by an earlier run whose answer was lost: its values were found in place. */
  confirmedOnResume?: boolean;
}

/** Progress counters and the reporter they feed (bar or log lines). */
export class RunProgress {
  finished = 0;

  constructor(
    private readonly counts: RunCounts,
    private readonly read: { bytesRead: number },
    private readonly totalBytes: number,
    private readonly reporter: ProgressReporter | undefined,
  ) {}

  snapshot(): ProgressSnapshot {
    return {
      processed: this.finished + this.counts.skippedByJournal,
      skipped: this.counts.skippedByJournal,
      invalid: this.counts.invalid,
      failed: this.counts.failed,
      bytesRead: this.read.bytesRead,
      totalBytes: this.totalBytes,
    };
  }

  recordFinished(): void {
    this.finished += 1;
    this.update();
  }

  update(): void {
    this.reporter?.update(this.snapshot());
  }

  stop(): void {
    this.reporter?.stop(this.snapshot());
  }
}
