import {
  AuthenticationError,
  ConflictError,
  FaultError,
  NotFoundError,
  SessionError,
  ThrottledError,
  TimeoutError,
  TlsError,
  TransientError,
  TwoCheckoutError,
  ValidationError,
  type TwoCheckoutErrorDetails,
} from './errors';
import type { Redactor } from './redact';

export interface ClassifiedError {
  error: TwoCheckoutError;
  /** True only when the server certainly did not apply the request, so even unsafe writes may be resent. */
  notApplied: boolean;
}

export interface ErrorContext {
  operation: string;
  attempts: number;
  redactor: Redactor;
  /** Set when our own abort signal fired: which limit it was. */
  abortedBy?: 'timeout' | 'deadline';
  timeoutMs?: number;
}

/** Network failures before a byte was sent: nothing can have reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);
const RESET_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
]);
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

type Bag = Record<string, unknown>;

function asBag(value: unknown): Bag | undefined {
  return typeof value === 'object' && value !== null ? (value as Bag) : undefined;
}

/** node-soap gives fault parts either as strings or as `{ $value }` (with xsi:type on the wire). */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const bag = asBag(value);
  if (bag && '$value' in bag) return text(bag.$value);
  return undefined;
}

function extractFault(err: Bag): { code: string; message: string } | undefined {
  const fault = asBag(asBag(asBag(asBag(err.root)?.Envelope)?.Body)?.Fault);
  if (!fault) return undefined;
  // SOAP 1.1: faultcode/faultstring. SOAP 1.2 shape (node-soap's own server errors): Code.Value / Reason.Text.
  const code = text(fault.faultcode) ?? text(asBag(fault.Code)?.Value) ?? '';
  const message = text(fault.faultstring) ?? text(asBag(fault.Reason)?.Text) ?? '';
  return { code, message };
}

function localName(code: string): string {
  const i = code.indexOf(':');
  return i >= 0 ? code.slice(i + 1) : code;
}

function classifyFault(code: string, message: string, details: TwoCheckoutErrorDetails): ClassifiedError {
  const name = localName(code);
  const text = `${details.operation}: ${code}: ${message}`;
  if (code === 'FORBIDDEN' || code === 'AUTHENTICATION_FAILED') {
    // A session fault means the service refused before doing anything: replaying is safe.
    return details.operation === 'login'
      ? { error: new AuthenticationError(text, details), notApplied: true }
      : { error: new SessionError(text, details), notApplied: true };
  }
  if (code.startsWith('NOT_FOUND')) return { error: new NotFoundError(text, details), notApplied: true };
  if (code === 'DUPLICATE_EXTERNAL_REFERENCE')
    return { error: new ConflictError(text, details), notApplied: true };
  if (code === 'TOO_MANY_REQUESTS') return { error: new ThrottledError(text, details), notApplied: true };
  if (
    /^(INVALID_|EMPTY_|ORDER_)/.test(code) ||
    code === 'READONLY_FIELD' ||
    code === 'CUSTOMER_REFERENCE_MISMATCH'
  ) {
    return { error: new ValidationError(text, details), notApplied: true };
  }
  if (name === 'Server' || code === 'INTERNAL_ERROR') {
    return { error: new TransientError(text, details), notApplied: false };
  }
  return { error: new FaultError(text, details), notApplied: name === 'Client' };
}

/**
 * Maps whatever node-soap/axios threw into one of our error classes. Reads only the fields it
 * needs and builds a fresh error, so the axios config/request (request body with sessionID and
 * hash) never travels with it; every text is redacted.
 */
export function classifyError(raw: unknown, ctx: ErrorContext): ClassifiedError {
  if (raw instanceof TwoCheckoutError) return { error: raw, notApplied: false };
  const r = (s: string | undefined): string | undefined =>
    s === undefined ? undefined : ctx.redactor.redact(s);
  const err = asBag(raw) ?? {};
  const op = ctx.operation;
  const httpStatus =
    typeof asBag(err.response)?.status === 'number' ? (asBag(err.response)?.status as number) : undefined;
  const networkCode = typeof err.code === 'string' ? err.code : undefined;
  const base = { operation: op, attempts: ctx.attempts, httpStatus, networkCode };

  const fault = extractFault(err);
  if (fault) {
    return classifyFault(r(fault.code) ?? '', r(fault.message) ?? '', {
      ...base,
      faultCode: r(fault.code),
      faultString: r(fault.message),
    });
  }
  if (ctx.abortedBy || networkCode === 'ERR_CANCELED') {
    const which =
      ctx.abortedBy === 'timeout' ? `per-call timeout of ${ctx.timeoutMs} ms` : 'overall deadline';
    return { error: new TimeoutError(`${op}: ${which} exceeded`, base), notApplied: false };
  }
  if (networkCode && TIMEOUT_CODES.has(networkCode)) {
    return { error: new TimeoutError(`${op}: timed out (${networkCode})`, base), notApplied: false };
  }
  if (networkCode && NOT_SENT_CODES.has(networkCode)) {
    return { error: new TransientError(`${op}: could not connect (${networkCode})`, base), notApplied: true };
  }
  if (networkCode && TLS_CODES.has(networkCode)) {
    const message = `${op}: TLS verification failed (${networkCode}); if the server uses a private CA, pass its certificate with the caFile option / TWOCHECKOUT_CA_FILE`;
    return { error: new TlsError(message, base), notApplied: true };
  }
  if (networkCode && RESET_CODES.has(networkCode)) {
    return { error: new TransientError(`${op}: connection lost (${networkCode})`, base), notApplied: false };
  }
  if (httpStatus !== undefined) {
    if (httpStatus === 429) {
      return { error: new ThrottledError(`${op}: HTTP 429 Too Many Requests`, base), notApplied: true };
    }
    if (httpStatus >= 500) {
      return {
        error: new TransientError(`${op}: HTTP ${httpStatus} without a SOAP fault`, base),
        notApplied: false,
      };
    }
    return {
      error: new FaultError(`${op}: unexpected HTTP ${httpStatus} response`, base),
      notApplied: false,
    };
  }
  const message = typeof err.message === 'string' ? err.message : String(raw);
  if (/socket hang up/i.test(message)) {
    return { error: new TransientError(`${op}: connection lost (socket hang up)`, base), notApplied: false };
  }
  return { error: new FaultError(`${op}: ${r(message)}`, base), notApplied: false };
}
