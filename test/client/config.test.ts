import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { optionsFromEnv } from '../../src/client/config';
import { ConfigError } from '../../src/client/errors';
import { LIVE_SOAP_URL, resolveOptions } from '../../src/client/options';

const SECRET = 'CANARY-SECRET-123';
const base = { TWOCHECKOUT_MERCHANT_CODE: 'DEMO', TWOCHECKOUT_SECRET_KEY: SECRET };

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('optionsFromEnv', () => {
  it('reads the TWOCHECKOUT_* variables', () => {
    const opts = optionsFromEnv({
      ...base,
      TWOCHECKOUT_SOAP_URL: 'http://127.0.0.1:9/soap/4.0/',
      TWOCHECKOUT_TIMEOUT_MS: '5000',
      TWOCHECKOUT_DEADLINE_MS: '20000',
      TWOCHECKOUT_PROXY: 'http://proxy.local:3128',
      TWOCHECKOUT_TLS_INSECURE: 'false',
    });
    expect(opts).toMatchObject({
      merchantCode: 'DEMO',
      secretKey: SECRET,
      url: 'http://127.0.0.1:9/soap/4.0/',
      timeoutMs: 5000,
      deadlineMs: 20000,
      proxy: 'http://proxy.local:3128',
      tlsInsecure: false,
    });
    expect(resolveOptions(optionsFromEnv(base)).url).toBe(LIVE_SOAP_URL);
  });

  it.each([
    [{ TWOCHECKOUT_SECRET_KEY: SECRET }, 'TWOCHECKOUT_MERCHANT_CODE', 'is not set'],
    [{ ...base, TWOCHECKOUT_SECRET_KEY: '' }, 'TWOCHECKOUT_SECRET_KEY', 'empty'],
    [{ ...base, TWOCHECKOUT_SECRET_KEY: `${SECRET}\r` }, 'TWOCHECKOUT_SECRET_KEY', 'trailing spaces'],
    [{ ...base, TWOCHECKOUT_TIMEOUT_MS: '30s' }, 'TWOCHECKOUT_TIMEOUT_MS', 'positive whole number'],
    [{ ...base, TWOCHECKOUT_DEADLINE_MS: '0' }, 'TWOCHECKOUT_DEADLINE_MS', 'positive whole number'],
    [{ ...base, TWOCHECKOUT_SOAP_URL: 'api.2checkout.com' }, 'TWOCHECKOUT_SOAP_URL', 'absolute http(s) URL'],
    [{ ...base, TWOCHECKOUT_TLS_INSECURE: 'maybe' }, 'TWOCHECKOUT_TLS_INSECURE', 'true or false'],
    [{ ...base, TWOCHECKOUT_CA_FILE: '/nonexistent/ca.pem' }, 'TWOCHECKOUT_CA_FILE', 'missing file'],
    [
      { ...base, TWOCHECKOUT_HASH_ALGORITHM: 'sha1' },
      'TWOCHECKOUT_HASH_ALGORITHM',
      'must be one of sha256, sha3-256, md5, got "sha1"',
    ],
  ])('names the variable and the problem (%#)', (env, variable, problem) => {
    const err = configError(() => optionsFromEnv(env));
    expect(err.option).toBe(variable);
    expect(err.message).toContain(variable);
    expect(err.message).toContain(problem);
    expect(err.message).not.toContain(SECRET);
  });

  it('names every missing or invalid variable in one error, not one per attempt', () => {
    const both = configError(() => optionsFromEnv({}));
    expect(both.problems.map((p) => p.option)).toEqual([
      'TWOCHECKOUT_MERCHANT_CODE',
      'TWOCHECKOUT_SECRET_KEY',
    ]);
    expect(both.message).toBe(
      '2 configuration problems: TWOCHECKOUT_MERCHANT_CODE is not set; TWOCHECKOUT_SECRET_KEY is not set ' +
        '(put the missing ones in the environment or in .env; see .env.example)',
    );
    const many = configError(() =>
      optionsFromEnv({
        TWOCHECKOUT_SECRET_KEY: ` ${SECRET}`,
        TWOCHECKOUT_SOAP_URL: 'api.2checkout.com',
        TWOCHECKOUT_TIMEOUT_MS: '30s',
        TWOCHECKOUT_TLS_INSECURE: 'maybe',
        TWOCHECKOUT_HASH_ALGORITHM: 'sha1',
      }),
    );
    expect(many.problems.map((p) => p.option)).toEqual([
      'TWOCHECKOUT_MERCHANT_CODE',
      'TWOCHECKOUT_SECRET_KEY',
      'TWOCHECKOUT_SOAP_URL',
      'TWOCHECKOUT_TIMEOUT_MS',
      'TWOCHECKOUT_TLS_INSECURE',
      'TWOCHECKOUT_HASH_ALGORITHM',
    ]);
    expect(many.option).toBe('TWOCHECKOUT_MERCHANT_CODE');
    expect(many.message).toMatch(/^6 configuration problems: /);
    for (const p of many.problems) expect(many.message).toContain(p.message);
    expect(many.message).toMatch(/put the missing one in the environment/);
    expect(JSON.stringify(many.problems) + many.message + inspect(many)).not.toContain(SECRET);
    const deadline = configError(() =>
      optionsFromEnv({ ...base, TWOCHECKOUT_TIMEOUT_MS: '5000', TWOCHECKOUT_DEADLINE_MS: '1000' }),
    );
    expect(deadline.message).toBe(
      'TWOCHECKOUT_DEADLINE_MS (1000) must be at least TWOCHECKOUT_TIMEOUT_MS (5000)',
    );
  });

  it('reads a .env file without touching process.env; real variables win', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tco-env-'));
    const file = path.join(dir, '.env');
    fs.writeFileSync(
      file,
      'TWOCHECKOUT_MERCHANT_CODE=FROMFILE\nTWOCHECKOUT_SECRET_KEY=filesecret\nTWOCHECKOUT_TIMEOUT_MS=1234\n',
    );
    const opts = optionsFromEnv({ TWOCHECKOUT_MERCHANT_CODE: 'FROMENV' }, { envFile: file });
    expect(opts.merchantCode).toBe('FROMENV');
    expect(opts.secretKey).toBe('filesecret');
    expect(opts.timeoutMs).toBe(1234);
    expect(process.env.TWOCHECKOUT_TIMEOUT_MS).toBeUndefined();
    fs.rmSync(dir, { recursive: true });
  });

  it('reads TWOCHECKOUT_HASH_ALGORITHM (case and spaces forgiven); default sha256', () => {
    expect(optionsFromEnv({ ...base, TWOCHECKOUT_HASH_ALGORITHM: ' SHA3-256 ' }).hashAlgorithm).toBe(
      'sha3-256',
    );
    expect(optionsFromEnv({ ...base, TWOCHECKOUT_HASH_ALGORITHM: 'md5' }).hashAlgorithm).toBe('md5');
    expect(optionsFromEnv(base).hashAlgorithm).toBeUndefined();
    expect(resolveOptions(optionsFromEnv(base)).hashAlgorithm).toBe('sha256');
  });

  it('shows the secret key and the environment redacted in util.inspect and JSON; spreading keeps them', () => {
    const opts = optionsFromEnv(base);
    for (const shown of [inspect(opts, { showHidden: true, depth: 5 }), JSON.stringify(opts)]) {
      expect(shown).not.toContain(SECRET);
      expect(shown).toContain('[REDACTED]');
    }
    expect({ ...opts }.secretKey).toBe(SECRET);
    expect(resolveOptions({ ...opts }).secretKey).toBe(SECRET);
  });

  it('lets overrides win over the environment', () => {
    expect(optionsFromEnv(base, { timeoutMs: 99, url: 'http://127.0.0.1:1/' })).toMatchObject({
      timeoutMs: 99,
      url: 'http://127.0.0.1:1/',
    });
  });
});

