import type { CustomersApi } from '../customers/api';
import type { SyncLogger } from './log';
import type { OutcomeCounts, RenderSummary } from './output/render-outputs';
import type { ProgressReporter } from './progress';

/** The part of the client the sync uses (the facade's TwoCheckoutClient fits). */
export interface SyncClient {
  readonly customers: Pick<CustomersApi, 'update'>;
  stats(): { calls: number; logins: number; retries: number; sessionRenewals?: number };
}

export type RunStatus = 'completed' | 'completed-with-errors' | 'interrupted' | 'fatal';

export interface SyncReport {
  tool: 'twocheckout-sync';
  status: RunStatus;
  exitCode: number;
  dryRun: boolean;
  input: { path: string; format: string; bytes: number; key?: string };
  options: Record<string, unknown>;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  /** What this run did. */
  counts: OutcomeCounts & {
    skippedByJournal: number;
    otherShards: number;
    notAttempted: number;
    /** Of `updated`: writes of an earlier run whose answer was lost, found in place by this one. */
    confirmedOnResume: number;
  };
  /** Latest outcome of every record in the journal (this run plus the runs it resumed). */
  totals: OutcomeCounts;
  client: { calls: number; logins: number; retries: number; sessionRenewals: number };
  files: { journal: string; results: string; deadLetter: string; report: string };
  /** Every planned (dry run) or applied change, field by field, up to the limit; all are in the results file. */
  changes: RenderSummary['changes'];
  changesOmitted: number;
  fatal?: { kind: string; message: string };
  /** false when the run stopped before it could own its files (e.g. the lock was held): no report file. */
  reportWritten: boolean;
  interruptedBy?: string;
  journal?: { resumedRecords: number; rotatedTo?: string; repairedTornLine: boolean };
}

/** What this run did, by outcome and by what was not attempted. */
export type RunCounts = SyncReport['counts'];

export interface SyncDeps {
  client: SyncClient;
  log?: SyncLogger;
  progress?: ProgressReporter;
  /** Aborting stops taking new records; records in flight finish (up to drainTimeoutMs). */
  stop?: AbortSignal;
}
