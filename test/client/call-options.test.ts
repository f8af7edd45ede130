// Per-call options (signal, timeoutMs), call metadata, the client-side rate limit, and what
// `require('twocheckout-soap')` loads.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  AbortError,
  ConfigError,
  TimeoutError,
  UnknownOutcomeError,
  ValidationError,
  createTwoCheckoutClient,
  type CallEvent,
} from '../../src';
import { SendRateLimiter, type LimiterClock } from '../../src/client/rate-limit';
import { janeDoe } from '../helpers/customers';
import { withSandboxPair } from '../helpers/sandbox';

describe('per-call options', () => {
  it('an AbortSignal ends a call in flight with AbortError; an aborted create is an unknown outcome', async () =>
    withSandboxPair(
      { faults: { hangRate: 1, operations: ['getCustomerInformation', 'createCustomer'] } },
      { timeoutMs: 60_000 },
      async (sandbox, client) => {
        const read = new AbortController();
        const pending = client.customers.get(1001, { signal: read.signal });
        while ((sandbox.stats().injected.hang ?? 0) < 1) await new Promise((r) => setTimeout(r, 5));
        read.abort();
        await expect(pending).rejects.toMatchObject({
          constructor: AbortError,
          name: 'AbortError',
          attempts: 1,
        });

        const write = new AbortController();
        const creating = client.customers.create(janeDoe('CRM-ABORT'), { signal: write.signal });
        while ((sandbox.stats().injected.hang ?? 0) < 2) await new Promise((r) => setTimeout(r, 5));
        write.abort();
        await expect(creating).rejects.toMatchObject({
          constructor: UnknownOutcomeError,
          underlyingKind: 'aborted',
          reconcile: { externalReference: 'CRM-ABORT' },
        });
      },
    ));

  it('an already aborted signal sends nothing', async () =>
    withSandboxPair({}, {}, async (sandbox, client) => {
      const c = new AbortController();
      c.abort();
      await expect(client.customers.get(1001, { signal: c.signal })).rejects.toBeInstanceOf(AbortError);
      expect(sandbox.stats().calls).toBe(0);
    }));

  it('timeoutMs bounds the whole call, retries included, and one update across its read and write', async () =>
    withSandboxPair(
      { faults: { hangRate: 1, operations: ['getCustomerInformation'] } },
      { timeoutMs: 60_000, deadlineMs: 120_000 },
      async (sandbox, client) => {
        const err = await client.customers.update(1001, { City: 'X' }, { timeoutMs: 300 }).catch((e) => e);
        expect(err).toBeInstanceOf(TimeoutError);
        expect(sandbox.stats().injected.hang).toBe(1);
        expect(sandbox.stats().operations.updateCustomerInformation?.calls ?? 0).toBe(0);
      },
    ));

  it('bad per-call options are refused before anything is sent', async () =>
    withSandboxPair({}, {}, async (sandbox, client) => {
      await expect(client.customers.get(1001, { timeoutMs: -5 })).rejects.toBeInstanceOf(ValidationError);
      await expect(
        client.call('getCustomerInformation', { AvangateCustomerReference: 1 }, { signal: 'x' as never }),
      ).rejects.toBeInstanceOf(ValidationError);
      expect(sandbox.stats().calls).toBe(0);
    }));
});

describe('call metadata', () => {
  it('results and errors carry attempts, durationMs and httpStatus', async () =>
    withSandboxPair(
      { faults: { http500Rate: 0.5, seed: 5, operations: ['getCustomerInformation'] } },
      { retry: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 10 } },
      async (sandbox, client) => {
        const { result, metadata } = await client.callWithMetadata('getCustomerInformation', {
          AvangateCustomerReference: 1001,
          ExternalCustomerReference: null,
        });
        expect(result.AvangateCustomerReference).toBe(1001);
        expect(metadata).toEqual({
          operation: 'getCustomerInformation',
          attempts: sandbox.stats().operations.getCustomerInformation?.calls,
          httpStatus: 200,
          durationMs: expect.any(Number),
        });
        const err = await client.customers.get(424242).catch((e) => e);
        expect(err).toMatchObject({
          httpStatus: 500,
          attempts: expect.any(Number),
          durationMs: expect.any(Number),
        });
      },
    ));
});

