import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';

/** The clock used for the login date; injectable so tests can pin it. */
export type Clock = () => Date;

/**
 * The login hash algorithms. `sha256` and `sha3-256` are what 2Checkout accepts since it retired
 * MD5 for its API in 2024 (sent as login's 4th part, `algo`); `md5` is the legacy 3-part login.
 */
export const HASH_ALGORITHMS = ['sha256', 'sha3-256', 'md5'] as const;
/** One of {@link HASH_ALGORITHMS}. */
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];
/** What the client sends unless told otherwise: HMAC-SHA256 with `algo` (the 2024 login). */
export const DEFAULT_HASH_ALGORITHM: HashAlgorithm = 'sha256';

export function isHashAlgorithm(value: unknown): value is HashAlgorithm {
  return typeof value === 'string' && (HASH_ALGORITHMS as readonly string[]).includes(value);
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, the format PHP's `gmdate('Y-m-d H:i:s')` produces. */
export function formatLoginDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * 2Checkout's login hash: HMAC keyed with the secret over `len(code) + code + len(date) + date`,
 * where the lengths are UTF-8 byte lengths (PHP's strlen), not JavaScript string lengths.
 * Lowercase hex, as PHP's `hash_hmac($algorithm, …)` returns it. The algorithm is required: there
 * is no default that could silently be the retired MD5.
 */
export function loginHash(
  merchantCode: string,
  date: string,
  secretKey: string,
  algorithm: HashAlgorithm,
): string {
  if (!isHashAlgorithm(algorithm)) {
    throw new TypeError(`loginHash: algorithm must be one of ${HASH_ALGORITHMS.join(', ')}`);
  }
  const source = `${Buffer.byteLength(merchantCode, 'utf8')}${merchantCode}${Buffer.byteLength(date, 'utf8')}${date}`;
  return createHmac(algorithm, secretKey).update(source, 'utf8').digest('hex');
}

/** The parts of one login request. `algo` is absent for the legacy 3-part MD5 login. */
export interface LoginCredentials {
  merchantCode: string;
  date: string;
  hash: string;
  algo?: 'sha256' | 'sha3-256';
}

/**
 * A fresh date and hash for one login attempt: never reuse them across attempts. The object
 * carries the hash, so util.inspect and JSON.stringify show it redacted (non-enumerable hooks:
 * spreading the object into the request still copies the real parts).
 */
export function loginCredentials(
  merchantCode: string,
  secretKey: string,
  clock: Clock,
  algorithm: HashAlgorithm = DEFAULT_HASH_ALGORITHM,
): LoginCredentials {
  const date = formatLoginDate(clock());
  const hash = loginHash(merchantCode, date, secretKey, algorithm);
  const credentials: LoginCredentials =
    algorithm === 'md5' ? { merchantCode, date, hash } : { merchantCode, date, hash, algo: algorithm };
  const shown = (): Record<string, string> => ({ ...credentials, hash: '[REDACTED]' });
  Object.defineProperty(credentials, inspect.custom, { value: shown, enumerable: false });
  Object.defineProperty(credentials, 'toJSON', { value: shown, enumerable: false });
  return credentials;
}
