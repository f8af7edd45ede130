import { AuthenticationError } from './errors';
import type { ClassifiedError } from './error-factory';
import { loginCredentials, type Clock, type LoginCredentials } from './hash';
import type { Redactor } from './redact';
import type { RetryStrategy } from './retry-strategy';

export interface Session {
  readonly id: string;
  /** Increments with every login; lets a failed call invalidate only the session it used. */
  readonly generation: number;
}

/** When the client logs in again. */
export interface SessionTiming {
  /** How long the service keeps a session (2Checkout documents 10 minutes). */
  ttlMs: number;
  /** Log in again this long before the expiry, so no call is sent with a dying session. */
  renewMarginMs: number;
  /** After an authentication failure, fail fast for this long instead of hammering login. */
  authFailureCooldownMs: number;
}

export type LoginAttempt = (
  credentials: LoginCredentials,
  attempt: number,
) => Promise<{ ok: true; sessionId: string } | { ok: false; failure: ClassifiedError }>;

export interface SessionDeps {
  merchantCode: string;
  secretKey: string;
  /** Wall clock for the login date (UTC). */
  clock: Clock;
  /** Monotonic-enough milliseconds for expiry bookkeeping. */
  now: () => number;
  timing: SessionTiming;
  retry: RetryStrategy;
  redactor: Redactor;
  sleep: (ms: number) => Promise<void>;
  /** Deadline for one login (all its attempts). */
  loginDeadlineMs: number;
  sendLogin: LoginAttempt;
  onLogin?: (info: { reason: LoginReason; attempts: number; durationMs: number }) => void;
}

export type LoginReason = 'initial' | 'renewal' | 'expired' | 'session-fault';

interface CurrentSession extends Session {
  renewAt: number;
}

/**
 * Owns the session of one client: lazy, single-flight login (any number of concurrent callers
 * share one login), proactive renewal before the expiry, one shared re-login after a session
 * fault, and a fresh date + hash for every login attempt.
 */
export class SessionManager {
  private current: CurrentSession | undefined;
  private inflight: Promise<Session> | undefined;
  private generation = 0;
  private authFailure: { at: number; error: AuthenticationError } | undefined;
  private invalidatedByFault = false;
  logins = 0;
  renewals = 0;
  recoveries = 0;

  constructor(private readonly deps: SessionDeps) {}

  /** A session valid for at least the renewal margin; logs in (once, shared) when needed. */
  acquire(): Promise<Session> {
    const now = this.deps.now();
    const current = this.current;
    if (current && now < current.renewAt) return Promise.resolve(current);
    if (this.inflight) return this.inflight;
    const failure = this.authFailure;
    if (failure && now - failure.at < this.deps.timing.authFailureCooldownMs) {
      return Promise.reject(failure.error);
    }
    const reason: LoginReason = this.invalidatedByFault
      ? 'session-fault'
      : current
        ? 'renewal'
        : this.generation === 0
          ? 'initial'
          : 'expired';
    this.inflight = this.login(reason).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** Called after a session fault: drop that session (unless a newer one already replaced it). */
  invalidate(session: Session): void {
    if (this.current && this.current.generation === session.generation) {
      this.current = undefined;
      this.invalidatedByFault = true;
    }
  }

  /** Forget the session (on close); no network call, 2Checkout 4.0 has no logout. */
  clear(): void {
    this.current = undefined;
  }

  private async login(reason: LoginReason): Promise<Session> {
    const { deps } = this;
    const startedAt = deps.now();
    const deadlineAt = startedAt + deps.loginDeadlineMs;
    let spent = 0;
    for (let attempt = 1; ; attempt++) {
      const credentials = loginCredentials(deps.merchantCode, deps.secretKey, deps.clock);
      deps.redactor.remember(credentials.hash);
      const sentAt = deps.now();
      const result = await deps.sendLogin(credentials, attempt);
      if (result.ok) {
        deps.redactor.remember(result.sessionId);
        deps.retry.budget.onSuccess(spent);
        this.generation += 1;
        // Counted from before the request was sent: the service's clock started no earlier.
        const expiresAt = sentAt + deps.timing.ttlMs;
        this.current = {
          id: result.sessionId,
          generation: this.generation,
          renewAt: expiresAt - deps.timing.renewMarginMs,
        };
        this.logins += 1;
        if (reason === 'renewal' || reason === 'expired') this.renewals += 1;
        if (reason === 'session-fault') this.recoveries += 1;
        this.invalidatedByFault = false;
        this.authFailure = undefined;
        deps.onLogin?.({ reason, attempts: attempt, durationMs: deps.now() - startedAt });
        return this.current;
      }
      const { error } = result.failure;
      error.attempts = attempt;
      if (error instanceof AuthenticationError) {
        this.authFailure = { at: deps.now(), error };
        throw error;
      }
      const decision = deps.retry.decide({
        kind: error.kind,
        notApplied: result.failure.notApplied,
        retryClass: 'read',
        attempt,
        remainingMs: deadlineAt - deps.now(),
      });
      if (!decision.retry) throw error;
      spent += decision.tokens;
      await deps.sleep(decision.delayMs);
    }
  }
}
