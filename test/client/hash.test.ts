import { createHmac } from 'node:crypto';
import { formatLoginDate, loginCredentials, loginHash } from '../../src/client/hash';

describe('login hash', () => {
  it('matches the vendor test vector (HMAC-MD5 over len+code+len+date)', () => {
    expect(loginHash('AVANGATE', '2010-05-13 12:12:12', 'SECRET_KEY')).toBe(
      'bf763db7d333e9c3038698cf59ada3e6',
    );
  });

  it('uses UTF-8 byte lengths, not string lengths, for a multibyte merchant code', () => {
    const code = 'MÜNCHEN€'; // 8 characters, 11 bytes
    const date = '2024-01-02 03:04:05';
    const expected = createHmac('md5', 'k').update(`11${code}19${date}`).digest('hex');
    expect(loginHash(code, date, 'k')).toBe(expected);
    expect(loginHash(code, date, 'k')).not.toBe(
      createHmac('md5', 'k').update(`8${code}19${date}`).digest('hex'),
    );
  });

  it('formats the date as UTC YYYY-MM-DD HH:MM:SS', () => {
    expect(formatLoginDate(new Date(Date.UTC(2010, 4, 13, 12, 12, 12, 999)))).toBe('2010-05-13 12:12:12');
  });

  it('takes a fresh date from the clock on every login', () => {
    let t = Date.UTC(2010, 4, 13, 12, 12, 12);
    const clock = (): Date => new Date((t += 1000));
    const a = loginCredentials('AVANGATE', 'SECRET_KEY', clock);
    const b = loginCredentials('AVANGATE', 'SECRET_KEY', clock);
    expect(a.date).toBe('2010-05-13 12:12:13');
    expect(b.date).toBe('2010-05-13 12:12:14');
    expect(a.hash).not.toBe(b.hash);
    expect(a.hash).toBe(loginHash('AVANGATE', a.date, 'SECRET_KEY'));
  });
});
