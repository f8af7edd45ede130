import { inspect } from 'node:util';
import {
  ConflictError,
  NotFoundError,
  TimeoutError,
  TlsError,
  TransientError,
  UnknownOutcomeError,
  createTwoCheckoutClient,
  type Logger,
  type TwoCheckoutClient,
  type TwoCheckoutClientOptions,
} from '../../src';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';
import { janeDoe } from '../helpers/customers';
import { DEMO_CREDENTIALS as DEMO, withSandboxPair } from '../helpers/sandbox';
import { startForwarder } from './helpers/forwarder';
import { closeServer, connectProxy, listen, selfSignedCert } from './helpers/tls';

const fastRetries = { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 5 };

/** Runs `body` against a sandbox started with `options` and a DEMO client with fast retries. */
function withSandbox(
  options: SandboxOptions,
  clientOptions: Partial<TwoCheckoutClientOptions>,
  body: (sandbox: Sandbox, client: TwoCheckoutClient) => Promise<void>,
): Promise<void> {
  return withSandboxPair(options, { retry: fastRetries, ...clientOptions }, body);
}

describe('unsafe writes are never resent', () => {
  it.each([
    ['HTTP 500 after the create was applied', { http500Rate: 1 }],
    ['connection reset after the create was applied', { resetRate: 1 }],
  ])('%s → UnknownOutcomeError, one createCustomer, reconcilable', async (_name, faults) =>
    withSandbox(
      { faults: { ...faults, timing: 'after', operations: ['createCustomer'] } },
      {},
      async (sandbox, client) => {
        const err = await client.customers.create(janeDoe('CRM-UNSAFE')).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(UnknownOutcomeError);
        expect(err).toMatchObject({
          operation: 'createCustomer',
          attempts: 1,
          reconcile: { externalReference: 'CRM-UNSAFE' },
        });
        expect(sandbox.stats().operations.createCustomer?.calls).toBe(1);
        expect(client.stats().retries).toBe(0);
        // The write did happen: reconciling by the external reference finds exactly one customer.
        const found = await client.customers.get({ external: 'CRM-UNSAFE' });
        expect(found.Email).toBe('jane@example.com');
        expect(
          sandbox.customers('DEMO')?.filter((c) => c.ExternalCustomerReference === 'CRM-UNSAFE'),
        ).toHaveLength(1);
      },
    ),
  );

  it('an idempotent write is retried after the same fault', async () =>
    withSandbox(
      { faults: { http500Rate: 0.5, seed: 3, operations: ['updateCustomerInformation'] } },
      { retry: { ...fastRetries, maxAttempts: 8 } },
      async (sandbox, client) => {
        for (let i = 0; i < 10; i++) {
          const result = await client.customers.update(1002, { City: `City ${i}` });
          expect(result.outcome).toBe('updated');
        }
        const injected = sandbox.stats().injected.http500;
        expect(injected).toBeGreaterThan(0);
        expect(client.stats().retries).toBe(injected);
        expect(sandbox.stats().operations.updateCustomerInformation?.calls).toBe(10 + injected);
      },
    ));
});

describe('reads are retried on transient failures', () => {
  // HTTP 500 faults here: the sandbox's 503s carry Retry-After: 1, which the client honours (one
  // second per retry); those are covered below and in defects.test.ts.
  it('server faults are retried with backoff until the read succeeds', async () =>
    withSandbox(
      { faults: { http500Rate: 0.5, seed: 7, operations: ['getCustomerInformation'] } },
      { retry: { ...fastRetries, maxAttempts: 8 } },
      async (sandbox, client) => {
        for (let i = 0; i < 20; i++)
          expect((await client.customers.get(1001)).AvangateCustomerReference).toBe(1001);
        const injected = sandbox.stats().injected.http500;
        expect(injected).toBeGreaterThan(0);
        expect(client.stats()).toMatchObject({ retries: injected, failures: 0 });
        expect(sandbox.stats().operations.getCustomerInformation?.calls).toBe(20 + injected);
      },
    ));

  it('gives up after maxAttempts with a TransientError', async () =>
    withSandbox(
      { faults: { http503Rate: 1, operations: ['getCustomerInformation'] } },
      { retry: { ...fastRetries, maxAttempts: 4 } },
      async (sandbox, client) => {
        await expect(client.customers.get(1001)).rejects.toMatchObject({
          constructor: TransientError,
          httpStatus: 503,
          attempts: 4,
        });
        expect(sandbox.stats().operations.getCustomerInformation?.calls).toBe(4);
      },
    ));

  it('the retry budget caps retries across calls during an outage', async () =>
    withSandbox(
      { faults: { http503Rate: 1, operations: ['getCustomerInformation'] } },
      { retry: { ...fastRetries, maxAttempts: 3, budgetCapacity: 10, budgetRetryCost: 5 } },
      async (sandbox, client) => {
        for (let i = 0; i < 5; i++)
          await expect(client.customers.get(1001)).rejects.toBeInstanceOf(TransientError);
        expect(client.stats().retries).toBe(2);
        expect(sandbox.stats().operations.getCustomerInformation?.calls).toBe(5 + 2);
      },
    ));
});

