/** The local clock against a server's HTTP `Date` header. */
export interface ClockSkew {
  /** Server time minus local time, in ms: positive when the local clock is behind. */
  skewMs: number;
  /** ± this much: the header has whole seconds, and the answer took time to arrive. */
  uncertaintyMs: number;
  serverDate: string;
}

/** Beyond this the doctor warns; 2Checkout documents no tolerance for the login date. */
export const CLOCK_WARN_MS = 30_000;

/**
 * The header names a second, somewhere between sending and receiving: compare its middle with the
 * middle of the exchange. Undefined when there is no parseable header.
 */
export function measureSkew(
  date: string | undefined,
  sentAt: number,
  receivedAt: number,
): ClockSkew | undefined {
  if (date === undefined) return undefined;
  const server = Date.parse(date);
  if (!Number.isFinite(server)) return undefined;
  const local = (sentAt + receivedAt) / 2;
  return {
    skewMs: Math.round(server + 500 - local),
    uncertaintyMs: Math.round(500 + (receivedAt - sentAt) / 2),
    serverDate: date,
  };
}

/** True when the skew is beyond `limitMs` even at the favourable end of the uncertainty. */
export function skewBeyond(skew: ClockSkew, limitMs: number): boolean {
  return Math.abs(skew.skewMs) - skew.uncertaintyMs > limitMs;
}

export function describeSkew(skew: ClockSkew): string {
  const seconds = (Math.abs(skew.skewMs) / 1000).toFixed(1);
  const pm = (skew.uncertaintyMs / 1000).toFixed(1);
  if (Math.abs(skew.skewMs) <= skew.uncertaintyMs)
    return `the local clock agrees with the server's Date header (within ±${pm} s)`;
  return `the local clock is ${seconds} s ${skew.skewMs > 0 ? 'behind' : 'ahead of'} the server's Date header (±${pm} s)`;
}
