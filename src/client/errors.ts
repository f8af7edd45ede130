/**
 * Errors thrown by the client, one class per recovery action. Every instance is built fresh by
 * the client (never a wrapped node-soap/axios error, whose `config`/`request` carry the request
 * body with the sessionID and login hash) and its texts pass through the redactor first.
 */

/** What kind of failure an error is; one per error class, so it can be switched on. */
export type ErrorKind =
  | 'authentication'
  | 'session'
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'throttled'
  | 'transient'
  | 'timeout'
  | 'unknown-outcome'
  | 'tls'
  | 'aborted'
  | 'fault'
  | 'config';

/** What every error carries besides its message (the constructor's second argument). */
export interface TwoCheckoutErrorDetails {
  /** The SOAP operation (e.g. `getCustomerInformation`), or a facade step like `customers.update`. */
  operation: string;
  /** The SOAP faultcode the service answered with (e.g. `NOT_FOUND_CUSTOMER`), when it did. */
  faultCode?: string;
  /** The SOAP faultstring, redacted (never a secret key, hash or session ID). */
  faultString?: string;
  /** HTTP status of the response, when there was one. */
  httpStatus?: number;
  /** Network error code (`ECONNRESET`, `ETIMEDOUT`…), when the failure was below HTTP. */
  networkCode?: string;
  /** How many times the operation was sent (1 = no retry; 0 = refused before sending). */
  attempts?: number;
  /** From the start of the call to the failure, retries, logins and waits included. */
  durationMs?: number;
}

/**
 * The base of every error the client throws. Catch it to handle all of them; switch on
 * {@link TwoCheckoutError.kind} (or use `instanceof` on a subclass) to decide what to do next.
 */
export abstract class TwoCheckoutError extends Error {
  /** Which subclass this is, as a string (`'not-found'`, `'transient'`…). */
  abstract readonly kind: ErrorKind;
  /** Whether the same call may succeed if repeated later (the client has already retried it). */
  abstract readonly retryable: boolean;
  /** The SOAP operation (e.g. `getCustomerInformation`), or a facade step like `customers.update`. */
  readonly operation: string;
  /** The SOAP faultcode the service answered with, when it answered with a fault. */
  readonly faultCode: string | undefined;
  /** The SOAP faultstring, redacted (never a secret key, hash or session ID). */
  readonly faultString: string | undefined;
  /** HTTP status of the last response, when there was one. */
  readonly httpStatus: number | undefined;
  /** Network error code (`ECONNRESET`, `ETIMEDOUT`…), when the failure was below HTTP. */
  readonly networkCode: string | undefined;
  /** Sends of the operation, set when the error is built and read-only afterwards (login sends are not counted). */
  declare readonly attempts: number;
  /** From the start of the call to the failure (read-only). */
  declare readonly durationMs: number | undefined;

  constructor(message: string, details: TwoCheckoutErrorDetails) {
    super(message);
    this.name = new.target.name;
    this.operation = details.operation;
    this.faultCode = details.faultCode;
    this.faultString = details.faultString;
    this.httpStatus = details.httpStatus;
    this.networkCode = details.networkCode;
    Object.defineProperty(this, 'attempts', { value: details.attempts ?? 1, enumerable: true });
    Object.defineProperty(this, 'durationMs', { value: details.durationMs, enumerable: true });
  }
}

/** Bad merchant code or secret key, or a login date outside the server's window. Fix the config. */
export class AuthenticationError extends TwoCheckoutError {
  readonly kind = 'authentication' as const;
  readonly retryable = false;
}

/** The session was unknown or expired even after one fresh login and one replay. */
export class SessionError extends TwoCheckoutError {
  readonly kind = 'session' as const;
  readonly retryable = true;
}

/** One field-level problem found by local validation. */
export interface ValidationProblem {
  /** The Customer field (or input column) at fault. */
  field: string;
  /** What is wrong with it, in a short sentence. */
  message: string;
}

/** The request was rejected as invalid (locally before sending, or by the service). Fix the input. */
export class ValidationError extends TwoCheckoutError {
  readonly kind = 'validation' as const;
  readonly retryable = false;
  /** Field-level problems found locally; empty when the service rejected the request. */
  readonly problems: readonly ValidationProblem[];

  constructor(
    message: string,
    details: TwoCheckoutErrorDetails & { problems?: readonly ValidationProblem[] },
  ) {
    super(message, details);
    this.problems = details.problems ?? [];
  }
}

/** The customer, subscription, product… looked up does not exist (a `NOT_FOUND_*` fault). */
export class NotFoundError extends TwoCheckoutError {
  readonly kind = 'not-found' as const;
  readonly retryable = false;
}

/** One field whose stored value was not what the caller expected. */
export interface ConflictDetail {
  /** The Customer field. */
  field: string;
  /** The value the caller expected (its `expect` precondition, or the value it wrote). */
  expected: unknown;
  /** The value the service holds. */
  actual: unknown;
}

