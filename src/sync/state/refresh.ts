const DAY_SECONDS = 86_400;
/** A confirmation younger than this is never read again before the period is over (reruns within the hour). */
const MIN_AGE_SECONDS = 3_600;

/**
 * When a confirmation is old enough to be read again (`--refresh-after DAYS`). A customer is
 * re-read at the latest once its oldest confirmed field is DAYS old. So that a week's worth of
 * refreshes does not land on one night (every customer confirmed by the first run would come due
 * together on day DAYS), each customer has its own point in the period, from a hash of its key,
 * and is re-read when that point comes: about 1/DAYS of the customers a night, each once a period.
 * A confirmation less than an hour old is left alone until the period is over, so a rerun right
 * after a run reads nothing it does not have to.
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
    if (age < MIN_AGE_SECONDS) return false;
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
