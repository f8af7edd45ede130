// The client core: options, transport, engines, session, rate limit and the attempt pipeline,
// behind `call()`. It knows nothing of customers: the facade (src/facade) composes
// `client.customers` on top, so no import points back up a layer.
import { inspect } from 'node:util';
import type { OperationArgs, OperationName, OperationResult, WsdlOperationName } from '../domain';
import { createCodecEngine, hasCodec } from '../soap/codec-engine';
import type { Engine } from '../soap/engine';
import { createNodeSoapEngine } from '../soap/node-soap-engine';
import { createHttpTransport, type HttpTransport } from '../soap/transport';
import { FaultError, ValidationError } from './errors';
import { loginCredentials } from './hash';
import { warnMd5Once } from './md5-warning';
import { safeEmitter, safeLogger, type CallEvent, type Logger } from './observability';
import { resolveOptions, type ResolvedOptions, type TwoCheckoutClientOptions } from './options';
import { Pipeline } from './pipeline';
import { SendRateLimiter } from './rate-limit';
import { Redactor } from './redact';
import { retryPolicy } from './retry-policy';
import { RetryStrategy } from './retry-strategy';
import { SessionManager, type LoginReason } from './session';

/** Counters of one client, from {@link TwoCheckoutClient.stats}. */
export interface ClientStats {
  /** Facade calls started (logins not included). */
  calls: number;
  /** Facade calls that ended in an error. */
  failures: number;
  /** Successful logins. */
  logins: number;
  /** Resends after a transient failure (session replays not included). */
  retries: number;
  /** Logins made because the session reached its renewal point or expired. */
  sessionRenewals: number;
  /** Logins made because the service reported the session invalid (then the call was replayed). */
  sessionRecoveries: number;
  /** Tokens left in the retry budget. */
  retryBudget: number;
  /** HTTP requests sent: every attempt of every call and every login attempt. */
  sends: number;
}

/** Per-call options for `call()` and the customers API. */
export interface CallOptions {
  /** Aborts the call: it rejects with AbortError (UnknownOutcomeError for an unsafe write in flight). */
  signal?: AbortSignal;
  /** Limit for this whole call, retries, login and backoff included. Default: the client's deadlineMs. */
  timeoutMs?: number;
}

/** What happened on the wire for one call. Errors carry the same fields. */
export interface CallMetadata {
  /** The operation called. */
  operation: string;
  /** Sends of the operation (1 = no retry; session replays count). */
  attempts: number;
  /** From the start of the call to its result, login, retries and waits included. */
  durationMs: number;
  /** HTTP status of the answer that was used. */
  httpStatus: number | undefined;
}

/** A result with the metadata of the call that produced it. */
export interface CallResult<T> {
  /** The normalized result. */
  result: T;
  /** What happened on the wire. */
  metadata: CallMetadata;
}

/**
 * The client core for one merchant: logs in lazily, renews its session before the 10-minute
 * expiry, retries what is safe to retry, and throws {@link TwoCheckoutError} subclasses. The
 * facade's {@link TwoCheckoutClient} adds `customers` on top; create one with
 * {@link createTwoCheckoutClient} or {@link fromEnv} and close it when done.
 */
export interface TwoCheckoutClientCore {
  /** Calls any WSDL operation but login: sessionID injected, arguments encoded, result normalized. */
  call<Op extends OperationName>(
    operation: Op,
    args: OperationArgs<Op>,
    options?: CallOptions,
  ): Promise<OperationResult<Op>>;
  /** Like call(), with the call's metadata (attempts, durationMs, httpStatus) next to the result. */
  callWithMetadata<Op extends OperationName>(
    operation: Op,
    args: OperationArgs<Op>,
    options?: CallOptions,
  ): Promise<CallResult<OperationResult<Op>>>;
  /** The merchant this client acts for. */
  readonly merchantCode: string;
  /** The default engine ('codec' or 'node-soap'). */
  readonly engine: 'codec' | 'node-soap';
  /**
   * Logs in now unless a valid session is held (calls log in by themselves; this only moves the
   * first login forward), so bad credentials, TLS or network problems show at start-up.
   */
  connect(): Promise<void>;
  /** A snapshot of the client's counters. */
  stats(): ClientStats;
  /** Frees sockets and forgets the session; idempotent. Later calls fail. */
  close(): Promise<void>;
}

