import type { OperationArgs, OperationName, OperationResult, WsdlOperationName } from '../domain';
import {
  createSoapStub,
  normalizeResult,
  toWireArgs,
  WireArgsError,
  type SoapStub,
  type WireObject,
} from '../soap';
import { createTransport, type Transport } from '../soap/transport';
import { createCustomersApi, type CustomersApi } from '../customers/api';
import { callOnce, type AttemptLimits, type Send } from './call-once';
import {
  FaultError,
  SessionError,
  TwoCheckoutError,
  UnknownOutcomeError,
  ValidationError,
  type ReconcileInfo,
} from './errors';
import { safeEmitter, safeLogger, type CallEvent, type Logger } from './observability';
import { resolveOptions, type ResolvedOptions, type TwoCheckoutClientOptions } from './options';
import { Redactor } from './redact';
import { retryClassOf, retryPolicy } from './retry-policy';
import { RetryStrategy } from './retry-strategy';
import { SessionManager, type Session } from './session';

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
}

/**
 * A 2Checkout SOAP API 4.0 client for one merchant: logs in lazily, renews its session before the
 * 10-minute expiry, retries what is safe to retry, and throws {@link TwoCheckoutError} subclasses.
 * Create it with {@link createTwoCheckoutClient} or {@link fromEnv}; close it when done.
 */
export interface TwoCheckoutClient {
  /** Calls any WSDL operation but login: sessionID injected, arguments encoded, result normalized. */
  call<Op extends OperationName>(operation: Op, args: OperationArgs<Op>): Promise<OperationResult<Op>>;
  /** Customer reads and read-modify-write updates on top of {@link TwoCheckoutClient.call}. */
  readonly customers: CustomersApi;
  /** The merchant this client acts for. */
  readonly merchantCode: string;
  /** A snapshot of the client's counters. */
  stats(): ClientStats;
  /** Frees sockets and forgets the session; idempotent. Later calls fail. */
  close(): Promise<void>;
}

/** Replaced by the real session for each attempt; never sent. */
const SESSION_PLACEHOLDER = '-';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What a caller needs to find out whether an unsafe write happened. */
function reconcileInfo(operation: string, args: unknown): ReconcileInfo {
  const a = (args ?? {}) as Record<string, Record<string, unknown> | undefined>;
  switch (operation) {
    case 'createCustomer': {
      const ext = a.Customer?.ExternalCustomerReference;
      return typeof ext === 'string' && ext !== ''
        ? {
            externalReference: ext,
            hint: 'call customers.get({ external }) with this ExternalCustomerReference: if it exists, the create succeeded',
          }
        : {
            externalReference: null,
            hint: 'the customer had no ExternalCustomerReference; set one on creates so an unknown outcome can be reconciled',
          };
    }
    case 'placeOrder': {
      const ext = a.Order?.ExternalReference;
      return {
        externalReference: typeof ext === 'string' && ext !== '' ? ext : null,
        hint: 'look the order up by its ExternalReference in the 2Checkout control panel or API before placing it again',
      };
    }
    default:
      return {
        externalReference: null,
        hint: 'read the affected objects back to learn whether the write was applied before sending it again',
      };
  }
}

class Client implements TwoCheckoutClient {
  readonly customers: CustomersApi;
  readonly merchantCode: string;
  private readonly options: ResolvedOptions;
  private readonly transport: Transport;
  private readonly redactor: Redactor;
  private readonly retry: RetryStrategy;
  private readonly sessions: SessionManager;
  private readonly logger: Logger;
  private readonly hasLogger: boolean;
  private readonly emit: (event: CallEvent) => void;
  private readonly stubPromise: Promise<SoapStub>;
  private closed = false;
  private calls = 0;
  private failures = 0;
  private retries = 0;