describe('rate limiting', () => {
  // Deterministic (defect 6: the old version raced the sandbox's real clock and saw no throttling
  // on a busy machine). The sandbox's clock stands still, so its bucket of 3 refills only when a
  // throttled answer reaches the client, which then moves the clock one token ahead; the calls are
  // sequential. So every request after the first three is throttled exactly once.
  it('throttled calls back off and succeed; a throttled create is safely resent (the server refused it)', async () => {
    let now = Date.now();
    await withSandbox(
      { rateLimit: { requestsPerSecond: 1, burst: 3 }, now: () => now },
      {
        retry: { baseDelayMs: 1, throttlingBaseDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 },
        onEvent: (e) => {
          if (e.errorKind === 'throttled') now += 1000;
        },
      },
      async (sandbox, client) => {
        for (let i = 0; i < 10; i++)
          expect((await client.customers.get(1001)).AvangateCustomerReference).toBe(1001);
        for (const ext of ['T-1', 'T-2', 'T-3', 'T-4']) await client.customers.create(janeDoe(ext));
        // A login, 10 reads and 4 creates got through: 15 requests, 3 of them on the initial burst.
        const limited = sandbox.stats().merchants.DEMO?.rateLimited ?? 0;
        expect(limited).toBe(15 - 3);
        expect(client.stats()).toMatchObject({ failures: 0, retries: 15 - 3, sends: 15 + 12 });
        expect(sandbox.stats().operations.createCustomer?.calls).toBe(8);
        for (const ext of ['T-1', 'T-2', 'T-3', 'T-4']) {
          expect(sandbox.customers('DEMO')?.filter((c) => c.ExternalCustomerReference === ext)).toHaveLength(
            1,
          );
        }
      },
    );
  });
});

describe('login', () => {
  it('is retried on transient failures (each attempt with its own date and hash)', async () =>
    withSandbox(
      { faults: { http503Rate: 0.6, seed: 11, operations: ['login'] } },
      { retry: { ...fastRetries, maxAttempts: 10 } },
      async (sandbox, client) => {
        expect((await client.customers.get(1001)).AvangateCustomerReference).toBe(1001);
        const injected = sandbox.stats().injected.http503;
        expect(injected).toBeGreaterThan(0);
        expect(sandbox.stats().logins).toBe(1);
        expect(sandbox.stats().operations.login?.calls).toBe(1 + injected);
        expect(client.stats()).toMatchObject({ logins: 1, failures: 0 });
      },
    ));
});

describe('proxy', () => {
  it('sends every call through the configured proxy, over one tunnel', async () => {
    const { server, targets } = connectProxy();
    const proxyPort = await listen(server);
    try {
      await withSandbox({}, { proxy: `http://127.0.0.1:${proxyPort}` }, async (sandbox, client) => {
        for (let i = 0; i < 5; i++) await client.customers.get(1001);
        expect(targets).toEqual([`127.0.0.1:${sandbox.port}`]);
        expect(sandbox.stats().calls).toBe(6);
      });
    } finally {
      await closeServer(server);
    }
  });
});

