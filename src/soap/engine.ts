// What the client's attempt pipeline needs from a SOAP engine: check and encode the arguments once
// per call, then send one attempt at a time. Two engines implement it: the generated codecs over
// node:http (the default) and node-soap (the fallback for operations the generator cannot compile,
// or on request with `engine: 'node-soap'`). Both report failures in the same neutral shape, which
// the client's error factory maps to its error classes.
import type { WsdlOperationName } from '../domain';

export interface AttemptLimits {
  /** Absolute time (Date.now() scale) at which this attempt is abandoned. */
  endAt: number;
  /** Whether endAt is the per-request timeout or the call's deadline. */
  endReason: 'timeout' | 'deadline';
  signal?: AbortSignal | undefined;
}

/**
 * One failed attempt, below the error classes: what was seen on the wire. Texts are raw (the
 * client redacts and caps them) and never include the request.
 */
export interface WireFailure {
  /**
   * - fault: a SOAP Fault (any HTTP status);
   * - http: an HTTP status without a usable SOAP answer (5xx HTML, 429, 302, 204…);
   * - network: below HTTP (refused, reset, TLS, DNS);
   * - timeout / deadline / aborted: our own limits or the caller's signal;
   * - response: a SOAP envelope (or 2xx body) that does not answer the operation, or a bound
   *   on the response was hit (size, depth, decoded nodes).
   */
  kind: 'fault' | 'http' | 'network' | 'timeout' | 'deadline' | 'aborted' | 'response';
  message: string;
  httpStatus?: number;
  faultCode?: string;
  faultString?: string;
  /** Length of the faultstring as sent, when it was cut while reading. */
  faultLength?: number;
  networkCode?: string;
  /** From a Retry-After header. */
  retryAfterMs?: number;
  /** The request went out on a reused keep-alive socket and nothing came back. */
  staleSocket?: boolean;
  /** Part of the response had arrived when the attempt ended. */
  responseStarted?: boolean;
}

export type AttemptOutcome =
  { ok: true; value: unknown; httpStatus: number } | { ok: false; failure: WireFailure };

/** Arguments checked and encoded for one call; each attempt only adds its session. */
export interface PreparedCall {
  readonly operation: WsdlOperationName;
}

export interface Engine {
  readonly name: 'codec' | 'node-soap';
  /** Validates and encodes `args`; throws WireArgsError naming the bad field. */
  prepare(operation: WsdlOperationName, args: unknown): PreparedCall;
  /** One HTTP exchange. Never rejects: failures come back as data. */
  attempt(call: PreparedCall, sessionID: string | undefined, limits: AttemptLimits): Promise<AttemptOutcome>;
  close(): void;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return undefined;
  const t = text.trim();
  if (/^\d+$/.test(t)) return Math.min(Number(t), 10 * 365 * 86400) * 1000;
  const at = Date.parse(t);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
