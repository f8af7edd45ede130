/**
 * The nightly customer sync as a library: what the `twocheckout-sync` CLI does, callable
 * in-process (tests, custom schedulers): {@link runSync}. See docs/sync.md.
 * @module twocheckout-soap/sync
 */
export { parseCommandLine, type CliSettings, type ParsedCommand, type ParseContext, type Env } from './args';
export { runSync, type RunStatus, type SyncClient, type SyncDeps, type SyncReport } from './runner';
export { REPORT_SCHEMA_VERSION } from './sync-types';
export { SYNC_ERROR_KINDS, type SyncErrorKind } from './errors';
export { renderMetrics, writeMetricsFile, METRIC_PREFIX } from './output/metrics';
export { DEFAULTS as SYNC_DEFAULTS, type SyncOptions } from './sync-options';
export { createLogger, type LogFields, type LogFormat, type LogLevel, type SyncLogger } from './log';
export { createProgress, type ProgressMode, type ProgressReporter, type ProgressSnapshot } from './progress';
export type { KeyField, ColumnMap } from './column-map';
export type { EmptyMeans } from './record-patch';
export type { Shard } from './shard';
export type { Outcome, Change } from './journal-format';
export type { InputFormat } from './input/input-item';
export type { OutcomeCounts } from './output/render-outputs';
export {
  runDoctor,
  type DoctorDeps,
  type DoctorReport,
  type DoctorSettings,
  type Check as DoctorCheck,
  type CheckId as DoctorCheckId,
  type CheckStatus as DoctorCheckStatus,
  type Cause as DoctorCause,
  type CauseId as DoctorCauseId,
} from '../doctor';
