import type { ColumnMap, KeyField } from './column-map';
import type { InputFormat } from './input/input-item';
import type { EmptyMeans } from './record-patch';
import { MAX_CONCURRENCY } from './flags';
import type { Shard } from './shard';

/** Everything a sync run needs besides the client (resolved from the command line by args.ts). */
export interface SyncOptions {
  input: string;
  format: InputFormat;
  /** Key column; default: whichever of the two the input has. */
  key?: KeyField;
  map: ColumnMap;
  emptyMeans: EmptyMeans;
  dryRun: boolean;
  concurrency: number;
  /** Client-side budget of SOAP calls per second; none when undefined. */
  maxRps?: number;
  updateEndUserSubscriptions: boolean;
  verify: boolean;
  restart: boolean;
  shard?: Shard;
  files: { outDir: string; journal: string; report: string; results: string; deadLetter: string };
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

export const DEFAULTS = {
  concurrency: 8,
  maxConcurrency: MAX_CONCURRENCY,
  maxRecordBytes: 1024 * 1024,
  drainTimeoutMs: 30_000,
  maxReportedChanges: 10_000,
  progressIntervalMs: 30_000,
  maxConsecutiveFailures: 50,
} as const;