/**
 * The data changed under the caller (an `expect` precondition failed, or a verify re-read differs),
 * or a unique value (ExternalCustomerReference) is already taken. Re-read and decide.
 */
export class ConflictError extends TwoCheckoutError {
  readonly kind = 'conflict' as const;
  readonly retryable = false;
  /** The fields that differ; empty for a taken unique value (the faultCode says which). */
  readonly conflicts: readonly ConflictDetail[];

  constructor(message: string, details: TwoCheckoutErrorDetails & { conflicts?: readonly ConflictDetail[] }) {
    super(message, details);
    this.conflicts = details.conflicts ?? [];
  }
}

/**
 * Rate limited; retried with a longer backoff, and still limited. Slow down. When the server asked
 * for a pause (Retry-After) longer than the call had left, the call fails at once and
 * `retryAfterMs` says how long the server asked for.
 */
export class ThrottledError extends TwoCheckoutError {
  readonly kind = 'throttled' as const;
  readonly retryable = true;
  /** How long the server asked the client to wait (Retry-After), in ms, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: TwoCheckoutErrorDetails & { retryAfterMs?: number }) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Server trouble or a network failure that persisted through the retries. Try again later. */
export class TransientError extends TwoCheckoutError {
  readonly kind = 'transient' as const;
  readonly retryable = true;
}

/** The per-call timeout or the overall deadline fired. */
export class TimeoutError extends TwoCheckoutError {
  readonly kind = 'timeout' as const;
  readonly retryable = true;
}

/** How to find out whether a write whose outcome is unknown was applied. */
export interface ReconcileInfo {
  /** What the caller can look up to learn whether the write happened. */
  externalReference: string | null;
  /** What to look up, in a sentence (e.g. "look the customer up by ExternalCustomerReference X"). */
  hint: string;
}

/**
 * An unsafe write (createCustomer, placeOrder, copyPaymentInfo) failed after the request may have
 * reached the server: it may or may not have been applied, so the client did not resend it.
 * Reconcile (e.g. look the customer up by ExternalCustomerReference) before retrying.
 */
export class UnknownOutcomeError extends TwoCheckoutError {
  readonly kind = 'unknown-outcome' as const;
  readonly retryable = false;
  /** What went wrong underneath: 'transient' | 'timeout' | 'throttled'… */
  readonly underlyingKind: ErrorKind;
  /** How to learn whether the write was applied. */
  readonly reconcile: ReconcileInfo;

  constructor(
    message: string,
    details: TwoCheckoutErrorDetails & { underlyingKind: ErrorKind; reconcile: ReconcileInfo },
  ) {
    super(message, details);
    this.underlyingKind = details.underlyingKind;
    this.reconcile = details.reconcile;
  }
}

/** The TLS handshake failed (untrusted or invalid certificate). Configure the CA, don't disable checks. */
export class TlsError extends TwoCheckoutError {
  readonly kind = 'tls' as const;
  readonly retryable = false;
}

/**
 * The caller's AbortSignal fired. For an unsafe write that may already have reached the server the
 * client raises UnknownOutcomeError instead (with underlyingKind 'aborted').
 */
export class AbortError extends TwoCheckoutError {
  readonly kind = 'aborted' as const;
  readonly retryable = false;
}

/** Any other SOAP fault or unexpected response. */
export class FaultError extends TwoCheckoutError {
  readonly kind = 'fault' as const;
  readonly retryable = false;
}

/** One invalid option or environment variable, as {@link ConfigError.problems} lists them. */
export interface ConfigProblem {
  /** The option or environment variable at fault. */
  readonly option: string;
  /** What is wrong with it, naming it (never echoing a secret). */
  readonly message: string;
}

/**
 * Invalid client options or environment variables; raised at construction, before any call.
 * Every problem found is in one error (`problems`, and all of them in the message), so a
 * configuration is fixed in one go rather than one variable per attempt.
 */
export class ConfigError extends TwoCheckoutError {
  readonly kind = 'config' as const;
  readonly retryable = false;
  /** The (first) option or environment variable at fault. */
  readonly option: string;
  /** Every problem found, in the order checked (at least one). */
  readonly problems: readonly ConfigProblem[];

  constructor(option: string, message: string, problems?: readonly ConfigProblem[]) {
    super(message, { operation: 'config' });
    this.option = option;
    this.problems = problems && problems.length > 0 ? problems : [{ option, message }];
  }

  /**
   * One error for several problems: `"2 configuration problems: A …; B …"` (`hint`, when given,
   * ends the message once).
   */
  static of(problems: readonly ConfigProblem[], hint = ''): ConfigError {
    const first = problems[0];
    if (first === undefined) throw new TypeError('ConfigError.of: no problems');
    const message =
      problems.length === 1
        ? first.message
        : `${problems.length} configuration problems: ${problems.map((p) => p.message).join('; ')}`;
    return new ConfigError(first.option, `${message}${hint}`, problems);
  }
}
