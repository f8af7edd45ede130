import { RetryBudget, RetryStrategy, defaultRetryOptions } from '../../src/client/retry-strategy';

const base = {
  kind: 'transient' as const,
  notApplied: false,
  retryClass: 'read' as const,
  remainingMs: 60_000,
};

describe('retry strategy', () => {
  it('uses full jitter under a capped exponential ceiling', () => {
    const max = new RetryStrategy(defaultRetryOptions, () => 0.999999);
    expect(max.delayFor(1, false)).toBe(99);
    expect(max.delayFor(2, false)).toBe(199);
    expect(max.delayFor(20, false)).toBe(19_999);
    expect(max.delayFor(1, true)).toBe(999);
    const min = new RetryStrategy(defaultRetryOptions, () => 0);
    expect(min.delayFor(5, false)).toBe(0);
  });

  it('retries reads and idempotent writes on transient, timeout and throttling failures', () => {
    const s = new RetryStrategy(defaultRetryOptions, () => 0.5);
    for (const kind of ['transient', 'timeout', 'throttled'] as const) {
      expect(s.decide({ ...base, kind, attempt: 1 }).retry).toBe(true);
      expect(s.decide({ ...base, kind, retryClass: 'idempotent-write', attempt: 1 }).retry).toBe(true);
    }
  });

  it('does not retry non-transient failures', () => {
    const s = new RetryStrategy(defaultRetryOptions);
    for (const kind of ['validation', 'not-found', 'authentication', 'fault', 'tls'] as const) {
      expect(s.decide({ ...base, kind, attempt: 1 })).toEqual({ retry: false, reason: 'not-retryable' });
    }
  });

  it('never resends an unsafe write that may have reached the server, but does when it surely did not', () => {
    const s = new RetryStrategy(defaultRetryOptions);
    expect(s.decide({ ...base, retryClass: 'unsafe-write', attempt: 1 })).toEqual({
      retry: false,
      reason: 'unsafe-write',
    });
    expect(s.decide({ ...base, retryClass: 'unsafe-write', notApplied: true, attempt: 1 }).retry).toBe(true);
  });

  it('stops at maxAttempts', () => {
    const s = new RetryStrategy({ ...defaultRetryOptions, maxAttempts: 3 });
    expect(s.decide({ ...base, attempt: 2 }).retry).toBe(true);
    expect(s.decide({ ...base, attempt: 3 })).toEqual({ retry: false, reason: 'max-attempts' });
  });

  it('does not sleep past the deadline', () => {
    const s = new RetryStrategy(defaultRetryOptions, () => 0.9);
    expect(s.decide({ ...base, attempt: 1, remainingMs: 10 })).toEqual({ retry: false, reason: 'deadline' });
    // Nor start an attempt with almost no time left, even without a delay.
    const noDelay = new RetryStrategy(defaultRetryOptions, () => 0);
    expect(noDelay.decide({ ...base, attempt: 1, remainingMs: 40 })).toEqual({
      retry: false,
      reason: 'deadline',
    });
    expect(noDelay.decide({ ...base, attempt: 1, remainingMs: 100 }).retry).toBe(true);
  });

  it('stops retrying when the shared budget is empty, and refills on success', () => {
    const s = new RetryStrategy({
      ...defaultRetryOptions,
      budgetCapacity: 12,
      budgetRetryCost: 5,
      budgetTimeoutCost: 10,
    });
    expect(s.decide({ ...base, attempt: 1 }).retry).toBe(true);
    expect(s.decide({ ...base, attempt: 1 }).retry).toBe(true);
    expect(s.decide({ ...base, attempt: 1 })).toEqual({ retry: false, reason: 'budget' });
    expect(s.budget.available()).toBe(2);
    s.budget.onSuccess(5);
    expect(s.budget.available()).toBe(7);
    expect(s.decide({ ...base, kind: 'timeout', attempt: 1 })).toEqual({ retry: false, reason: 'budget' });
  });

  it('earns one token per first-try success, up to capacity', () => {
    const b = new RetryBudget(10, 5, 10);
    b.tryAcquire('transient');
    b.onSuccess(0);
    expect(b.available()).toBe(6);
    for (let i = 0; i < 20; i++) b.onSuccess(0);
    expect(b.available()).toBe(10);
  });
});