function checkCallOptions(operation: string, options: CallOptions | undefined): void {
  if (options === undefined) return;
  const bad = (field: string, message: string): never => {
    throw new ValidationError(`${operation}: options.${field} ${message}`, {
      operation,
      attempts: 0,
      problems: [{ field: `options.${field}`, message }],
    });
  };
  if (typeof options !== 'object' || options === null) bad('(options)', 'must be an object');
  const { timeoutMs, signal } = options;
  if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 1)) {
    bad('timeoutMs', 'must be a positive whole number of milliseconds');
  }
  if (signal !== undefined && (typeof signal !== 'object' || typeof signal.addEventListener !== 'function')) {
    bad('signal', 'must be an AbortSignal');
  }
}

class ClientCore implements TwoCheckoutClientCore {
  readonly merchantCode: string;
  readonly engine: 'codec' | 'node-soap';
  // The secret lives only here (a true private field: util.inspect, JSON.stringify and property
  // enumeration cannot see it) and in the login-arguments closure below.
  readonly #secretKey: string;
  readonly #options: Omit<ResolvedOptions, 'secretKey'>;
  readonly #transport: HttpTransport;
  readonly #redactor: Redactor;
  readonly #retry: RetryStrategy;
  readonly #sessions: SessionManager;
  readonly #pipeline: Pipeline;
  readonly #counters = { sends: 0, retries: 0 };
  readonly #logger: Logger;
  #codec: Engine | undefined;
  #nodeSoap: Engine | undefined;
  #fallbackWarned = false;
  #closed = false;
  #calls = 0;
  #failures = 0;

