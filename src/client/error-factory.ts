// The one place that maps what happened on the wire (a WireFailure from either engine) to the
// client's error classes. Classification happens per attempt (the retry strategy needs the kind);
// the error object itself is built once, when the call gives up, with its final attempt count.
import type { WireFailure } from '../soap/engine';
import {
  AbortError,
  AuthenticationError,
  ConflictError,
  FaultError,
  NotFoundError,
  SessionError,
  ThrottledError,
  TimeoutError,
  TlsError,
  TransientError,
  ValidationError,
  type ErrorKind,
  type TwoCheckoutError,
  type TwoCheckoutErrorDetails,
} from './errors';
import { capServerText, type Redactor } from './redact';

/** Everything the error will carry that only the end of the call knows. */
export interface CallTally {
  attempts: number;
  durationMs: number;
}

export interface Classified {
  kind: ErrorKind;
  /** True only when the server certainly did not apply the request, so even unsafe writes may be resent. */
  notApplied: boolean;
  /** The server asked for this pause (Retry-After). */
  retryAfterMs: number | undefined;
  /** A session fault: one re-login and one replay are allowed. */
  sessionFault: boolean;
  /** Readable summary for events and logs (redacted and capped). */
  message: string;
  faultCode: string | undefined;
  httpStatus: number | undefined;
  build(tally: CallTally): TwoCheckoutError;
}

export interface ClassifyContext {
  operation: string;
  redactor: Redactor;
  timeoutMs: number;
}

/** Network failures before a byte was sent: nothing can have reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);
export const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

type ErrorClass = new (
  message: string,
  details: TwoCheckoutErrorDetails & { retryAfterMs?: number },
) => TwoCheckoutError;

const CLASS_OF: Readonly<Record<Exclude<ErrorKind, 'unknown-outcome' | 'config'>, ErrorClass>> = {
  authentication: AuthenticationError,
  session: SessionError,
  validation: ValidationError,
  'not-found': NotFoundError,
  conflict: ConflictError,
  throttled: ThrottledError,
  transient: TransientError,
  timeout: TimeoutError,
  tls: TlsError,
  aborted: AbortError,
  fault: FaultError,
};

function localName(code: string): string {
  const i = code.indexOf(':');
  return i >= 0 ? code.slice(i + 1) : code;
}

/** Kind and safety of a SOAP fault code (the table in docs/DESIGN.md). */
function faultKind(code: string, operation: string): { kind: ErrorKind; notApplied: boolean } {
  if (code === 'FORBIDDEN' || code === 'AUTHENTICATION_FAILED') {
    // A session fault means the service refused before doing anything: replaying is safe.
    return { kind: operation === 'login' ? 'authentication' : 'session', notApplied: true };
  }
  if (code.startsWith('NOT_FOUND')) return { kind: 'not-found', notApplied: true };
  if (code === 'DUPLICATE_EXTERNAL_REFERENCE') return { kind: 'conflict', notApplied: true };
  if (code === 'TOO_MANY_REQUESTS') return { kind: 'throttled', notApplied: true };
  if (
    /^(INVALID_|EMPTY_|ORDER_)/.test(code) ||
    code === 'READONLY_FIELD' ||
    code === 'CUSTOMER_REFERENCE_MISMATCH'
  ) {
    return { kind: 'validation', notApplied: true };
  }
  const name = localName(code);
  if (name === 'Server' || code === 'INTERNAL_ERROR') return { kind: 'transient', notApplied: false };
  return { kind: 'fault', notApplied: name === 'Client' };
}

/** Classifies one failed attempt. Every text is redacted and capped here, once. */
export function classifyFailure(failure: WireFailure, ctx: ClassifyContext): Classified {
  const op = ctx.operation;
  const { redactor } = ctx;
  const httpStatus = failure.httpStatus;
  const networkCode = failure.networkCode;
  let kind: ErrorKind;
  let notApplied = false;
  let message: string;
  let faultCode: string | undefined;
  let faultString: string | undefined;
  switch (failure.kind) {
    case 'fault': {
      faultCode = capServerText(failure.faultCode ?? '', redactor).slice(0, 256);
      faultString = capServerText(failure.faultString ?? '', redactor, failure.faultLength);
      ({ kind, notApplied } = faultKind(faultCode, op));
      message = `${op}: ${faultCode}: ${faultString}`;
      break;
    }
    case 'timeout':
      kind = 'timeout';
      message = `${op}: per-call timeout of ${ctx.timeoutMs} ms exceeded`;
      break;
    case 'deadline':
      kind = 'timeout';
      message = `${op}: overall deadline exceeded`;
      break;
    case 'aborted':
      kind = 'aborted';
      message = `${op}: aborted by the caller's signal`;
      break;
    case 'network':
      if (networkCode && TIMEOUT_CODES.has(networkCode)) {
        kind = 'timeout';
        message = `${op}: timed out (${networkCode})`;
      } else if (networkCode && NOT_SENT_CODES.has(networkCode)) {
        kind = 'transient';
        notApplied = true;
        message = `${op}: could not connect (${networkCode})`;
      } else if (networkCode && TLS_CODES.has(networkCode)) {
        kind = 'tls';
        notApplied = true;
        message = `${op}: TLS verification failed (${networkCode}); if the server uses a private CA, pass its certificate with the caFile option / TWOCHECKOUT_CA_FILE`;
      } else {
        kind = 'transient';
        message = `${op}: connection lost (${networkCode ?? capServerText(failure.message, redactor)})`;
      }
      break;
    case 'http':
      if (httpStatus === 429) {
        kind = 'throttled';
        notApplied = true;
        message = `${op}: HTTP 429 Too Many Requests`;
      } else if (httpStatus !== undefined && httpStatus >= 500) {
        kind = 'transient';
        message = `${op}: ${failure.message}`;
      } else {
        kind = 'fault';
        message = `${op}: unexpected ${failure.message}`;
      }
      break;
    case 'response':
      kind = 'fault';
      message = `${op}: ${capServerText(failure.message, redactor)}`;
      break;
  }
  const retryAfterMs = failure.retryAfterMs;
  const details: TwoCheckoutErrorDetails = {
    operation: op,
    ...(faultCode !== undefined ? { faultCode } : {}),
    ...(faultString !== undefined ? { faultString } : {}),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
    ...(networkCode !== undefined ? { networkCode } : {}),
  };
  const finalKind = kind;
  const finalMessage = message;
  return {
    kind: finalKind,
    notApplied,
    retryAfterMs,
    sessionFault: finalKind === 'session',
    message: finalMessage,
    faultCode,
    httpStatus,
    build: (tally) => {
      const Class = CLASS_OF[finalKind as keyof typeof CLASS_OF];
      return new Class(finalMessage, {
        ...details,
        attempts: tally.attempts,
        durationMs: tally.durationMs,
        ...(finalKind === 'throttled' && retryAfterMs !== undefined ? { retryAfterMs } : {}),
      });
    },
  };
}