describe('resolveOptions', () => {
  const ok = { merchantCode: 'DEMO', secretKey: SECRET };

  it('fills defaults: live URL, finite timeout and deadline, TLS verification on', () => {
    const r = resolveOptions(ok);
    expect(r).toMatchObject({
      url: LIVE_SOAP_URL,
      timeoutMs: 30_000,
      deadlineMs: 120_000,
      tlsInsecure: false,
    });
    expect(r.session).toEqual({ ttlMs: 600_000, renewMarginMs: 60_000, authFailureCooldownMs: 30_000 });
    expect(r.hashAlgorithm).toBe('sha256');
  });

  it('names the allowed hash algorithms', () => {
    const err = configError(() => resolveOptions({ ...ok, hashAlgorithm: 'sha1' as never }));
    expect(err.message).toBe(
      `createTwoCheckoutClient: option 'hashAlgorithm' must be one of 'sha256', 'sha3-256', 'md5', got "sha1"`,
    );
  });

  it.each([
    [{ ...ok, merchantCode: '' }, 'merchantCode'],
    [{ ...ok, secretKey: 42 as unknown as string }, 'secretKey'],
    [{ ...ok, url: 'ftp://x/' }, 'url'],
    [{ ...ok, timeoutMs: 0 }, 'timeoutMs'],
    [{ ...ok, timeoutMs: 1.5 }, 'timeoutMs'],
    [{ ...ok, timeoutMs: 5000, deadlineMs: 1000 }, 'deadlineMs'],
    [{ ...ok, session: { ttlMs: 1000, renewMarginMs: 1000 } }, 'session.renewMarginMs'],
    [{ ...ok, retry: { maxAttempts: 0 } }, 'retry.maxAttempts'],
    [{ ...ok, caFile: '/nonexistent.pem' }, 'caFile'],
    [{ ...ok, logger: { info: () => undefined } as never }, 'logger'],
    [{ ...ok, hashAlgorithm: 'SHA256' as never }, 'hashAlgorithm'],
  ])('rejects a bad option, naming it (%#)', (options, option) => {
    const err = configError(() => resolveOptions(options));
    expect(err.option).toBe(option);
    expect(err.message).toContain(`'${option}'`);
    expect(err.message).not.toContain(SECRET);
  });

  it('names every bad option in one error', () => {
    const err = configError(() =>
      resolveOptions({ merchantCode: '', secretKey: 42 as never, timeoutMs: 0, retry: { maxAttempts: 0 } }),
    );
    expect(err.problems.map((p) => p.option)).toEqual([
      'merchantCode',
      'secretKey',
      'timeoutMs',
      'retry.maxAttempts',
    ]);
    expect(err.message).toMatch(
      /^createTwoCheckoutClient: 4 configuration problems: option 'merchantCode' must not be empty; option 'secretKey' must be a non-empty string, got number; option 'timeoutMs' .*; option 'retry.maxAttempts' /,
    );
  });
});
