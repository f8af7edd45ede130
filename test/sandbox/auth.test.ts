import { formatLoginDate, loginHash } from '../../src/client/hash';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { DEMO, envelope, faultOf, loginParts, post, session, textOf } from './helpers';

describe('login', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ merchants: [{ code: 'ÜBER', secretKey: 'k€y' }] });
  });
  afterAll(() => sb.stop());

  test('a correct hash returns a 32-hex-character session ID', async () => {
    const res = await post(sb.url, envelope('login', loginParts()));
    expect(res.status).toBe(200);
    expect(textOf(res.body, 'loginReturn')).toMatch(/^[0-9a-f]{32}$/);
  });

  test('every login opens a new session', async () => {
    const a = await session(sb.url);
    const b = await session(sb.url);
    expect(a.id).not.toBe(b.id);
  });

  test('lengths in the hash are UTF-8 byte lengths, not character counts', async () => {
    const date = formatLoginDate(new Date());
    const ok = await post(
      sb.url,
      envelope('login', [
        ['merchantCode', 'ÜBER'],
        ['date', date],
        ['hash', loginHash('ÜBER', date, 'k€y')],
      ]),
    );
    expect(ok.status).toBe(200);
    const { createHmac } = await import('node:crypto');
    const charLengthHash = createHmac('md5', 'k€y').update(`4ÜBER${date.length}${date}`).digest('hex');
    const bad = await post(
      sb.url,
      envelope('login', [
        ['merchantCode', 'ÜBER'],
        ['date', date],
        ['hash', charLengthHash],
      ]),
    );
    expect(faultOf(bad.body)).toEqual({ code: 'FORBIDDEN', string: 'Invalid hash provided' });
  });

  test('a wrong hash is FORBIDDEN "Invalid hash provided" with HTTP 500', async () => {
    const parts = loginParts(DEMO.code, 'WRONG_KEY');
    const res = await post(sb.url, envelope('login', parts));
    expect(res.status).toBe(500);
    expect(faultOf(res.body)).toEqual({ code: 'FORBIDDEN', string: 'Invalid hash provided' });
  });

  test('an unknown merchant gets the same answer as a wrong hash', async () => {
    const res = await post(sb.url, envelope('login', loginParts('NOBODY', DEMO.secretKey)));
    expect(faultOf(res.body)).toEqual({ code: 'FORBIDDEN', string: 'Invalid hash provided' });
  });

  test('a malformed date is refused', async () => {
    const date = '2026-13-01 00:00:00';
    const res = await post(
      sb.url,
      envelope('login', [
        ['merchantCode', 'DEMO'],
        ['date', date],
        ['hash', loginHash('DEMO', date, DEMO.secretKey)],
      ]),
    );
    expect(faultOf(res.body).code).toBe('FORBIDDEN');
    expect(faultOf(res.body).string).toMatch(/Invalid date/);
  });

  test('missing parts are refused clearly', async () => {
    const res = await post(sb.url, envelope('login', [['merchantCode', 'DEMO']]));
    expect(faultOf(res.body)).toEqual({
      code: 'FORBIDDEN',
      string: 'merchantCode, date and hash are required',
    });
  });

  test('fault messages never echo the hash or the key', async () => {
    const parts = loginParts(DEMO.code, 'WRONG_KEY');
    const res = await post(sb.url, envelope('login', parts));
    expect(res.body).not.toContain(parts[2][1] as string);
    expect(res.body).not.toContain('DEMO_SECRET_KEY');
  });
});

