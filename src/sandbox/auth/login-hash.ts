import { createHmac, timingSafeEqual } from 'node:crypto';

/** The algorithms a login can claim; `md5` is also what a login without `algo` means. */
export type LoginAlgorithm = 'sha256' | 'sha3-256' | 'md5';

/** What a request's `algo` part asks for. Absent, nil or empty: the legacy 3-part MD5 login. */
export type ClaimedAlgorithm = { kind: LoginAlgorithm } | { kind: 'unknown'; given: string };

export function claimedAlgorithm(algo: unknown): ClaimedAlgorithm {
  if (algo === undefined || algo === null || algo === '') return { kind: 'md5' };
  const given = typeof algo === 'string' ? algo : String(algo);
  if (given === 'sha256' || given === 'sha3-256' || given === 'md5') return { kind: given };
  return { kind: 'unknown', given };
}

/** HMAC over `len(code) code len(date) date`, lengths in UTF-8 bytes, lower-case hex. */
export function expectedLoginHash(
  merchantCode: string,
  date: string,
  secretKey: string,
  algorithm: LoginAlgorithm,
): string {
  const source = `${Buffer.byteLength(merchantCode, 'utf8')}${merchantCode}${Buffer.byteLength(date, 'utf8')}${date}`;
  return createHmac(algorithm, secretKey).update(source, 'utf8').digest('hex');
}

/** Constant-time comparison; a hash of the wrong length or case is simply wrong. */
export function hashMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(b, b);
    return false;
  }
  return timingSafeEqual(a, b);
}

const LOGIN_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Parses the login date (`YYYY-MM-DD HH:MM:SS`, UTC); undefined when it is not a real date. */
export function parseLoginDate(text: string): number | undefined {
  const m = LOGIN_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return undefined;
  }
  return ms;
}
