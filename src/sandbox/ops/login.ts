import {
  claimedAlgorithm,
  expectedLoginHash,
  hashMatches,
  parseLoginDate,
  type LoginAlgorithm,
} from '../auth/login-hash';
import type { SessionRegistry } from '../auth/sessions';
import { SoapFault } from '../faults/soap-fault';
import type { Args } from './args';

export interface LoginDeps {
  secretKeyOf(merchant: string): string | undefined;
  sessions: SessionRegistry;
  windowMs: number;
  /** Accept the legacy 3-part HMAC-MD5 login (the live service refuses it since 2024). */
  allowMd5: boolean;
  now(): number;
}

export interface LoginOutcome {
  merchant: string;
  sessionId: string;
  algorithm: LoginAlgorithm;
}

// One message for every credential problem: the caller learns nothing about which part was wrong.
const INVALID_HASH = 'Invalid hash provided';
export const MD5_REFUSED = 'Invalid hash provided: MD5 is no longer accepted, send algo sha256 or sha3-256';

/**
 * Recomputes the hash with the merchant's key and the algorithm the request names (`algo`), and
 * checks the date against the server clock. Like the live service since 2024, a login without
 * `algo` (HMAC-MD5, the 4.0 samples) is refused unless allowMd5 is set; the faultstring says why,
 * before anything about the merchant or the key is looked at. Unknown merchant and wrong hash
 * answer alike (FORBIDDEN, "Invalid hash provided"); a malformed or stale date says so, since that
 * is a clock problem rather than a credential one.
 */
export function login(deps: LoginDeps, args: Args): LoginOutcome {
  const merchant = typeof args.merchantCode === 'string' ? args.merchantCode : '';
  const date = typeof args.date === 'string' ? args.date : '';
  const hash = typeof args.hash === 'string' ? args.hash : '';
  if (merchant === '' || date === '' || hash === '') {
    throw new SoapFault('FORBIDDEN', 'merchantCode, date and hash are required');
  }
  const claimed = claimedAlgorithm(args.algo);
  if (claimed.kind === 'unknown') {
    // Echo short, plain values only (a misplaced hash must not come back in the fault).
    const shown = /^[\w.-]{1,20}$/.test(claimed.given) ? ` "${claimed.given}"` : '';
    throw new SoapFault('FORBIDDEN', `Invalid hash algorithm${shown}: send algo sha256 or sha3-256`);
  }
  if (claimed.kind === 'md5' && !deps.allowMd5) throw new SoapFault('FORBIDDEN', MD5_REFUSED);
  const at = parseLoginDate(date);
  if (at === undefined) {
    throw new SoapFault('FORBIDDEN', 'Invalid date: expected YYYY-MM-DD HH:MM:SS (UTC)');
  }
  const key = deps.secretKeyOf(merchant);
  const expected = expectedLoginHash(merchant, date, key ?? 'unknown merchant: compare anyway', claimed.kind);
  const hashOk = hashMatches(hash.toLowerCase(), expected);
  if (!key || !hashOk) throw new SoapFault('FORBIDDEN', INVALID_HASH);
  if (Math.abs(deps.now() - at) > deps.windowMs) {
    throw new SoapFault(
      'FORBIDDEN',
      `Invalid date: more than ${Math.round(deps.windowMs / 1000)} seconds from the server time (UTC)`,
    );
  }
  return { merchant, sessionId: deps.sessions.open(merchant), algorithm: claimed.kind };
}
