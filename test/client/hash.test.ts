import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import {
  formatLoginDate,
  HASH_ALGORITHMS,
  loginCredentials,
  loginHash,
  type HashAlgorithm,
} from '../../src/client/hash';
import { phpLoginHash, pythonLoginHash } from '../helpers/reference-hmac';

// The vendor's documented example: source `8AVANGATE192010-05-13 12:12:12`, key SECRET_KEY.
const CODE = 'AVANGATE';
const DATE = '2010-05-13 12:12:12';
const KEY = 'SECRET_KEY';

describe('login hash', () => {
  it("matches the docs' example value, which is HMAC-MD5 (the table labels it SHA256)", () => {
    expect(loginHash(CODE, DATE, KEY, 'md5')).toBe('bf763db7d333e9c3038698cf59ada3e6');
  });

  it.each(['sha256', 'sha3-256'] as const)(
    '%s over the documented source equals PHP hash_hmac and Python hmac',
    (algo) => {
      const php = phpLoginHash(algo, CODE, DATE, KEY);
      const python = pythonLoginHash(algo, CODE, DATE, KEY);
      expect(php).toMatch(/^[0-9a-f]{64}$/);
      expect(python).toBe(php);
      expect(loginHash(CODE, DATE, KEY, algo)).toBe(php);
    },
  );

  it('sha256 and sha3-256 differ from each other and from md5', () => {
    const all = HASH_ALGORITHMS.map((a) => loginHash(CODE, DATE, KEY, a));
    expect(new Set(all).size).toBe(3);
  });

  it.each(HASH_ALGORITHMS)(
    '%s: a non-ASCII merchant code counts UTF-8 bytes (PHP strlen), not characters',
    (algo: HashAlgorithm) => {
      const code = 'MÜNCHEN€'; // 8 characters, 11 bytes
      const date = '2024-01-02 03:04:05';
      const key = 'k€y';
      const php = phpLoginHash(algo, code, date, key);
      expect(pythonLoginHash(algo, code, date, key)).toBe(php);
      expect(loginHash(code, date, key, algo)).toBe(php);
      // A character-counting implementation (JavaScript's .length) would hash `8MÜNCHEN€…` instead.
      const charCounted = createHmac(algo, key).update(`${code.length}${code}${date.length}${date}`);
      expect(charCounted.digest('hex')).not.toBe(php);
    },
  );

  it('refuses a call without an algorithm (no silent MD5 default)', () => {
    const untyped = loginHash as unknown as (...a: string[]) => string;
    expect(() => untyped(CODE, DATE, KEY)).toThrow(/algorithm must be one of sha256, sha3-256, md5/);
    expect(() => untyped(CODE, DATE, KEY, 'SHA256')).toThrow(TypeError);
  });

  it('formats the date as UTC YYYY-MM-DD HH:MM:SS', () => {
    expect(formatLoginDate(new Date(Date.UTC(2010, 4, 13, 12, 12, 12, 999)))).toBe('2010-05-13 12:12:12');
  });

  it('takes a fresh date from the clock on every login', () => {
    let t = Date.UTC(2010, 4, 13, 12, 12, 12);
    const clock = (): Date => new Date((t += 1000));
    const a = loginCredentials(CODE, KEY, clock);
    const b = loginCredentials(CODE, KEY, clock);
    expect(a.date).toBe('2010-05-13 12:12:13');
    expect(b.date).toBe('2010-05-13 12:12:14');
    expect(a.hash).not.toBe(b.hash);
    expect(a.hash).toBe(loginHash(CODE, a.date, KEY, 'sha256'));
  });

  it('sends algo for sha256 / sha3-256 and the 3 parts only for md5', () => {
    const clock = (): Date => new Date(Date.UTC(2010, 4, 13, 12, 12, 12));
    expect({ ...loginCredentials(CODE, KEY, clock) }).toEqual({
      merchantCode: CODE,
      date: DATE,
      hash: phpLoginHash('sha256', CODE, DATE, KEY),
      algo: 'sha256',
    });
    expect({ ...loginCredentials(CODE, KEY, clock, 'sha3-256') }).toMatchObject({ algo: 'sha3-256' });
    expect({ ...loginCredentials(CODE, KEY, clock, 'md5') }).toEqual({
      merchantCode: CODE,
      date: DATE,
      hash: 'bf763db7d333e9c3038698cf59ada3e6',
    });
  });

  it('credentials show the hash redacted in util.inspect and JSON', () => {
    const c = loginCredentials(CODE, KEY, () => new Date(Date.UTC(2010, 4, 13, 12, 12, 12)));
    for (const shown of [inspect(c, { showHidden: true, depth: 5 }), JSON.stringify(c), String(c)]) {
      expect(shown).not.toContain(c.hash);
    }
    expect(inspect(c)).toContain('[REDACTED]');
  });
});
