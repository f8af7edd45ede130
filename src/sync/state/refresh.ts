const DAY_SECONDS = 86_400;

/**
 * When a confirmation is old enough to be read again (`--refresh-after DAYS`). A customer is
 * re-read once its oldest confirmed field is DAYS old at the latest; so that a week's worth of
 * refreshes does not land on one night (every customer confirmed by the first run would come due
 * together on day DAYS), each customer also has its own point in the period, from a hash of its
 * key: it is re-read at the first such point after half the period. From the second period on
 * each customer comes due every DAYS days at its own point, about 1/DAYS of them a night, and
 * never within half a period of its confirmation, nor later than a whole one.
 */
export class RefreshRule {
  private readonly period: number;

  constructor(refreshAfterDays: number) {
    this.period = refreshAfterDays * DAY_SECONDS;
  }

  /** Whether a customer confirmed at `confirmedAt` (seconds) is due for a read at `now`. */
  due(keyId: string, confirmedAt: number, now: number): boolean {
    const age = now - confirmedAt;
    if (this.period <= 0 || age >= this.period) return true;
    if (age < this.period / 2) return false;
    const phase = phaseOf(keyId) * this.period;
    return Math.floor((now + phase) / this.period) > Math.floor((confirmedAt + phase) / this.period);
  }
}

/** A key's point in the period, in [0, 1): FNV-1a of the key, spread evenly. */
function phaseOf(keyId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < keyId.length; i++) h = Math.imul(h ^ keyId.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4294967296;
}
