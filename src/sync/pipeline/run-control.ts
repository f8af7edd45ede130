import type { SyncError } from '../errors';
import type { SyncLogger } from '../log';

/**
 * Whether the run goes on: a fatal error (the first one wins) or a stop request (a signal) both
 * mean no new record starts; the records in flight finish.
 */
export class RunControl {
  fatal: SyncError | undefined;
  stopReason: unknown;

  constructor(private readonly log: SyncLogger) {}

  get stopping(): boolean {
    return this.fatal !== undefined || this.stopReason !== undefined;
  }

  fail(error: SyncError): void {
    if (this.fatal) return;
    this.fatal = error;
    this.log.error(`fatal: ${error.message}`, { kind: error.kind });
  }

  requestStop(reason: unknown, inFlight: number): void {
    if (this.stopReason !== undefined) return;
    this.stopReason = reason ?? 'stop';
    this.log.warn('stop requested: taking no new records, finishing those in flight', {
      signal: String(this.stopReason),
      inFlight,
    });
  }
}

const MAX_RECORD_WARNINGS = 1000;

/**
 * One warning per bad record, up to a limit: a file of a million bad rows must not flood the log
 * (the results and dead-letter files have every one).
 */
export class RecordWarnings {
  private count = 0;

  constructor(private readonly log: SyncLogger) {}

  warn(msg: string, fields: Record<string, unknown>): void {
    this.count += 1;
    if (this.count <= MAX_RECORD_WARNINGS) this.log.warn(msg, fields);
    if (this.count === MAX_RECORD_WARNINGS) {
      this.log.warn(
        `${MAX_RECORD_WARNINGS} record problems logged; the rest are only in the results and dead-letter files`,
      );
    }
  }
}
