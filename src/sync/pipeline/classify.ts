import { TwoCheckoutError } from '../../client/errors';
import { SyncError, type SyncErrorKind } from '../errors';

/** Client errors after which no further record can succeed: the run stops (exit 2). */
const FATAL_CLIENT_KINDS: ReadonlySet<string> = new Set<SyncErrorKind>(['authentication', 'config', 'tls']);

/** What an error thrown while applying one record means for the record and the run. */
export type Classified =
  /** The run must stop: the record is not journaled and runs again next time. */
  | { kind: 'fatal'; error: SyncError }
  /** The record needs fixing; nothing was written. */
  | { kind: 'invalid'; message: string; errorKind: string }
  /** The service refused or could not be reached; `retry`: the next run tries again. */
  | { kind: 'failed'; message: string; errorKind: string; retry: boolean };

/** The fatal error `e` amounts to, or undefined when it concerns one record only. */
export function asFatal(e: unknown): SyncError | undefined {
  if (e instanceof SyncError) return e;
  if (e instanceof TwoCheckoutError && FATAL_CLIENT_KINDS.has(e.kind)) {
    const hint = e.kind === 'config' ? '' : ' (run `twocheckout-sync doctor` for the likely causes)';
    return new SyncError(e.kind as SyncErrorKind, `${e.message}${hint}`);
  }
  return undefined;
}

/** The outcome classifier: error → outcome. */
export function classify(e: unknown): Classified {
  const fatal = asFatal(e);
  if (fatal) return { kind: 'fatal', error: fatal };
  const err = e instanceof TwoCheckoutError ? e : undefined;
  const message = e instanceof Error ? e.message : String(e);
  if (err?.kind === 'validation' && err.attempts === 0) {
    // Refused by the client's own checks on the merged customer (e.g. FiscalCode without a
    // Company on file): nothing was written, the record needs fixing.
    return { kind: 'invalid', message, errorKind: err.kind };
  }
  // A customer update is a full-object write of the same values: repeating it is safe, so
  // everything that may pass later (network, throttling, unknown outcome) is retried next run.
  const retry = err ? err.retryable || err.kind === 'unknown-outcome' : false;
  return { kind: 'failed', message, errorKind: err?.kind ?? 'internal', retry };
}

/**
 * Many records in a row failing with errors that may pass later means the service is down: stop
 * the run (fatal `unavailable`) instead of dead-lettering the rest of the file.
 */
export class OutageDetector {
  private streak = 0;

  constructor(private readonly limit: number) {}

  /** Records one finished record; returns the fatal error when the streak reaches the limit. */
  observe(outcome: Classified | 'ok'): SyncError | undefined {
    this.streak = outcome !== 'ok' && outcome.kind === 'failed' && outcome.retry ? this.streak + 1 : 0;
    if (this.limit > 0 && this.streak >= this.limit && outcome !== 'ok' && outcome.kind === 'failed') {
      return new SyncError(
        'unavailable',
        `${this.streak} records in a row failed with errors that may pass later (last: ${outcome.message}); ` +
          'the service looks unavailable, so the run stops here. Rerun later: those records are tried again',
      );
    }
    return undefined;
  }
}
