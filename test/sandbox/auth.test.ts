import { createHmac } from 'node:crypto';
import { formatLoginDate, loginHash } from '../../src/client/hash';
import { parseCliArgs, HELP } from '../../src/sandbox/cli-args';
import { phpLoginHash } from '../helpers/reference-hmac';
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
        ['hash', phpLoginHash('sha256', 'ÜBER', date, 'k€y')],
        ['algo', 'sha256'],
      ]),
    );
    expect(ok.status).toBe(200);
    const charLengthHash = createHmac('sha256', 'k€y').update(`4ÜBER${date.length}${date}`).digest('hex');
    const bad = await post(
      sb.url,
      envelope('login', [
        ['merchantCode', 'ÜBER'],
        ['date', date],
        ['hash', charLengthHash],
        ['algo', 'sha256'],
      ]),
    );
    expect(faultOf(bad.body)).toEqual({ code: 'FORBIDDEN', string: 'Invalid hash provided' });
  });

  test.each(['sha256', 'sha3-256'] as const)(
    'accepts the 4-part login with algo %s, hash from PHP hash_hmac (non-ASCII code)',
    async (algo) => {
      const date = formatLoginDate(new Date());
      const res = await post(
        sb.url,
        envelope('login', [
          ['merchantCode', 'ÜBER'],
          ['date', date],
          ['hash', phpLoginHash(algo, 'ÜBER', date, 'k€y')],
          ['algo', algo],
        ]),
      );
      expect(res.status).toBe(200);
      expect(textOf(res.body, 'loginReturn')).toMatch(/^[0-9a-f]{32}$/);
    },
  );

  test('the hash must be of the algorithm named: a SHA-256 hash sent as sha3-256 is refused', async () => {
    const date = formatLoginDate(new Date());
    const res = await post(
      sb.url,
      envelope('login', [
        ['merchantCode', DEMO.code],
        ['date', date],
        ['hash', loginHash(DEMO.code, date, DEMO.secretKey, 'sha256')],
        ['algo', 'sha3-256'],
      ]),
    );
    expect(faultOf(res.body)).toEqual({ code: 'FORBIDDEN', string: 'Invalid hash provided' });
  });

  test.each([
    ['left out (the 4.0 sample)', undefined],
    ['nil (PHP SoapClient with a 3-argument call)', null],
    ['empty', ''],
    ['md5', 'md5'],
  ])(
    'a correct HMAC-MD5 login with algo %s is refused by default, naming the cause',
    async (_label, algo) => {
      const parts = loginParts(DEMO.code, DEMO.secretKey, new Date(), 'md5');
      if (algo !== undefined) parts.push(['algo', algo]);
      const res = await post(sb.url, envelope('login', parts));
      expect(res.status).toBe(500);
      expect(faultOf(res.body)).toEqual({
        code: 'FORBIDDEN',
        string: 'Invalid hash provided: MD5 is no longer accepted, send algo sha256 or sha3-256',
      });
    },
  );

  test('an MD5 login for an unknown merchant gets the same MD5 answer (no probing)', async () => {
    const res = await post(sb.url, envelope('login', loginParts('NOBODY', 'x', new Date(), 'md5')));
    expect(faultOf(res.body).string).toBe(
      'Invalid hash provided: MD5 is no longer accepted, send algo sha256 or sha3-256',
    );
  });

  test('an unknown algo is FORBIDDEN with a clear faultstring; odd values are not echoed', async () => {
    const date = formatLoginDate(new Date());
    const hash = loginHash(DEMO.code, date, DEMO.secretKey, 'sha256');
    const withAlgo = (algo: string) =>
      post(
        sb.url,
        envelope('login', [
          ['merchantCode', DEMO.code],
          ['date', date],
          ['hash', hash],
          ['algo', algo],
        ]),
      );
    for (const [algo, shown] of [
      ['sha1', ' "sha1"'],
      ['SHA256', ' "SHA256"'],
      [hash, ''],
      ['sha 256 <x>', ''],
    ]) {
      const res = await withAlgo(algo);
      expect(res.status).toBe(500);
      expect(faultOf(res.body)).toEqual({
        code: 'FORBIDDEN',
        string: `Invalid hash algorithm${shown}: send algo sha256 or sha3-256`,
      });
      expect(res.body).not.toContain(hash);
    }
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
        ['hash', loginHash('DEMO', date, DEMO.secretKey, 'sha256')],
        ['algo', 'sha256'],
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

describe('allowMd5 (--allow-md5): rehearsing legacy code', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ allowMd5: true });
  });
  afterAll(() => sb.stop());

  test('the 3-part HMAC-MD5 login is accepted; SHA logins still are', async () => {
    for (const algo of ['md5', 'sha256', 'sha3-256'] as const) {
      const res = await post(
        sb.url,
        envelope('login', loginParts(DEMO.code, DEMO.secretKey, new Date(), algo)),
      );
      expect(res.status).toBe(200);
    }
  });

  test('a wrong MD5 hash is still "Invalid hash provided"', async () => {
    const res = await post(sb.url, envelope('login', loginParts(DEMO.code, 'WRONG', new Date(), 'md5')));
    expect(faultOf(res.body)).toEqual({ code: 'FORBIDDEN', string: 'Invalid hash provided' });
  });

  test('the flag sets the option; --help lists it; a non-boolean option is refused', async () => {
    const config = parseCliArgs(['--allow-md5']);
    expect(config).toMatchObject({ kind: 'run', options: { allowMd5: true } });
    expect(parseCliArgs([])).not.toHaveProperty('options.allowMd5');
    expect(HELP).toMatch(/--allow-md5 +accept the legacy 3-part HMAC-MD5 login/);
    await expect(startSandbox({ allowMd5: 'yes' as never })).rejects.toThrow('allowMd5 must be a boolean');
  });
});

