// The one attempt loop every SOAP call goes through, login included (stripe-node's request loop,
// AWS's retry strategy): session, client-side rate limit, one attempt, classification, session
// replay, the retry policy table, Retry-After, jitter, the shared budget, the deadline and the
// caller's signal. Errors are built once, when the loop gives up, with their final attempt count.
import type { WsdlOperationName } from '../domain';
import type { Engine, PreparedCall } from '../soap/engine';
import { WireArgsError } from '../wire/errors';
import { classifyFailure, type Classified } from './error-factory';
import {
  AbortError,
  FaultError,
  ThrottledError,
  TimeoutError,
  UnknownOutcomeError,
  ValidationError,
  type ReconcileInfo,
  type TwoCheckoutError,
} from './errors';
import { CALL_FAILED_MESSAGE, type CallEvent, type Logger } from './observability';
import { sleep, type SendRateLimiter } from './rate-limit';
import type { Redactor } from './redact';
import { retryClassOf } from './retry-policy';
import type { RetryStrategy } from './retry-strategy';
import type { LoginReason, Session, SessionManager } from './session';

export interface PipelineDeps {
  engineFor(operation: WsdlOperationName): Engine;
  retry: RetryStrategy;
  limiter: SendRateLimiter | undefined;
  redactor: Redactor;
  /** Per-request timeout. */
  timeoutMs: number;
  /** Undefined when nobody listens: then no event object is built. */
  emit: ((event: CallEvent) => void) | undefined;
  logger: Logger | undefined;
  isClosed(): boolean;
  counters: { sends: number; retries: number };
}

export interface InvokeRequest {
  operation: WsdlOperationName;
  /** The arguments; a function for login, whose every attempt needs a fresh date and hash. */
  args: unknown | (() => unknown);
  freshArgsPerAttempt: boolean;
  /** Present for every operation but login. */
  sessions: SessionManager | undefined;
  startedAt: number;
  deadlineAt: number;
  signal: AbortSignal | undefined;
  loginReason?: LoginReason;
}

export interface InvokeResult {
  value: unknown;
  httpStatus: number;
  /** Sends of this operation (session replays included). */
  attempts: number;
  durationMs: number;
  /** When the successful attempt was sent. */
  sentAt: number;
}

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

function unknownOutcome(operation: string, args: unknown, error: TwoCheckoutError): UnknownOutcomeError {
  const reconcile = reconcileInfo(operation, args);
  return new UnknownOutcomeError(
    `${operation}: outcome unknown, the request may have been applied (${error.message}); not resent because ` +
      `${operation} is not idempotent. ${reconcile.hint}`,
    {
      operation,
      attempts: error.attempts,
      ...(error.durationMs !== undefined ? { durationMs: error.durationMs } : {}),
      ...(error.faultCode !== undefined ? { faultCode: error.faultCode } : {}),
      ...(error.faultString !== undefined ? { faultString: error.faultString } : {}),
      ...(error.httpStatus !== undefined ? { httpStatus: error.httpStatus } : {}),
      ...(error.networkCode !== undefined ? { networkCode: error.networkCode } : {}),
      underlyingKind: error.kind,
      reconcile,
    },
  );
}

/** Resolves like `p`, unless the deadline passes or the signal aborts first (then rejects). */
function within<T>(
  p: Promise<T>,
  operation: string,
  deadlineAt: number,
  signal: AbortSignal | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const aborted = () =>
      new AbortError(`${operation}: aborted by the caller's signal`, { operation, attempts: 0 });
    if (signal?.aborted) return reject(aborted());
    const cleanup = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      cleanup();
      reject(aborted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => {
        cleanup();
        reject(
          new TimeoutError(`${operation}: overall deadline exceeded while logging in`, {
            operation,
            attempts: 0,
          }),
        );
      },
      Math.max(1, deadlineAt - Date.now()),
    );
    p.then(
      (v) => {
        cleanup();
        resolve(v);
      },
      (e: unknown) => {
        cleanup();
        reject(e);
      },
    );
  });
}

export function localValidationError(operation: string, err: WireArgsError): ValidationError {
  return new ValidationError(`${operation}: ${err.path}: ${err.reason}`, {
    operation,
    attempts: 0,
    problems: [{ field: err.path, message: err.reason }],
  });
}

export class Pipeline {
  constructor(private readonly deps: PipelineDeps) {}

  private prepare(engine: Engine, operation: WsdlOperationName, args: unknown): PreparedCall {
    try {
      return engine.prepare(operation, args);
    } catch (err) {
      if (err instanceof WireArgsError) throw localValidationError(operation, err);
      throw err;
    }
  }

