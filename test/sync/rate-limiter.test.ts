import { RateLimiter, type RateLimiterClock } from '../../src/sync/rate-limiter';

/** A clock that only moves when the limiter sleeps: the test measures virtual time. */
function virtualClock(): RateLimiterClock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

describe('RateLimiter', () => {
  it('lets a burst of one second through, then paces at the rate', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(10, clock);
    for (let i = 0; i < 10; i++) await limiter.take();
    expect(clock.t).toBe(0);
    for (let i = 0; i < 20; i++) await limiter.take();
    expect(clock.t).toBeGreaterThanOrEqual(2000);
    expect(clock.t).toBeLessThan(2100);
  });

  it('charges extra calls, which delays the next callers', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(5, clock);
    await limiter.take();
    limiter.charge(9); // balance 5 - 1 - 9 = -5
    await limiter.take();
    expect(clock.t).toBeGreaterThanOrEqual(1200);
  });

  it('serves concurrent callers one at a time', async () => {
    const clock = virtualClock();
    const limiter = new RateLimiter(1, clock);
    await Promise.all([limiter.take(), limiter.take(), limiter.take()]);
    expect(clock.t).toBeGreaterThanOrEqual(2000);
  });

  it('refuses a non-positive rate', () => {
    expect(() => new RateLimiter(0)).toThrow(RangeError);
  });
});