  constructor(options: TwoCheckoutClientOptions) {
    const o = resolveOptions(options);
    this.options = o;
    this.merchantCode = o.merchantCode;
    this.redactor = new Redactor([o.secretKey]);
    this.logger = safeLogger(o.logger);
    this.hasLogger = o.logger !== undefined;
    this.emit = safeEmitter(o.onEvent);
    this.transport = createTransport({
      endpoint: o.url,
      timeoutMs: o.timeoutMs,
      maxSockets: o.maxSockets,
      proxy: o.proxy,
      env: o.env,
      ...(o.extraCa ? { extraCa: o.extraCa } : {}),
      tlsInsecure: o.tlsInsecure,
      warn: (message) => this.logger.warn({ merchantCode: o.merchantCode, url: o.url }, message),
    });
    this.retry = new RetryStrategy(o.retry, o.random);
    this.stubPromise = createSoapStub({ endpoint: o.url, httpClient: this.transport.http }).catch(
      (err: unknown) => {
        const reason = err instanceof Error ? err.message : String(err);
        throw new FaultError(`cannot load the vendored WSDL: ${reason}`, { operation: 'wsdl', attempts: 0 });
      },
    );
    // Keep an early stub failure from being reported as unhandled; it surfaces on the first call.
    this.stubPromise.catch(() => undefined);
    this.sessions = new SessionManager({
      merchantCode: o.merchantCode,
      secretKey: o.secretKey,
      clock: o.clock,
      now: Date.now,
      timing: o.session,
      retry: this.retry,
      redactor: this.redactor,
      sleep,
      loginDeadlineMs: o.deadlineMs,
      sendLogin: async (credentials, attempt) => {
        const stub = await this.stubPromise;
        const started = Date.now();
        const args = toWireArgs('login', { ...credentials });
        const send: Send = async (a, opts) => (await stub.invoke('login', a as WireObject, opts)).result;
        const result = await callOnce(
          send,
          'login',
          args,
          attempt,
          {
            timeoutMs: o.timeoutMs,
            deadlineAt: started + o.timeoutMs,
          },
          this.redactor,
        );
        if (!result.ok) {
          this.emit({
            operation: 'login',
            attempt,
            durationMs: Date.now() - started,
            outcome: 'failed',
            errorKind: result.failure.error.kind,
            ...(result.failure.error.faultCode ? { faultCode: result.failure.error.faultCode } : {}),
          });
          return result;
        }
        return { ok: true, sessionId: this.normalize('login', result.raw) };
      },
      onLogin: ({ reason, attempts, durationMs }) => {
        this.emit({
          operation: 'login',
          attempt: attempts,
          durationMs,
          outcome: 'success',
          loginReason: reason,
        });
        if (this.hasLogger)
          this.logger.info({ merchantCode: o.merchantCode, reason, attempts }, 'twocheckout: logged in');
      },
    });
    this.customers = createCustomersApi(this);
  }

  async call<Op extends OperationName>(operation: Op, args: OperationArgs<Op>): Promise<OperationResult<Op>> {
    if (this.closed) throw new FaultError(`${operation}: the client is closed`, { operation, attempts: 0 });
    this.calls += 1;
    const startedAt = Date.now();
    const limits: AttemptLimits = {
      timeoutMs: this.options.timeoutMs,
      deadlineAt: startedAt + this.options.deadlineMs,
    };
    const retryClass = retryClassOf(operation);
    // Encoded once per call; each attempt only swaps in its session (sessionID stays the first part).
    const wire = this.encode(operation, args);
    const stub = await this.stubPromise;
    const send: Send = async (a, opts) => (await stub.invoke(operation, a as WireObject, opts)).result;
    let attempt = 0;
    let sendAttempt = 0;
    let replayedForSession = false;
    let spent = 0;
    for (;;) {
      if (this.closed) {
        this.failures += 1;
        throw new FaultError(`${operation}: the client was closed during the call`, {
          operation,
          attempts: sendAttempt,
        });
      }
      let session: Session;
      try {
        session = await this.sessions.acquire();
      } catch (err) {
        this.failures += 1;
        throw err;
      }
      attempt += 1;
      sendAttempt += 1;
      const sentAt = Date.now();
      const payload = { ...wire, sessionID: session.id };
      const result = await callOnce(send, operation, payload, sendAttempt, limits, this.redactor);
      const durationMs = Date.now() - sentAt;
      if (result.ok) {
        this.retry.budget.onSuccess(spent);
        this.emit({ operation, attempt: sendAttempt, durationMs, outcome: 'success' });
        if (this.hasLogger)
          this.logger.debug({ operation, attempt: sendAttempt, durationMs }, 'twocheckout: call ok');
        try {
          return this.normalize(operation, result.raw);
        } catch (err) {
          this.failures += 1;
          throw err;
        }
      }
      const { error, notApplied } = result.failure;
      error.attempts = sendAttempt;
      if (error instanceof SessionError && !replayedForSession) {
        // The service refused the session: one shared re-login, one replay (safe even for unsafe
        // writes: a refused session means nothing was applied).
        replayedForSession = true;
        attempt -= 1;
        this.sessions.invalidate(session);
        this.emitFailure(operation, sendAttempt, durationMs, 'retrying', error);
        continue;
      }
      const decision = this.retry.decide({
        kind: error.kind,
        notApplied,
        retryClass,
        attempt,
        remainingMs: limits.deadlineAt - Date.now(),
      });
      if (!decision.retry) {
        this.failures += 1;
        this.emitFailure(operation, sendAttempt, durationMs, 'failed', error);
        if (decision.reason === 'unsafe-write') throw this.unknownOutcome(operation, args, error);
        throw error;
      }
      this.retries += 1;
      spent += decision.tokens;
      this.emitFailure(operation, sendAttempt, durationMs, 'retrying', error);
      await sleep(decision.delayMs);
    }
  }

