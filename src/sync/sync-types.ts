import type { CustomersApi } from '../customers/api';
import type { SyncErrorKind } from './errors';
import type { SyncLogger } from './log';
import type { OutcomeCounts, RenderSummary } from './output/render-outputs';
import type { ProgressReporter } from './progress';

/** The part of the client the sync uses (the facade's TwoCheckoutClient fits). */
export interface SyncClient {
  /** Only `update` is used (read-modify-write, dry runs included). */
  readonly customers: Pick<CustomersApi, 'update'>;
  /** The client's counters, copied into the report. */
  stats(): {
    /** SOAP calls made. */
    calls: number;
    /** Logins made. */
    logins: number;
    /** Resends after transient failures. */
    retries: number;
    /** Logins made to renew a session. */
    sessionRenewals?: number;
  };
}

/** How a run ended: every record done, some invalid or failed, stopped by a signal, or a fatal error. */
export type RunStatus = 'completed' | 'completed-with-errors' | 'interrupted' | 'fatal';

/**
 * The version of the report's layout (`schemaVersion`): raised when a field changes meaning or
 * goes away; new optional fields keep it. docs/report.schema.json describes this version.
 */
export const REPORT_SCHEMA_VERSION = 1;

/**
 * The run report (`report.json`): what was done, with what, and where the files are. Every field
 * is described in docs/report.schema.json (JSON Schema), which the tests validate real reports
 * against.
 */
export interface SyncReport {
  /** The layout's version ({@link REPORT_SCHEMA_VERSION}); a report without it predates versioning. */
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** Always `twocheckout-sync`. */
  tool: 'twocheckout-sync';
  /** The version of twocheckout-soap that wrote the report. */
  toolVersion: string;
  /** How the run ended. */
  status: RunStatus;
  /** The process exit code the CLI uses (0, 1, 2, 130 or 143). */
  exitCode: number;
  /** Whether this was a dry run (nothing written to 2Checkout). */
  dryRun: boolean;
  /** The input file. */
  input: {
    /** Its path. */
    path: string;
    /** `csv` or `jsonl`. */
    format: string;
    /** Bytes read. */
    bytes: number;
    /** The key column used (AvangateCustomerReference or ExternalCustomerReference). */
    key?: string;
  };
  /** The options the run used (no credentials). */
  options: Record<string, unknown>;
  /** ISO 8601. */
  startedAt: string;
  /** ISO 8601. */
  endedAt: string;
  /** Wall-clock duration of the run. */
  durationMs: number;
  /** What this run did. */
  counts: OutcomeCounts & {
    /** Records a resumed journal had already finished. */
    skippedByJournal: number;
    /** Records left to the other shards (`--shard`). */
    otherShards: number;
    /** Records not reached because the run stopped early. */
    notAttempted: number;
    /** Of `updated`: writes of an earlier run whose answer was lost, found in place by this one. */
    confirmedOnResume: number;
  };
  /** Latest outcome of every record in the journal (this run plus the runs it resumed). */
  totals: OutcomeCounts;
  /** The client's counters for this run. */
  client: {
    /** SOAP calls made. */
    calls: number;
    /** Logins made. */
    logins: number;
    /** Resends after transient failures. */
    retries: number;
    /** Logins made to renew a session. */
    sessionRenewals: number;
  };
  /** Where the run's files are. */
  files: {
    /** The resume journal. */
    journal: string;
    /** One line per record. */
    results: string;
    /** Invalid and failed records, in the input's format, with an `_error` column. */
    deadLetter: string;
    /** This report. */
    report: string;
    /** The Prometheus metrics file (`--metrics-file`), when one was asked for. */
    metrics?: string;
  };
  /** Every planned (dry run) or applied change, field by field, up to the limit; all are in the results file. */
  changes: RenderSummary['changes'];
  /** How many changes did not fit in `changes` (they are in the results file). */
  changesOmitted: number;
  /** Why the run stopped, when it ended fatally. */
  fatal?: {
    /** What failed (see {@link SyncErrorKind}): `input`, `output`, `storage`, `journal`, `lock`, `unavailable`, `authentication`… */
    kind: SyncErrorKind;
    /** What went wrong, in a sentence (no secrets). */
    message: string;
  };
  /**
   * Whether this report was written to `files.report`. Only a returned report (runSync, the CLI's
   * summary) can say false: the run stopped before it owned its files (another run held the lock,
   * the input could not be read), or writing the report failed.
   */
  reportWritten: boolean;
  /** The signal that interrupted the run (`SIGINT`, `SIGTERM`). */
  interruptedBy?: string;
  /** What the journal did. */
  journal?: {
    /** Records found finished in the journal at start (skipped). */
    resumedRecords: number;
    /**
     * Where the previous journal was set aside (`journal.ndjson.prev`): by `--restart`, or because
     * it belonged to a completed run of other content (the next night's export). Absent otherwise.
     */
    rotatedTo?: string;
    /** Whether a half-written last line (from a crash) was repaired. */
    repairedTornLine: boolean;
  };
}

/** What this run did, by outcome and by what was not attempted. */
export type RunCounts = SyncReport['counts'];

/** What {@link runSync} needs besides its options. */
export interface SyncDeps {
  /** The client to write with (a TwoCheckoutClient fits). */
  client: SyncClient;
  /** Where log lines go. Default: silent. */
  log?: SyncLogger;
  /** Progress display. Default: none. */
  progress?: ProgressReporter;
  /** Aborting stops taking new records; records in flight finish (up to drainTimeoutMs). */
  stop?: AbortSignal;
}
