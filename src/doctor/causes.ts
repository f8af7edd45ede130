// Why a login was refused (FORBIDDEN): the causes in the order an operator should check them,
// each rated with what the doctor could observe. The order is fixed (most common first); the
// rating says what the evidence points to.
import type { HashAlgorithm } from '../client/hash';
import { describeSkew, skewBeyond, type ClockSkew } from './clock';
import type { Cause } from './report';

/** Beyond this skew (after uncertainty) a refused login is blamed on the clock. */
export const SKEW_SUSPECT_MS = 60_000;

export interface AlgorithmProbe {
  algorithm: HashAlgorithm;
  outcome: 'accepted' | 'refused' | 'error';
  /** The service's faultstring (refused) or the error message (error); redacted. */
  message?: string;
}

export interface LoginEvidence {
  merchantCode: string;
  algorithm: HashAlgorithm;
  faultString: string;
  skew?: ClockSkew;
  /** Other algorithms tried with the same key; undefined when probing was off. */
  probes?: AlgorithmProbe[];
  /** The TCP peer of the probe (the proxy, when one is used). */
  remoteAddress?: string;
  remoteFamily?: string;
  viaProxy: boolean;
}

const SENT: Record<HashAlgorithm, string> = {
  sha256: 'the 4-part login, HMAC-SHA256 with algo=sha256',
  'sha3-256': 'the 4-part login, HMAC-SHA3-256 with algo=sha3-256',
  md5: 'the legacy 3-part HMAC-MD5 login (no algo)',
};

export function diagnoseLogin(e: LoginEvidence): Cause[] {
  const accepted = e.probes?.find((p) => p.outcome === 'accepted');
  const allRefused =
    e.probes !== undefined && e.probes.length > 0 && e.probes.every((p) => p.outcome === 'refused');
  const fault = e.faultString;
  const mentionsMd5 = /md5/i.test(fault);
  const mentionsAlgorithm = /\balgo(rithm)?\b/i.test(fault);
  const mentionsDate = /\bdate\b|\bclock\b|\btime\b/i.test(fault);
  const skewed = e.skew !== undefined && skewBeyond(e.skew, SKEW_SUSPECT_MS);
  const otherExplanation =
    accepted !== undefined || mentionsMd5 || mentionsAlgorithm || mentionsDate || skewed;
  const probeText =
    e.probes === undefined
      ? 'the other algorithms were not tried (--no-probe)'
      : e.probes.map((p) => `${p.algorithm}: ${p.outcome}${p.message ? ` ("${p.message}")` : ''}`).join('; ');

  const wrongSecret: Cause = {
    id: 'wrong-secret',
    title: 'Wrong secret key (or merchant code)',
    likelihood: accepted ? 'unlikely' : otherExplanation ? 'possible' : 'likely',
    evidence: accepted
      ? `a login with ${accepted.algorithm} and the same key was accepted`
      : `the service answered "${fault}"${allRefused ? ', and every hash algorithm tried was refused too' : ''}`,
    check:
      `compare TWOCHECKOUT_SECRET_KEY with the secret key shown in the 2Checkout Control Panel ` +
      `(Integrations > Webhooks & API) for merchant code ${e.merchantCode} (TWOCHECKOUT_MERCHANT_CODE); ` +
      'look for quotes or stray spaces in .env, a key of another account, or a key regenerated since',
  };

  const algorithm: Cause = {
    id: 'hash-algorithm',
    title: 'Hash algorithm: MD5 vs SHA',
    likelihood:
      accepted || mentionsMd5 || mentionsAlgorithm ? 'likely' : allRefused ? 'unlikely' : 'possible',
    evidence:
      `sent ${SENT[e.algorithm]}` +
      (mentionsMd5 || mentionsAlgorithm ? '; the faultstring names the algorithm' : '') +
      `; ${probeText}`,
    check: accepted
      ? `set TWOCHECKOUT_HASH_ALGORITHM=${accepted.algorithm}` +
        (accepted.algorithm === 'md5'
          ? ' for now: this account still takes MD5, which 2Checkout retired in 2024; ask 2Checkout to enable SHA'
          : '')
      : 'since 2024 2Checkout takes HMAC-SHA256 or SHA3-256 with algo and has retired MD5: ' +
        'TWOCHECKOUT_HASH_ALGORITHM should be sha256 (the default) or sha3-256; md5 only for an account that still needs it',
  };

  const clock: Cause = {
    id: 'clock-skew',
    title: 'Clock skew',
    likelihood: skewed || mentionsDate ? 'likely' : e.skew ? 'unlikely' : 'possible',
    evidence: e.skew
      ? `${describeSkew(e.skew)}${mentionsDate ? '; the faultstring is about the date' : ''}`
      : `the server sent no usable Date header, so the skew could not be measured${mentionsDate ? '; the faultstring is about the date' : ''}`,
    check:
      'the login date is the local clock in UTC: keep it NTP-synchronized (timedatectl status, chronyc tracking) ' +
      'and check the time zone handling of containers and VMs',
  };

  const ipv6 = !e.viaProxy && e.remoteFamily === 'IPv6';
  const allowList: Cause = {
    id: 'ip-allow-list',
    title: "The account's API IP allow-list",
    likelihood: accepted ? 'unlikely' : ipv6 ? 'likely' : 'possible',
    evidence: e.viaProxy
      ? `connected through a proxy (${e.remoteAddress ?? 'address unknown'}): the service sees the proxy's public address`
      : e.remoteAddress
        ? `connected to ${e.remoteAddress} over ${e.remoteFamily ?? 'IP'}${ipv6 ? ': the allow-list does not support IPv6' : ''}; ` +
          'the allow-list itself cannot be seen from here'
        : 'the allow-list cannot be seen from here',
    check:
      "if API access is restricted by IP address in the account's settings, this host's public (egress) IPv4 " +
      'address must be on the list; IPv6 is not supported there, so make this host reach the API over IPv4',
  };

  return [wrongSecret, algorithm, clock, allowList];
}