  async invoke(req: InvokeRequest): Promise<InvokeResult> {
    const { deps } = this;
    const { operation, signal, deadlineAt } = req;
    const engine = deps.engineFor(operation);
    const retryClass = retryClassOf(operation);
    const argsFor = (): unknown => (req.freshArgsPerAttempt ? (req.args as () => unknown)() : req.args);
    let prepared = req.freshArgsPerAttempt ? undefined : this.prepare(engine, operation, req.args);
    let attempts = 0;
    let retryAttempt = 0;
    let replayed = false;
    let spent = 0;
    const tally = () => ({ attempts, durationMs: Date.now() - req.startedAt });
    const fail = (error: TwoCheckoutError, durationMs: number, c: Classified): TwoCheckoutError => {
      this.report(operation, attempts, durationMs, 'failed', c.kind, c, req.loginReason, error.message);
      return error;
    };
    for (;;) {
      if (deps.isClosed()) {
        throw new FaultError(`${operation}: the client is closed`, { operation, ...tally() });
      }
      if (signal?.aborted)
        throw new AbortError(`${operation}: aborted by the caller's signal`, { operation, ...tally() });
      let session: Session | undefined;
      // The common case needs no promise race: the session is there.
      if (req.sessions)
        session =
          req.sessions.ready() ?? (await within(req.sessions.acquire(), operation, deadlineAt, signal));
      if (!prepared || req.freshArgsPerAttempt) prepared = this.prepare(engine, operation, argsFor());
      if (deps.limiter) {
        const slot = await deps.limiter.acquire(deadlineAt, Date.now(), signal);
        if (slot === 'deadline') {
          throw new TimeoutError(
            `${operation}: the client-side rate limit (maxRps) has no slot before the call's deadline`,
            { operation, ...tally() },
          );
        }
        if (slot === 'aborted')
          throw new AbortError(`${operation}: aborted by the caller's signal`, { operation, ...tally() });
      }
      attempts += 1;
      retryAttempt += 1;
      deps.counters.sends += 1;
      const sentAt = Date.now();
      const perRequestEnd = sentAt + deps.timeoutMs;
      const limits =
        perRequestEnd <= deadlineAt
          ? { endAt: perRequestEnd, endReason: 'timeout' as const, signal }
          : { endAt: deadlineAt, endReason: 'deadline' as const, signal };
      const outcome = await engine.attempt(prepared, session?.id, limits);
      const durationMs = Date.now() - sentAt;
      if (outcome.ok) {
        deps.retry.budget.onSuccess(spent);
        deps.emit?.({
          operation,
          attempt: attempts,
          durationMs,
          outcome: 'success',
          ...(req.loginReason ? { loginReason: req.loginReason } : {}),
        });
        deps.logger?.debug({ operation, attempt: attempts, durationMs }, 'twocheckout: call ok');
        return {
          value: outcome.value,
          httpStatus: outcome.httpStatus,
          attempts,
          durationMs: Date.now() - req.startedAt,
          sentAt,
        };
      }
      const c = classifyFailure(outcome.failure, {
        operation,
        redactor: deps.redactor,
        timeoutMs: deps.timeoutMs,
      });
      if (c.sessionFault && session && req.sessions && !replayed) {
        // The service refused the session: one shared re-login, one replay (safe even for unsafe
        // writes: a refused session means nothing was applied).
        replayed = true;
        retryAttempt -= 1;
        req.sessions.invalidate(session);
        this.report(operation, attempts, durationMs, 'retrying', c.kind, c, req.loginReason, c.message);
        continue;
      }
      if (c.kind === 'aborted') {
        const error = c.build(tally());
        this.report(operation, attempts, durationMs, 'failed', c.kind, c, req.loginReason, c.message);
        // Aborted mid-exchange: an unsafe write may already be on the server.
        throw retryClass === 'unsafe-write' ? unknownOutcome(operation, argsFor(), error) : error;
      }
      const decision = deps.retry.decide({
        kind: c.kind,
        notApplied: c.notApplied,
        retryClass,
        attempt: retryAttempt,
        remainingMs: deadlineAt - Date.now(),
        retryAfterMs: c.retryAfterMs,
      });
      if (!decision.retry) {
        if (decision.reason === 'retry-after') {
          const error = new ThrottledError(
            `${c.message} (the server asked to retry after ${decision.retryAfterMs} ms, more than the call has left)`,
            {
              operation,
              ...tally(),
              retryAfterMs: decision.retryAfterMs,
              ...(c.httpStatus !== undefined ? { httpStatus: c.httpStatus } : {}),
              ...(c.faultCode !== undefined ? { faultCode: c.faultCode } : {}),
            },
          );
          if (retryClass === 'unsafe-write' && !c.notApplied)
            throw fail(unknownOutcome(operation, argsFor(), error), durationMs, c);
          throw fail(error, durationMs, c);
        }
        const error = c.build(tally());
        if (decision.reason === 'unsafe-write')
          throw fail(unknownOutcome(operation, argsFor(), error), durationMs, c);
        throw fail(error, durationMs, c);
      }
      deps.counters.retries += 1;
      spent += decision.tokens;
      this.report(operation, attempts, durationMs, 'retrying', c.kind, c, req.loginReason, c.message);
      await sleep(decision.delayMs, signal);
    }
  }

  private report(
    operation: string,
    attempt: number,
    durationMs: number,
    outcome: 'retrying' | 'failed',
    errorKind: CallEvent['errorKind'],
    c: { faultCode?: string | undefined; httpStatus?: number | undefined },
    loginReason: LoginReason | undefined,
    message: string,
  ): void {
    this.deps.emit?.({
      operation,
      attempt,
      durationMs,
      outcome,
      ...(errorKind ? { errorKind } : {}),
      ...(c.faultCode !== undefined ? { faultCode: c.faultCode } : {}),
      ...(c.httpStatus !== undefined ? { httpStatus: c.httpStatus } : {}),
      ...(loginReason ? { loginReason } : {}),
    });
    const logger = this.deps.logger;
    if (logger) {
      logger[outcome === 'failed' ? 'warn' : 'info'](
        { operation, attempt, durationMs, errorKind, faultCode: c.faultCode, message },
        outcome === 'failed' ? CALL_FAILED_MESSAGE : 'twocheckout: retrying',
      );
    }
  }
}