describe('login date window and session lifetime (injected clock)', () => {
  let clock = Date.UTC(2026, 10, 24, 12, 0, 0);
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ now: () => clock, loginWindowMs: 5 * 60_000, sessionTtlMs: 10 * 60_000 });
  });
  afterAll(() => sb.stop());

  test('a date inside the window is accepted, either way', async () => {
    for (const offset of [-5 * 60_000, 5 * 60_000, 0]) {
      const res = await post(
        sb.url,
        envelope('login', loginParts('DEMO', DEMO.secretKey, new Date(clock + offset))),
      );
      expect(res.status).toBe(200);
    }
  });

  test('a date outside the window is FORBIDDEN, even with a correct hash', async () => {
    for (const offset of [-5 * 60_000 - 1000, 5 * 60_000 + 1000]) {
      const res = await post(
        sb.url,
        envelope('login', loginParts('DEMO', DEMO.secretKey, new Date(clock + offset))),
      );
      expect(faultOf(res.body).code).toBe('FORBIDDEN');
      expect(faultOf(res.body).string).toMatch(/Invalid date: more than 300 seconds/);
    }
  });

  test('a session works until its TTL from login, then is FORBIDDEN', async () => {
    const res = await post(sb.url, envelope('login', loginParts('DEMO', DEMO.secretKey, new Date(clock))));
    const id = textOf(res.body, 'loginReturn') as string;
    const call = () =>
      post(
        sb.url,
        envelope('getCustomerInformation', [
          ['sessionID', id],
          ['AvangateCustomerReference', 1001],
        ]),
      );
    clock += 10 * 60_000 - 1;
    expect((await call()).status).toBe(200);
    clock += 1;
    const expired = await call();
    expect(faultOf(expired.body)).toEqual({
      code: 'FORBIDDEN',
      string: 'Invalid hash provided or session expired',
    });
  });

  test('setSessionTtl changes the lifetime of new sessions', async () => {
    sb.setSessionTtl(1000);
    const res = await post(sb.url, envelope('login', loginParts('DEMO', DEMO.secretKey, new Date(clock))));
    const id = textOf(res.body, 'loginReturn') as string;
    clock += 1000;
    const after = await post(
      sb.url,
      envelope('getCustomerInformation', [
        ['sessionID', id],
        ['AvangateCustomerReference', 1001],
      ]),
    );
    expect(faultOf(after.body).code).toBe('FORBIDDEN');
    sb.setSessionTtl(10 * 60_000);
  });
});

describe('sessions', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ merchants: [{ code: 'OTHER', secretKey: 'OTHER_KEY' }] });
  });
  afterAll(() => sb.stop());

  test('an unknown session ID is FORBIDDEN', async () => {
    const res = await post(
      sb.url,
      envelope('getCustomerInformation', [
        ['sessionID', '0'.repeat(32)],
        ['AvangateCustomerReference', 1001],
      ]),
    );
    expect(res.status).toBe(500);
    expect(faultOf(res.body).code).toBe('FORBIDDEN');
  });

  test('a missing session ID is FORBIDDEN', async () => {
    const res = await post(sb.url, envelope('getCustomerInformation', [['AvangateCustomerReference', 1001]]));
    expect(faultOf(res.body).code).toBe('FORBIDDEN');
  });

  test('expireAllSessions() ends live sessions; a new login works', async () => {
    const s = await session(sb.url);
    expect(sb.expireAllSessions()).toBeGreaterThanOrEqual(1);
    const res = await s.call('getCustomerInformation', [['AvangateCustomerReference', 1001]]);
    expect(faultOf(res.body).code).toBe('FORBIDDEN');
    const again = await session(sb.url);
    expect((await again.call('getCustomerInformation', [['AvangateCustomerReference', 1001]])).status).toBe(
      200,
    );
  });

  test('merchants are isolated: another merchant cannot see or touch DEMO data', async () => {
    const other = await session(sb.url, 'OTHER', 'OTHER_KEY');
    const read = await other.call('getCustomerInformation', [['AvangateCustomerReference', 1001]]);
    expect(faultOf(read.body).code).toBe('NOT_FOUND_CUSTOMER');
    const byExt = await other.call('getCustomerInformation', [
      ['AvangateCustomerReference', null],
      ['ExternalCustomerReference', 'CRM-0001'],
    ]);
    expect(faultOf(byExt.body).code).toBe('NOT_FOUND_CUSTOMER');
    const created = await other.call('createCustomer', [
      [
        'Customer',
        {
          ExternalCustomerReference: 'CRM-0001',
          FirstName: 'O',
          LastName: 'Ther',
          Address1: 'a',
          City: 'b',
          Zip: '1',
          CountryCode: 'FR',
          Email: 'o@example.com',
        },
      ],
    ]);
    expect(created.status).toBe(200);
    expect(sb.customers('OTHER')).toHaveLength(1);
    expect(sb.customers('DEMO')?.find((c) => c.ExternalCustomerReference === 'CRM-0001')?.FirstName).toBe(
      'Ada',
    );
  });

  test('expireSessionsEveryMs expires sessions periodically', async () => {
    const sb2 = await startSandbox({ expireSessionsEveryMs: 50 });
    try {
      const s = await session(sb2.url);
      await new Promise((r) => setTimeout(r, 200));
      const res = await s.call('getCustomerInformation', [['AvangateCustomerReference', 1001]]);
      expect(faultOf(res.body).code).toBe('FORBIDDEN');
    } finally {
      await sb2.stop();
    }
  });
});
