import http from 'node:http';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';
import { DEMO, envelope, faultOf, loginParts, post, session, textOf } from './helpers';

// PHP, and so the sandbox, reads no POST body without a Content-Type.
const XML = { 'content-type': 'text/xml; charset=utf-8' };

const sandboxes: Sandbox[] = [];
async function start(options: SandboxOptions): Promise<Sandbox> {
  const sb = await startSandbox(options);
  sandboxes.push(sb);
  return sb;
}
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.stop()));
});

function newCustomer(ext: string) {
  return {
    ExternalCustomerReference: ext,
    FirstName: 'F',
    LastName: 'L',
    Address1: 'A',
    City: 'C',
    Zip: 'Z',
    CountryCode: 'FR',
    Email: 'f@example.com',
  };
}

/** Outcome of one raw call: the HTTP status, or 'reset' when the connection died. */
async function outcome(url: string, body: string): Promise<number | 'reset'> {
  try {
    return (await post(url, body)).status;
  } catch {
    return 'reset';
  }
}

describe('injected HTTP 500 and the moment it strikes', () => {
  test("timing 'after': the operation is applied, the answer is a SOAP-ENV:Server fault", async () => {
    const sb = await start({ faults: { http500Rate: 1, timing: 'after', operations: ['createCustomer'] } });
    const s = await session(sb.url);
    const res = await s.call('createCustomer', [['Customer', newCustomer('AFTER-1')]]);
    expect(res.status).toBe(500);
    expect(faultOf(res.body)).toEqual({
      code: 'SOAP-ENV:Server',
      string: 'Internal server error (injected by the sandbox)',
    });
    expect(sb.customers('DEMO')?.some((c) => c.ExternalCustomerReference === 'AFTER-1')).toBe(true);
    expect(sb.stats().injected.http500).toBe(1);
    expect(sb.stats().operations.createCustomer.injected).toEqual({ http500: 1 });
  });

  test("timing 'before': the operation is not applied", async () => {
    const sb = await start({ faults: { http500Rate: 1, timing: 'before', operations: ['createCustomer'] } });
    const s = await session(sb.url);
    const res = await s.call('createCustomer', [['Customer', newCustomer('BEFORE-1')]]);
    expect(faultOf(res.body).code).toBe('SOAP-ENV:Server');
    expect(sb.customers('DEMO')?.some((c) => c.ExternalCustomerReference === 'BEFORE-1')).toBe(false);
  });

  test('operations limits injection: login is unaffected here', async () => {
    const sb = await start({ faults: { http500Rate: 1, operations: ['createCustomer'] } });
    await expect(session(sb.url)).resolves.toBeDefined();
  });
});

describe('other injected failures', () => {
  test('503 answers with a non-SOAP body', async () => {
    const sb = await start({ faults: { http503Rate: 1 } });
    const res = await post(sb.url, envelope('login', loginParts()));
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.body).not.toContain('Envelope');
  });

  test("connection reset with timing 'after' still applies the operation", async () => {
    const sb = await start({ faults: { resetRate: 1, timing: 'after', operations: ['createCustomer'] } });
    const s = await session(sb.url);
    const body = envelope('createCustomer', [
      ['sessionID', s.id],
      ['Customer', newCustomer('RESET-1')],
    ]);
    expect(await outcome(sb.url, body)).toBe('reset');
    expect(sb.customers('DEMO')?.some((c) => c.ExternalCustomerReference === 'RESET-1')).toBe(true);
    expect(sb.stats().injected.reset).toBe(1);
  });

  test('a hung request gets no answer; the client times out; stop() still returns', async () => {
    const sb = await startSandbox({ faults: { hangRate: 1 } });
    const started = new Promise<void>((resolve, reject) => {
      const req = http.request(sb.url, { method: 'POST', headers: XML, timeout: 300 }, (res) => {
        reject(new Error(`unexpected answer ${res.statusCode}`));
      });
      req.on('timeout', () => {
        req.destroy();
        resolve();
      });
      req.on('error', () => undefined);
      req.end(envelope('login', loginParts()));
    });
    await started;
    // Leave a second hung request open while stopping.
    const pending = http.request(sb.url, { method: 'POST', headers: XML });
    pending.on('error', () => undefined);
    pending.end(envelope('login', loginParts()));
    await new Promise((r) => setTimeout(r, 50));
    expect(sb.stats().injected.hang).toBe(2);
    await sb.stop();
    await sb.stop();
  });

  test('latency delays each request (counted, never asserted by wall clock)', async () => {
    const sb = await start({ faults: { latencyMs: 5, jitterMs: 5 } });
    await session(sb.url);
    expect(sb.stats().injected.latency).toBe(1);
  });

  test('the same seed and request order give the same faults; another seed differs', async () => {
    async function sequence(seed: number): Promise<(number | 'reset')[]> {
      const sb = await start({ faults: { seed, http500Rate: 0.3, http503Rate: 0.2, resetRate: 0.1 } });
      const out: (number | 'reset')[] = [];
      for (let i = 0; i < 30; i++) out.push(await outcome(sb.url, envelope('login', loginParts())));
      return out;
    }
    const a = await sequence(42);
    const b = await sequence(42);
    const c = await sequence(7);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a)).toEqual(new Set([200, 500, 503, 'reset']));
  });

  test('invalid fault options are rejected at start', async () => {
    await expect(startSandbox({ faults: { http500Rate: 1.5 } })).rejects.toThrow(
      'faults.http500Rate must be between 0 and 1',
    );
    await expect(startSandbox({ faults: { http500Rate: 0.6, resetRate: 0.6 } })).rejects.toThrow('add up to');
    await expect(startSandbox({ rateLimit: { requestsPerSecond: 0 } })).rejects.toThrow('requestsPerSecond');
    await expect(startSandbox({ faults: { operations: ['createCustomr'] } })).rejects.toThrow(
      'faults.operations: unknown operation createCustomr',
    );
  });
});

describe('per-merchant rate limit', () => {
  test('TOO_MANY_REQUESTS beyond the bucket; other merchants unaffected; refills with time', async () => {
    let clock = 1_800_000_000_000;
    const sb = await start({
      now: () => clock,
      rateLimit: { requestsPerSecond: 2, burst: 3 },
      merchants: [{ code: 'OTHER', secretKey: 'OTHER_KEY' }],
    });
    const date = new Date(clock);
    const login = await post(sb.url, envelope('login', loginParts(DEMO.code, DEMO.secretKey, date)));
    const id = textOf(login.body, 'loginReturn') as string;
    const read = () =>
      post(
        sb.url,
        envelope('getCustomerInformation', [
          ['sessionID', id],
          ['AvangateCustomerReference', 1001],
        ]),
      );
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200);
    const limited = await read();
    expect(faultOf(limited.body)).toEqual({
      code: 'TOO_MANY_REQUESTS',
      string: 'Too many requests: more than 2 per second for this merchant',
    });
    const other = await post(sb.url, envelope('login', loginParts('OTHER', 'OTHER_KEY', date)));
    expect(other.status).toBe(200);
    clock += 500;
    expect((await read()).status).toBe(200);
    expect(sb.stats().merchants.DEMO.rateLimited).toBe(1);
    expect(sb.stats().merchants.DEMO.faults).toEqual({ TOO_MANY_REQUESTS: 1 });
  });
});
