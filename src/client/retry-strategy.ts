import type { ErrorKind } from './errors';
import type { RetryClass } from './retry-policy';

/** How the client retries: attempts, backoff and a retry budget shared by all calls of a client. */
export interface RetryOptions {
  /** Total sends per call, first one included (>= 1). Default 3, as in AWS's standard mode. */
  maxAttempts: number;
  /** Backoff base for server/network trouble. Default 100 ms. */
  baseDelayMs: number;
  /** Backoff base when rate limited: longer, so a throttled client actually backs off. Default 1 s. */
  throttlingBaseDelayMs: number;
  /** Upper bound of one backoff. Default 20 s. */
  maxDelayMs: number;
  /** Retry budget (token bucket shared by all calls of one client). */
  budgetCapacity: number;
  /** Tokens one retry takes from the budget. */
  budgetRetryCost: number;
  /** Tokens one retry after a timeout takes (more: timeouts are the costly failures). */
  budgetTimeoutCost: number;
}

export const defaultRetryOptions: RetryOptions = {
  maxAttempts: 3,
  baseDelayMs: 100,
  throttlingBaseDelayMs: 1000,
  maxDelayMs: 20_000,
  budgetCapacity: 500,
  budgetRetryCost: 5,
  budgetTimeoutCost: 10,
};

/**
 * AWS-style retry quota: each retry spends tokens, each success earns some back. When a service is
 * down hard, the bucket empties and the client stops multiplying its load by maxAttempts.
 */
export class RetryBudget {
  private tokens: number;

  constructor(
    private readonly capacity: number,
    private readonly retryCost: number,
    private readonly timeoutCost: number,
  ) {
    this.tokens = capacity;
  }

  /** Spends the cost of one retry; returns the tokens spent, or undefined when the budget is empty. */
  tryAcquire(kind: ErrorKind): number | undefined {
    const cost = kind === 'timeout' ? this.timeoutCost : this.retryCost;
    if (this.tokens < cost) return undefined;
    this.tokens -= cost;
    return cost;
  }

  /** After a success: refund what the retries of that call cost, or earn one token. */
  onSuccess(spent: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + (spent > 0 ? spent : 1));
  }

  available(): number {
    return this.tokens;
  }
}

export interface RetryInput {
  /** The failure, already classified. */
  kind: ErrorKind;
  /** True when the server certainly did not apply the request (connection refused, rate-limit fault…). */
  notApplied: boolean;
  retryClass: RetryClass;
  /** The attempt that just failed, 1-based. */
  attempt: number;
  /** Milliseconds left before the call's overall deadline. */
  remainingMs: number;
  /** The pause the server asked for (Retry-After), if any. */
  retryAfterMs?: number | undefined;
}

export type RetryDecision =
  | { retry: true; delayMs: number; tokens: number }
  | { retry: false; reason: 'not-retryable' | 'unsafe-write' | 'max-attempts' | 'budget' | 'deadline' }
  /** The server's Retry-After is longer than the call has left: fail now, don't sleep into the deadline. */
  | { retry: false; reason: 'retry-after'; retryAfterMs: number };

/** No point starting an attempt that has less than this left before the deadline. */
const MIN_ATTEMPT_MS = 50;

const RETRYABLE_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['transient', 'timeout', 'throttled']);

export class RetryStrategy {
  readonly budget: RetryBudget;

  constructor(
    readonly options: RetryOptions,
    private readonly random: () => number = Math.random,
  ) {
    this.budget = new RetryBudget(options.budgetCapacity, options.budgetRetryCost, options.budgetTimeoutCost);
  }

  /** Full jitter: uniform in [0, min(cap, base * 2^(attempt-1))]. */
  delayFor(attempt: number, throttled: boolean): number {
    const base = throttled ? this.options.throttlingBaseDelayMs : this.options.baseDelayMs;
    const ceiling = Math.min(this.options.maxDelayMs, base * 2 ** Math.min(attempt - 1, 30));
    return Math.floor(this.random() * ceiling);
  }

  decide(input: RetryInput): RetryDecision {
    if (!RETRYABLE_KINDS.has(input.kind)) return { retry: false, reason: 'not-retryable' };
    if (input.retryClass === 'unsafe-write' && !input.notApplied)
      return { retry: false, reason: 'unsafe-write' };
    if (input.attempt >= this.options.maxAttempts) return { retry: false, reason: 'max-attempts' };
    let delayMs = this.delayFor(input.attempt, input.kind === 'throttled');
    const hint = input.retryAfterMs;
    if (hint !== undefined) {
      // The server's hint wins over our backoff, within the call's deadline (and the budget below).
      if (hint + MIN_ATTEMPT_MS > input.remainingMs)
        return { retry: false, reason: 'retry-after', retryAfterMs: hint };
      delayMs = Math.max(delayMs, hint);
    }
    if (delayMs + MIN_ATTEMPT_MS > input.remainingMs) return { retry: false, reason: 'deadline' };
    const tokens = this.budget.tryAcquire(input.kind);
    if (tokens === undefined) return { retry: false, reason: 'budget' };
    return { retry: true, delayMs, tokens };
  }
}
