import { inspect } from 'node:util';
import { AuthenticationError, type TwoCheckoutError } from './errors';

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

export type LoginReason = 'initial' | 'renewal' | 'expired' | 'session-fault';

/** One login through the client's attempt pipeline (its retries, budget and rate limit). */
export type Login = (reason: LoginReason) => Promise<{ sessionId: string; sentAt: number }>;

interface CurrentSession extends Session {
  renewAt: number;
}

/**
 * Owns the session of one client, like smithy's memoized credential provider: lazy, single-flight
 * (any number of concurrent callers share one login), renewed proactively before the expiry, one
 * shared re-login after a session fault, fail-fast after bad credentials. It has no retry loop of
 * its own: each login is one call of the client's attempt pipeline, with a fresh date and hash on
 * every attempt.
 */
export class SessionManager {
  private current: CurrentSession | undefined;
  private inflight: Promise<Session> | undefined;
  private generation = 0;
  private authFailure: { at: number; error: TwoCheckoutError } | undefined;
  private invalidatedByFault = false;
  logins = 0;
  renewals = 0;
  recoveries = 0;

  constructor(
    private readonly login: Login,
    private readonly timing: SessionTiming,
    private readonly now: () => number,
  ) {}

  /** Holds the session ID: never shown by util.inspect. */
  [inspect.custom](): string {
    return `SessionManager { logins: ${this.logins}, renewals: ${this.renewals} }`;
  }

  /** The current session when it is good for now (no login needed), else undefined. */
  ready(): Session | undefined {
    const current = this.current;
    return current && this.now() < current.renewAt ? current : undefined;
  }

  /** A session valid for at least the renewal margin; logs in (once, shared) when needed. */
  acquire(): Promise<Session> {
    const now = this.now();
    const current = this.current;
    if (current && now < current.renewAt) return Promise.resolve(current);
    if (this.inflight) return this.inflight;
    const failure = this.authFailure;
    if (failure && now - failure.at < this.timing.authFailureCooldownMs) return Promise.reject(failure.error);
    const reason: LoginReason = this.invalidatedByFault
      ? 'session-fault'
      : current
        ? 'renewal'
        : this.generation === 0
          ? 'initial'
          : 'expired';
    this.inflight = this.start(reason).finally(() => {
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

  private async start(reason: LoginReason): Promise<Session> {
    let result: { sessionId: string; sentAt: number };
    try {
      result = await this.login(reason);
    } catch (err) {
      if (err instanceof AuthenticationError) this.authFailure = { at: this.now(), error: err };
      throw err;
    }
    this.generation += 1;
    // Counted from before the request was sent: the service's clock started no earlier.
    this.current = {
      id: result.sessionId,
      generation: this.generation,
      renewAt: result.sentAt + this.timing.ttlMs - this.timing.renewMarginMs,
    };
    this.logins += 1;
    if (reason === 'renewal' || reason === 'expired') this.renewals += 1;
    if (reason === 'session-fault') this.recoveries += 1;
    this.invalidatedByFault = false;
    this.authFailure = undefined;
    return this.current;
  }
}