  constructor(options: TwoCheckoutClientOptions) {
    const { secretKey, ...rest } = resolveOptions(options);
    this.#secretKey = secretKey;
    this.#options = rest;
    const o = rest;
    this.merchantCode = o.merchantCode;
    this.engine = o.engine;
    this.#redactor = new Redactor([secretKey]);
    this.#logger = safeLogger(o.logger);
    const emit = safeEmitter(o.onEvent);
    this.#transport = createHttpTransport({
      endpoint: o.url,
      maxSockets: o.maxSockets,
      proxy: o.proxy,
      env: o.env,
      ...(o.extraCa ? { extraCa: o.extraCa } : {}),
      tlsInsecure: o.tlsInsecure,
      maxResponseBytes: o.maxResponseBytes,
      warn: (message) => this.#logger.warn({ merchantCode: o.merchantCode, url: o.url }, message),
    });
    if (o.hashAlgorithm === 'md5') warnMd5Once(o.logger ? this.#logger : undefined, o.merchantCode);
    this.#retry = new RetryStrategy(o.retry, o.random);
    this.#pipeline = new Pipeline({
      engineFor: (op) => this.#engineFor(op),
      retry: this.#retry,
      limiter: o.maxRps !== undefined ? new SendRateLimiter(o.maxRps) : undefined,
      redactor: this.#redactor,
      timeoutMs: o.timeoutMs,
      emit: o.onEvent ? (event: CallEvent) => emit(event) : undefined,
      logger: o.logger !== undefined ? this.#logger : undefined,
      isClosed: () => this.#closed,
      counters: this.#counters,
    });
    this.#sessions = new SessionManager((reason) => this.#login(reason), o.session, Date.now);
  }

  #engineFor(operation: WsdlOperationName): Engine {
    if (this.engine === 'codec' && hasCodec(operation)) {
      this.#codec ??= createCodecEngine(this.#transport);
      return this.#codec;
    }
    if (this.engine === 'codec' && !this.#fallbackWarned) {
      this.#fallbackWarned = true;
      this.#logger.warn(
        { operation },
        "twocheckout: the code generator could not compile this operation; sending it through engine 'node-soap'",
      );
    }
    this.#nodeSoap ??= createNodeSoapEngine(this.#transport);
    return this.#nodeSoap;
  }

  async #login(reason: LoginReason): Promise<{ sessionId: string; sentAt: number }> {
    const startedAt = Date.now();
    const merchantCode = this.merchantCode;
    const secretKey = this.#secretKey;
    const clock = this.#options.clock;
    const algorithm = this.#options.hashAlgorithm;
    const redactor = this.#redactor;
    const result = await this.#pipeline.invoke({
      operation: 'login',
      // A fresh date and hash for every attempt; the parts come from hash.ts as they are (md5
      // has no algo: a trailing part left out is not sent, so it stays the 3-part login).
      args: () => {
        const credentials = loginCredentials(merchantCode, secretKey, clock, algorithm);
        redactor.remember(credentials.hash);
        return { ...credentials };
      },
      freshArgsPerAttempt: true,
      sessions: undefined,
      startedAt,
      deadlineAt: startedAt + this.#options.deadlineMs,
      signal: undefined,
      loginReason: reason,
    });
    const sessionId = result.value;
    if (typeof sessionId !== 'string' || sessionId === '') {
      throw new FaultError('login: the service answered without a session ID', {
        operation: 'login',
        attempts: result.attempts,
        durationMs: result.durationMs,
      });
    }
    redactor.remember(sessionId);
    if (this.#options.logger) {
      this.#logger.info({ merchantCode, reason, attempts: result.attempts }, 'twocheckout: logged in');
    }
    return { sessionId, sentAt: result.sentAt };
  }

  async connect(): Promise<void> {
    if (this.#closed)
      throw new FaultError('login: the client is closed', { operation: 'login', attempts: 0 });
    await this.#sessions.acquire();
  }

  async call<Op extends OperationName>(
    operation: Op,
    args: OperationArgs<Op>,
    options?: CallOptions,
  ): Promise<OperationResult<Op>> {
    return (await this.callWithMetadata(operation, args, options)).result;
  }

  async callWithMetadata<Op extends OperationName>(
    operation: Op,
    args: OperationArgs<Op>,
    options?: CallOptions,
  ): Promise<CallResult<OperationResult<Op>>> {
    const startedAt = Date.now();
    if (this.#closed) throw new FaultError(`${operation}: the client is closed`, { operation, attempts: 0 });
    this.#calls += 1;
    try {
      if (!Object.hasOwn(retryPolicy, operation) || (operation as string) === 'login') {
        const why =
          (operation as string) === 'login'
            ? 'login is done by the client itself'
            : 'not an operation of the WSDL';
        throw new ValidationError(`${String(operation)}: ${why}`, {
          operation: String(operation),
          attempts: 0,
          problems: [{ field: '(operation)', message: why }],
        });
      }
      checkCallOptions(operation, options);
      const limit = options?.timeoutMs ?? this.#options.deadlineMs;
      const out = await this.#pipeline.invoke({
        operation,
        args,
        freshArgsPerAttempt: false,
        sessions: this.#sessions,
        startedAt,
        deadlineAt: startedAt + limit,
        signal: options?.signal,
      });
      return {
        result: out.value as OperationResult<Op>,
        metadata: {
          operation,
          attempts: out.attempts,
          durationMs: out.durationMs,
          httpStatus: out.httpStatus,
        },
      };
    } catch (err) {
      this.#failures += 1;
      throw err;
    }
  }

  stats(): ClientStats {
    return {
      calls: this.#calls,
      failures: this.#failures,
      logins: this.#sessions.logins,
      retries: this.#counters.retries,
      sessionRenewals: this.#sessions.renewals,
      sessionRecoveries: this.#sessions.recoveries,
      retryBudget: this.#retry.budget.available(),
      sends: this.#counters.sends,
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#sessions.clear();
    this.#transport.close();
  }

  /** What util.inspect and JSON.stringify show: never the secret, the session or the hash. */
  toJSON(): Record<string, unknown> {
    return {
      merchantCode: this.merchantCode,
      url: this.#options.url,
      engine: this.engine,
      hashAlgorithm: this.#options.hashAlgorithm,
      closed: this.#closed,
    };
  }

  [inspect.custom](): string {
    return `TwoCheckoutClient ${inspect(this.toJSON())}`;
  }
}

/**
 * The client core for one merchant. `extend` adds layers composed on top (the facade adds
 * `customers`): they receive the core and become read-only properties of it.
 */
export function createClientCore<E extends object = Record<never, never>>(
  options: TwoCheckoutClientOptions,
  extend?: (core: TwoCheckoutClientCore) => E,
): TwoCheckoutClientCore & E {
  const core = new ClientCore(options);
  if (extend) {
    for (const [key, value] of Object.entries(extend(core))) {
      Object.defineProperty(core, key, { value, enumerable: true, writable: false });
    }
  }
  return core as unknown as TwoCheckoutClientCore & E;
}
