import type { ErrorKind } from './errors';

type LogFn = (obj: Record<string, unknown>, msg?: string) => void;

/** Any pino-compatible logger (pino, a pino child, or a small adapter over console). */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

const noop: LogFn = () => undefined;
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };

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
  durationMs: number;
  outcome: CallOutcome;
  errorKind?: ErrorKind;
  faultCode?: string;
  httpStatus?: number;
  /** Why a login happened: initial, renewal, expired, session-fault. */
  loginReason?: string;
}

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