describe('timeouts fire', () => {
  it('a hung server gives a TimeoutError after maxAttempts', async () =>
    withSandbox(
      { faults: { hangRate: 1, operations: ['getCustomerInformation'] } },
      { timeoutMs: 200, deadlineMs: 30_000 },
      async (sandbox, client) => {
        const err = await client.customers.get(1001).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(TimeoutError);
        expect(err).toMatchObject({ operation: 'getCustomerInformation', attempts: 3 });
        expect(sandbox.stats().injected.hang).toBe(3);
      },
    ));

  it('a hung unsafe write is not resent: UnknownOutcomeError', async () =>
    withSandbox(
      { faults: { hangRate: 1, operations: ['createCustomer'] } },
      { timeoutMs: 200 },
      async (sandbox, client) => {
        const err = await client.customers.create(janeDoe('CRM-HANG')).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(UnknownOutcomeError);
        expect(err).toMatchObject({ underlyingKind: 'timeout', attempts: 1 });
        expect(sandbox.stats().injected.hang).toBe(1);
      },
    ));
});

describe('TLS against an HTTPS sandbox with a self-signed certificate', () => {
  it('is refused by default and accepted once its CA is configured', async () => {
    const cert = await selfSignedCert();
    const sandbox = await startSandbox({ port: 0 });
    const front = await startForwarder(sandbox.url, cert);
    const strict = createTwoCheckoutClient({ ...DEMO, url: front.url, proxy: null });
    const trusting = createTwoCheckoutClient({ ...DEMO, url: front.url, proxy: null, ca: cert.cert });
    try {
      await expect(strict.customers.get(1001)).rejects.toBeInstanceOf(TlsError);
      expect(sandbox.stats().calls).toBe(0);
      expect((await trusting.customers.get(1001)).AvangateCustomerReference).toBe(1001);
      expect(sandbox.stats().logins).toBe(1);
    } finally {
      await strict.close();
      await trusting.close();
      await front.close();
      await sandbox.stop();
    }
  });
});

describe('canary secret', () => {
  it('never appears in logs or errors, nor do session IDs and hashes from the wire', async () => {
    const SECRET = 'CANARY-SECRET-123';
    const sandbox = await startSandbox({
      port: 0,
      merchants: [{ code: 'CANARY', secretKey: SECRET }],
      faults: { http500Rate: 1, operations: ['createCustomer'] },
    });
    const wire = await startForwarder(sandbox.url);
    const lines: string[] = [];
    const log = (obj: Record<string, unknown>, msg?: string): void =>
      void lines.push(`${JSON.stringify(obj)} ${msg ?? ''}`);
    const logger: Logger = { debug: log, info: log, warn: log, error: log };
    const client = createTwoCheckoutClient({
      merchantCode: 'CANARY',
      secretKey: SECRET,
      url: wire.url,
      proxy: null,
      logger,
      retry: fastRetries,
    });
    const errors: unknown[] = [];
    const capture = (p: Promise<unknown>): Promise<void> =>
      p.then(
        () => undefined,
        (e: unknown) => void errors.push(e),
      );
    try {
      const ref = await client.customers
        .create(janeDoe('C-1'))
        .catch(() => client.customers.get({ external: 'C-1' }).then((c) => c.AvangateCustomerReference));
      await capture(client.customers.get(424242));
      await capture(client.customers.update(ref, { City: 'X' }, { expect: { City: 'Not the city' } }));
      await capture(client.customers.update(ref, { Email: 'x' }));
      sandbox.expireAllSessions();
      await client.customers.get(ref);
      await capture(client.customers.create(janeDoe('C-2')));
      expect(errors.map((e) => (e as Error).constructor)).toEqual([
        NotFoundError,
        ConflictError,
        expect.anything(),
        UnknownOutcomeError,
      ]);

      const secrets = new Set<string>([SECRET]);
      for (const body of wire.bodies) {
        for (const m of body.matchAll(/<(sessionID|hash)>([^<]+)</g)) secrets.add(m[2] ?? '');
      }
      // The key, two sessions (before and after the forced expiry) and at least one login hash.
      expect(secrets.size).toBeGreaterThanOrEqual(4);
      const haystack = [
        ...lines,
        ...errors.flatMap((e) => [
          String(e),
          (e as Error).stack ?? '',
          JSON.stringify(e),
          inspect(e, { showHidden: true, depth: 10 }),
        ]),
      ].join('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const s of secrets) expect(haystack).not.toContain(s);
    } finally {
      await client.close();
      await wire.close();
      await sandbox.stop();
    }
  });
});
