import type { ColumnMap, KeyField } from './column-map';
import type { InputFormat } from './input/input-item';
import type { EmptyMeans } from './record-patch';
import { MAX_CONCURRENCY } from './flags';
import type { Shard } from './shard';

/** Everything a sync run needs besides the client (resolved from the command line by args.ts). */
export interface SyncOptions {
  /** The export file to read. */
  input: string;
  /** Its format. */
  format: InputFormat;
  /** Key column; default: whichever of the two the input has. */
  key?: KeyField;
  /** Input column to Customer field renames (`null` drops a column). */
  map: ColumnMap;
  /** What an empty cell means: leave the field unchanged (`skip`) or clear it (`clear`). */
  emptyMeans: EmptyMeans;
  /** Read only: compute and report every change, write nothing. */
  dryRun: boolean;
  /** Records in flight at once (one key is never concurrent). */
  concurrency: number;
  /**
   * Client-side budget of SOAP sends per second (retries and logins included); none when
   * undefined. Applied by the client, not here: the CLI builds its client with `maxRps`; an
   * in-process caller of runSync sets the client's own `maxRps` option. Reported as given.
   */
  maxRps?: number;
  /** Copy changed contact details to the end user of the customer's subscriptions. */
  updateEndUserSubscriptions: boolean;
  /** Read each customer back after writing and compare. */
  verify: boolean;
  /** Set the journal aside and start from the first record. */
  restart: boolean;
  /** Process only this shard of the input (split by a hash of the key). */
  shard?: Shard;
  /** Where the run's files go. */
  files: {
    /** The directory of the default file names. */
    outDir: string;
    /** The resume journal. */
    journal: string;
    /** The run report (JSON). */
    report: string;
    /** One line per record (.ndjson or .csv). */
    results: string;
    /** Invalid and failed records, in the input's format. */
    deadLetter: string;
    /** Prometheus metrics of the run (`.prom`, node_exporter textfile collector); none when undefined. */
    metrics?: string;
  };
  /** Longest record accepted; longer ones are errors. */
  maxRecordBytes: number;
  /** How long a stop (signal or fatal error) waits for records in flight before giving up on them. */
  drainTimeoutMs: number;
  /** Changes listed in the report itself (all of them are in the results file). */
  maxReportedChanges: number;
  /**
   * Stop the run (fatal, exit 2) after this many records in a row failed with errors that may pass
   * later (the service looks down); 0 never stops.
   */
  maxConsecutiveFailures: number;
}

/** The sync's defaults (exported as `SYNC_DEFAULTS`). */
export const DEFAULTS = {
  /** Records in flight. */
  concurrency: 8,
  /** The highest `--concurrency` accepted. */
  maxConcurrency: MAX_CONCURRENCY,
  /** Longest record, in bytes. */
  maxRecordBytes: 1024 * 1024,
  /** How long a stop waits for records in flight. */
  drainTimeoutMs: 30_000,
  /** Changes listed in the report itself. */
  maxReportedChanges: 10_000,
  /** Between progress lines when not on a terminal. */
  progressIntervalMs: 30_000,
  /** Records failing in a row before the run stops. */
  maxConsecutiveFailures: 50,
} as const;
