import type { ErrorKind } from './errors';

/** One log method: structured fields first, then the message (pino style). */
export type LogFn = (obj: Record<string, unknown>, msg?: string) => void;

/** Any pino-compatible logger (pino, a pino child, or a small adapter over console). */
export interface Logger {
  /** Per-attempt detail (sends, retries, logins). */
  debug: LogFn;
  /** Rare, notable events (a session renewal). */
  info: LogFn;
  /** Something the operator should see (TLS verification off, a retry budget running out). */
  warn: LogFn;
  /** A call failed for good. */
  error: LogFn;
}

/**
 * The message of the `warn` line logged when a call fails for good. The same failure is thrown to
 * the caller as an error, so a caller that logs its errors itself (the sync) can tell this line
 * apart and keep it out of its warnings.
 */
export const CALL_FAILED_MESSAGE = 'twocheckout: call failed';

const noop: LogFn = () => undefined;
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };

/** How one attempt ended: done, about to be retried, or failed for good. */
export type CallOutcome = 'success' | 'retrying' | 'failed';

/**
 * One event per attempt, and per login. Holds no argument values, session IDs or hashes: only
 * what is safe to ship to a metrics pipeline.
 */
export interface CallEvent {
  /** `login` for logins; the WSDL operation otherwise. */
  operation: string;
  /** 1-based attempt number of this send. */
  attempt: number;
  /** How long this attempt took. */
  durationMs: number;
  /** How this attempt ended. */
  outcome: CallOutcome;
  /** The error class's kind, when the attempt failed. */
  errorKind?: ErrorKind;
  /** The SOAP faultcode, when the service answered with a fault. */
  faultCode?: string;
  /** The HTTP status, when there was a response. */
  httpStatus?: number;
  /** Why a login happened: initial, renewal, expired, session-fault. */
  loginReason?: string;
}

/** Receives every {@link CallEvent}; a listener that throws never breaks a call. */
export type EventListener = (event: CallEvent) => void;

/** Wraps user callbacks so a throwing logger or listener can never break a call. */
export function safeEmitter(listener: EventListener | undefined): EventListener {
  if (!listener) return () => undefined;
  return (event) => {
    try {
      listener(event);
    } catch {
      // Observability must not change the outcome of a call.
    }
  };
}

export function safeLogger(logger: Logger | undefined): Logger {
  if (!logger) return silentLogger;
  const wrap =
    (fn: LogFn): LogFn =>
    (obj, msg) => {
      try {
        fn.call(logger, obj, msg);
      } catch {
        // ignore logger failures
      }
    };
  return {
    debug: wrap(logger.debug),
    info: wrap(logger.info),
    warn: wrap(logger.warn),
    error: wrap(logger.error),
  };
}
