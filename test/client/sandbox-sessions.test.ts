import {
  AuthenticationError,
  fromEnv,
  NotFoundError,
  createTwoCheckoutClient,
  type CallEvent,
  type TwoCheckoutClient,
  type TwoCheckoutClientOptions,
} from '../../src';
import { startSandbox, type Sandbox } from '../../src/sandbox';

const DEMO = { merchantCode: 'DEMO', secretKey: 'DEMO_SECRET_KEY' };

function clientFor(sandbox: Sandbox, extra: Partial<TwoCheckoutClientOptions> = {}): TwoCheckoutClient {
  return createTwoCheckoutClient({ ...DEMO, url: sandbox.url, timeoutMs: 20_000, proxy: null, ...extra });
}

describe('session lifecycle against the sandbox', () => {
  let sandbox: Sandbox;
  const clients: TwoCheckoutClient[] = [];
  const track = (c: TwoCheckoutClient): TwoCheckoutClient => (clients.push(c), c);

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, merchants: [{ code: 'OTHER', secretKey: 'OTHER_SECRET_KEY' }] });
  });
  beforeEach(() => sandbox.resetStats());
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(() => sandbox.stop());

  it('logs in exactly once for 1,000 concurrent calls', async () => {
    const client = track(clientFor(sandbox));
    const results = await Promise.all(Array.from({ length: 1000 }, () => client.customers.get(1001)));
    expect(results.every((c) => c.AvangateCustomerReference === 1001)).toBe(true);
    const stats = sandbox.stats();
    expect(stats.logins).toBe(1);
    expect(stats.merchants.DEMO?.logins).toBe(1);
    expect(stats.operations.getCustomerInformation?.calls).toBe(1000);
    expect(client.stats()).toMatchObject({ calls: 1000, logins: 1, failures: 0, retries: 0 });
  });

  it('recovers from a forced expiry with one re-login and one replay', async () => {
    const events: CallEvent[] = [];
    const client = track(clientFor(sandbox, { onEvent: (e) => events.push(e) }));
    await client.customers.get(1001);
    expect(sandbox.expireAllSessions()).toBeGreaterThanOrEqual(1);
    const again = await Promise.all(Array.from({ length: 20 }, () => client.customers.get(1002)));
    expect(again.every((c) => c.AvangateCustomerReference === 1002)).toBe(true);
    expect(client.stats()).toMatchObject({ logins: 2, sessionRecoveries: 1, failures: 0 });
    expect(sandbox.stats().logins).toBe(2);
    // Every call that hit the dead session was replayed once, none failed.
    const faults = sandbox.stats().faults.FORBIDDEN ?? 0;
    expect(faults).toBeGreaterThanOrEqual(1);
    expect(events.filter((e) => e.errorKind === 'session')).toHaveLength(faults);
    expect(events.filter((e) => e.outcome === 'failed')).toHaveLength(0);
  });

  it('raises AuthenticationError at once on bad credentials, and does not loop', async () => {
    const client = track(clientFor(sandbox, { secretKey: 'WRONG_KEY' }));
    const errors = await Promise.all(
      Array.from({ length: 50 }, () => client.customers.get(1001).catch((e: unknown) => e)),
    );
    expect(errors.every((e) => e instanceof AuthenticationError)).toBe(true);
    expect((errors[0] as AuthenticationError).faultCode).toBe('FORBIDDEN');
    await expect(client.customers.get(1001)).rejects.toBeInstanceOf(AuthenticationError);
    expect(sandbox.stats().failedLogins).toBe(1);
    expect(sandbox.stats().operations.getCustomerInformation).toBeUndefined();
  });

  it('fromEnv builds a working client from TWOCHECKOUT_* variables', async () => {
    const client = track(
      fromEnv({
        TWOCHECKOUT_MERCHANT_CODE: 'DEMO',
        TWOCHECKOUT_SECRET_KEY: 'DEMO_SECRET_KEY',
        TWOCHECKOUT_SOAP_URL: sandbox.url,
        TWOCHECKOUT_TIMEOUT_MS: '5000',
      }),
    );
    expect(client.merchantCode).toBe('DEMO');
    expect((await client.customers.get({ external: 'CRM-0002' })).AvangateCustomerReference).toBe(1002);
  });

  it('keeps several merchants apart in one process', async () => {
    const demo = track(clientFor(sandbox));
    const other = track(clientFor(sandbox, { merchantCode: 'OTHER', secretKey: 'OTHER_SECRET_KEY' }));
    const [mine, theirs] = await Promise.all([
      demo.customers.get(1001),
      other.customers.get(1001).catch((e: unknown) => e),
    ]);
    expect(mine.ExternalCustomerReference).toBe('CRM-0001');
    expect(theirs).toBeInstanceOf(NotFoundError);
    expect(sandbox.stats().merchants.DEMO?.logins).toBe(1);
    expect(sandbox.stats().merchants.OTHER?.logins).toBe(1);
  });
});

describe('proactive renewal', () => {
  it('renews before the expiry, so no call ever meets an expired session', async () => {
    // The sandbox expires sessions 3 s after login; the client renews 2 s before that (a wide
    // margin, so a slow CI machine cannot turn this into a race).
    const sandbox = await startSandbox({ port: 0, sessionTtlMs: 3000 });
    const events: CallEvent[] = [];
    const client = clientFor(sandbox, {
      session: { ttlMs: 3000, renewMarginMs: 2000 },
      onEvent: (e) => events.push(e),
    });
    try {
      let calls = 0;
      while (client.stats().sessionRenewals < 3 && calls < 2000) {
        await client.customers.get(1001);
        calls += 1;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(client.stats().sessionRenewals).toBe(3);
      expect(client.stats()).toMatchObject({ logins: 4, sessionRecoveries: 0, failures: 0, retries: 0 });
      expect(sandbox.stats().faults.FORBIDDEN).toBeUndefined();
      expect(sandbox.stats().logins).toBe(4);
      expect(events.filter((e) => e.outcome !== 'success')).toEqual([]);
      expect(events.filter((e) => e.loginReason === 'renewal')).toHaveLength(3);
    } finally {
      await client.close();
      await sandbox.stop();
    }
  });
});

describe('close', () => {
  it('is idempotent and makes later calls fail without network traffic', async () => {
    const sandbox = await startSandbox({ port: 0 });
    const client = clientFor(sandbox);
    try {
      await client.customers.get(1001);
      await client.close();
      await client.close();
      const calls = sandbox.stats().calls;
      await expect(client.customers.get(1001)).rejects.toThrow('closed');
      expect(sandbox.stats().calls).toBe(calls);
    } finally {
      await sandbox.stop();
    }
  });
});