describe('login stats by algorithm', () => {
  test('successful and refused logins are counted per algorithm, and per merchant', async () => {
    const sb = await startSandbox();
    try {
      const login = (algo: 'md5' | 'sha256' | 'sha3-256', key = DEMO.secretKey) =>
        post(sb.url, envelope('login', loginParts(DEMO.code, key, new Date(), algo)));
      await login('sha256');
      await login('sha256');
      await login('sha3-256');
      await login('md5');
      await login('sha256', 'WRONG');
      const stats = sb.stats();
      expect(stats.loginsByAlgorithm).toEqual({ sha256: 2, 'sha3-256': 1 });
      expect(stats.failedLoginsByAlgorithm).toEqual({ md5: 1, sha256: 1 });
      expect(stats.merchants.DEMO.loginsByAlgorithm).toEqual({ sha256: 2, 'sha3-256': 1 });
      sb.resetStats();
      expect(sb.stats().loginsByAlgorithm).toEqual({});
    } finally {
      await sb.stop();
    }
  });
});

describe('the HTTP Date header', () => {
  test("follows the sandbox's clock, so clients can measure skew from it", async () => {
    const skewMs = 20 * 60_000;
    const sb = await startSandbox({ now: () => Date.now() + skewMs });
    try {
      for (const res of [
        await post(sb.url, envelope('login', loginParts())),
        await fetch(sb.wsdlUrl, { signal: AbortSignal.timeout(10_000) }),
      ]) {
        const date = Date.parse(res.headers.get('date') ?? '');
        expect(Math.abs(date - (Date.now() + skewMs))).toBeLessThan(5 * 60_000);
      }
      // The shifted clock also judges the login date: the client's (unshifted) date is stale.
      const res = await post(sb.url, envelope('login', loginParts()));
      expect(faultOf(res.body).string).toMatch(/^Invalid date: more than 600 seconds/);
    } finally {
      await sb.stop();
    }
  });
});
