export interface RateLimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: RateLimiterClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A client-side budget of `ratePerSecond` SOAP calls. Callers `take()` one token before a record's
 * first call and `charge(n)` for the calls it made beyond that: the balance may go negative, which
 * delays the next callers, so the long-run rate stays at the budget. Burst: one second's worth.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private readonly capacity: number;
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly ratePerSecond: number,
    private readonly clock: RateLimiterClock = realClock,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be positive');
    this.capacity = Math.max(1, ratePerSecond);
    this.tokens = this.capacity;
    this.last = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
  }

  /** Resolves when a token is available (callers are served in order). */
  take(): Promise<void> {
    const turn = this.tail.then(async () => {
      this.refill();
      while (this.tokens < 1) {
        await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000));
        this.refill();
      }
      this.tokens -= 1;
    });
    this.tail = turn;
    return turn;
  }

  /** Records calls made without a token (a record's write after its read). */
  charge(calls: number): void {
    if (calls <= 0) return;
    this.refill();
    this.tokens -= calls;
  }
}
