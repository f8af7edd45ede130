import { expectedLoginHash, hashMatches, parseLoginDate } from '../auth/login-hash';
import type { SessionRegistry } from '../auth/sessions';
import { SoapFault } from '../faults/soap-fault';
import type { Args } from './args';

export interface LoginDeps {
  secretKeyOf(merchant: string): string | undefined;
  sessions: SessionRegistry;
  windowMs: number;
  now(): number;
}

export interface LoginOutcome {
  merchant: string;
  sessionId: string;
}

// One message for every credential problem: the caller learns nothing about which part was wrong.
const INVALID_HASH = 'Invalid hash provided';

/**
 * Recomputes the hash with the merchant's key and checks the date against the server clock.
 * Unknown merchant and wrong hash answer alike (FORBIDDEN, "Invalid hash provided"); a malformed
 * or stale date says so, since that is a clock problem rather than a credential one.
 */
export function login(deps: LoginDeps, args: Args): LoginOutcome {
  const merchant = typeof args.merchantCode === 'string' ? args.merchantCode : '';
  const date = typeof args.date === 'string' ? args.date : '';
  const hash = typeof args.hash === 'string' ? args.hash : '';
  if (merchant === '' || date === '' || hash === '') {
    throw new SoapFault('FORBIDDEN', 'merchantCode, date and hash are required');
  }
  const at = parseLoginDate(date);
  if (at === undefined) {
    throw new SoapFault('FORBIDDEN', 'Invalid date: expected YYYY-MM-DD HH:MM:SS (UTC)');
  }
  const key = deps.secretKeyOf(merchant);
  const expected = expectedLoginHash(merchant, date, key ?? 'unknown merchant: compare anyway');
  const hashOk = hashMatches(hash.toLowerCase(), expected);
  if (!key || !hashOk) throw new SoapFault('FORBIDDEN', INVALID_HASH);
  if (Math.abs(deps.now() - at) > deps.windowMs) {
    throw new SoapFault(
      'FORBIDDEN',
      `Invalid date: more than ${Math.round(deps.windowMs / 1000)} seconds from the server time (UTC)`,
    );
  }
  return { merchant, sessionId: deps.sessions.open(merchant) };
}
