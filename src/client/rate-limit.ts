export interface LimiterClock {
  /** Milliseconds, monotonic. */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Resolves after `ms`, or early (without error) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export const realLimiterClock: LimiterClock = { now: () => performance.now(), sleep };

export type SlotOutcome = 'ok' | 'deadline' | 'aborted';

/**
 * The client-side rate limit (`maxRps`): a token bucket every SOAP send draws from — first sends,
 * retries and logins alike — with one second's worth of burst. A send reserves its slot
 * synchronously (so concurrent callers are served in order) and then waits for it; a slot that
 * would only come after the call's deadline is given back and reported, never slept into.
 */
export class SendRateLimiter {
  private tokens: number;
  private last: number;
  private readonly capacity: number;
  /** Sends that took a slot. */
  taken = 0;

  constructor(
    private readonly perSecond: number,
    private readonly clock: LimiterClock = realLimiterClock,
  ) {
    if (!(perSecond > 0)) throw new RangeError('maxRps must be positive');
    this.capacity = Math.max(1, perSecond);
    this.tokens = this.capacity;
    this.last = clock.now();
  }

  async acquire(deadlineAt: number, wallNow: number, signal?: AbortSignal): Promise<SlotOutcome> {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    this.tokens -= 1;
    const waitMs = this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.perSecond) * 1000);
    if (wallNow + waitMs > deadlineAt) {
      this.tokens += 1;
      return 'deadline';
    }
    if (waitMs > 0) await this.clock.sleep(waitMs, signal);
    if (signal?.aborted) {
      this.tokens += 1;
      return 'aborted';
    }
    this.taken += 1;
    return 'ok';
  }
}