describe('client-side rate limit (maxRps)', () => {
  /** A clock that only moves when the limiter sleeps: the schedule is exact, no real waiting. */
  function fakeClock(): LimiterClock & { slept: number[] } {
    let t = 0;
    const slept: number[] = [];
    return {
      slept,
      now: () => t,
      sleep: async (ms) => {
        slept.push(ms);
        t += ms;
      },
    };
  }

  it('lets a burst of one second through, then spaces sends at the rate', async () => {
    const clock = fakeClock();
    const limiter = new SendRateLimiter(2, clock);
    for (let i = 0; i < 6; i++) expect(await limiter.acquire(Infinity, 0)).toBe('ok');
    expect(clock.slept).toEqual([500, 500, 500, 500]);
    expect(limiter.taken).toBe(6);
  });

  it('gives a slot back rather than sleeping past the deadline', async () => {
    const clock = fakeClock();
    const limiter = new SendRateLimiter(1, clock);
    expect(await limiter.acquire(Infinity, 0)).toBe('ok');
    expect(await limiter.acquire(100, 0)).toBe('deadline');
    expect(clock.slept).toEqual([]);
    expect(await limiter.acquire(Infinity, 0)).toBe('ok');
    expect(clock.slept).toEqual([1000]);
  });

  it('every send is charged: logins and retries too', async () =>
    withSandboxPair(
      { faults: { http500Rate: 0.5, seed: 9, operations: ['getCustomerInformation'] } },
      { maxRps: 1000, retry: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 10 } },
      async (sandbox, client) => {
        for (let i = 0; i < 10; i++) await client.customers.get(1001);
        const stats = client.stats();
        expect(stats.retries).toBeGreaterThan(0);
        expect(stats.sends).toBe(sandbox.stats().calls);
        expect(stats.sends).toBe(1 + 10 + stats.retries);
      },
    ));

  it('is validated', () => {
    expect(() => createTwoCheckoutClient({ merchantCode: 'M', secretKey: 'k', maxRps: 0 })).toThrow(
      ConfigError,
    );
    expect(() =>
      createTwoCheckoutClient({ merchantCode: 'M', secretKey: 'k', engine: 'axios' as never }),
    ).toThrow(ConfigError);
  });
});

describe('events', () => {
  it('one event per attempt and per login, with the login reason', async () => {
    const events: CallEvent[] = [];
    await withSandboxPair({}, { onEvent: (e) => events.push(e) }, async (_s, client) => {
      await client.customers.get(1001);
    });
    expect(events.map((e) => `${e.operation}:${e.outcome}:${e.loginReason ?? ''}`)).toEqual([
      'login:success:initial',
      'getCustomerInformation:success:',
    ]);
  });
});

test("require('twocheckout-soap') loads neither node-soap, axios, the sandbox nor the sync", () => {
  const root = path.resolve(__dirname, '../..');
  const loaded = JSON.parse(
    execFileSync(
      process.execPath,
      [
        '-r',
        path.join(root, 'scripts/lib/ts-require.js'),
        '-e',
        "require('./src/index.ts'); console.log(JSON.stringify(Object.keys(require.cache)))",
      ],
      { cwd: root, encoding: 'utf8' },
    ),
  ) as string[];
  const ours = loaded.map((f) => path.relative(root, f));
  expect(ours).toContain('src/client/client.ts');
  expect(ours).toContain('generated/twocheckout/codecs.ts');
  const forbidden = ours.filter((f) =>
    /node_modules\/(soap|axios|sax|https?-proxy-agent|agent-base)\/|src\/(sandbox|sync)\/|generated\/twocheckout\/(client|schema)\.ts/.test(
      f,
    ),
  );
  expect(forbidden).toEqual([]);
});
