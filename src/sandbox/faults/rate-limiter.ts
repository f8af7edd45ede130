import type { SandboxRateLimit } from '../options';

/** Token bucket per merchant. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly burst: number;

  constructor(
    private readonly limit: SandboxRateLimit,
    private readonly now: () => number,
  ) {
    if (!(limit.requestsPerSecond > 0)) {
      throw new RangeError(`rateLimit.requestsPerSecond must be > 0, got ${limit.requestsPerSecond}`);
    }
    this.burst = limit.burst ?? limit.requestsPerSecond;
    if (!(this.burst >= 1)) throw new RangeError(`rateLimit.burst must be >= 1, got ${limit.burst}`);
  }

  get requestsPerSecond(): number {
    return this.limit.requestsPerSecond;
  }

  /** Takes one token; false when the merchant is over its limit. */
  take(merchant: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(merchant) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.requestsPerSecond,
    );
    bucket.at = now;
    this.buckets.set(merchant, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
