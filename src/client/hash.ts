import { createHmac } from 'node:crypto';

/** The clock used for the login date; injectable so tests can pin it. */
export type Clock = () => Date;

/** `YYYY-MM-DD HH:MM:SS` in UTC, the format PHP's `gmdate('Y-m-d H:i:s')` produces. */
export function formatLoginDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * 2Checkout's login hash: HMAC-MD5 keyed with the secret over
 * `len(code) + code + len(date) + date`, where the lengths are UTF-8 byte lengths (PHP's strlen),
 * not JavaScript string lengths. Lowercase hex.
 */
export function loginHash(merchantCode: string, date: string, secretKey: string): string {
  const source = `${Buffer.byteLength(merchantCode, 'utf8')}${merchantCode}${Buffer.byteLength(date, 'utf8')}${date}`;
  return createHmac('md5', secretKey).update(source, 'utf8').digest('hex');
}

export interface LoginCredentials {
  merchantCode: string;
  date: string;
  hash: string;
}

/** A fresh date and hash for one login attempt: never reuse them across attempts. */
export function loginCredentials(merchantCode: string, secretKey: string, clock: Clock): LoginCredentials {
  const date = formatLoginDate(clock());
  return { merchantCode, date, hash: loginHash(merchantCode, date, secretKey) };
}