  private encode<Op extends OperationName>(operation: Op, args: OperationArgs<Op>): WireObject {
    if (!Object.hasOwn(retryPolicy, operation) || (operation as string) === 'login') {
      this.failures += 1;
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
    try {
      return toWireArgs(operation, args, SESSION_PLACEHOLDER);
    } catch (err) {
      if (!(err instanceof WireArgsError)) throw err;
      this.failures += 1;
      throw new ValidationError(`${operation}: ${err.path}: ${err.reason}`, {
        operation,
        attempts: 0,
        problems: [{ field: err.path, message: err.reason }],
      });
    }
  }

  private normalize<Op extends WsdlOperationName>(operation: Op, raw: unknown): OperationResult<Op> {
    try {
      return normalizeResult(operation, raw);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new FaultError(`${operation}: unexpected response: ${this.redactor.redact(reason)}`, {
        operation,
      });
    }
  }

  private unknownOutcome(operation: string, args: unknown, error: TwoCheckoutError): UnknownOutcomeError {
    const reconcile = reconcileInfo(operation, args);
    return new UnknownOutcomeError(
      `${operation}: outcome unknown, the request may have been applied (${error.message}); not resent because ` +
        `${operation} is not idempotent. ${reconcile.hint}`,
      {
        operation,
        attempts: error.attempts,
        ...(error.faultCode !== undefined ? { faultCode: error.faultCode } : {}),
        ...(error.faultString !== undefined ? { faultString: error.faultString } : {}),
        ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}),
        ...(error.networkCode !== undefined ? { networkCode: error.networkCode } : {}),
        underlyingKind: error.kind,
        reconcile,
      },
    );
  }

  private emitFailure(
    operation: string,
    attempt: number,
    durationMs: number,
    outcome: 'retrying' | 'failed',
    error: TwoCheckoutError,
  ): void {
    this.emit({
      operation,
      attempt,
      durationMs,
      outcome,
      errorKind: error.kind,
      ...(error.faultCode !== undefined ? { faultCode: error.faultCode } : {}),
      ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}),
    });
    if (this.hasLogger) {
      const level = outcome === 'failed' ? 'warn' : 'info';
      this.logger[level](
        {
          operation,
          attempt,
          durationMs,
          errorKind: error.kind,
          faultCode: error.faultCode,
          message: error.message,
        },
        outcome === 'failed' ? 'twocheckout: call failed' : 'twocheckout: retrying',
      );
    }
  }

  stats(): ClientStats {
    return {
      calls: this.calls,
      failures: this.failures,
      logins: this.sessions.logins,
      retries: this.retries,
      sessionRenewals: this.sessions.renewals,
      sessionRecoveries: this.sessions.recoveries,
      retryBudget: this.retry.budget.available(),
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.sessions.clear();
    this.transport.close();
  }
}

/** A client for one merchant. Holds no global state: create as many as you need. */
export function createTwoCheckoutClient(options: TwoCheckoutClientOptions): TwoCheckoutClient {
  return new Client(options);
}
