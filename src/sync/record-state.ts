/** Per-record state from the journal, by ordinal: a few bytes per record, so millions fit. */
export const RecordState = {
  None: 0,
  /** Reached a final outcome: skipped by later runs. */
  Done: 1,
  /** Failed for a reason that may pass later (network, throttling): tried again by the next run. */
  Retry: 2,
} as const;
export type RecordState = (typeof RecordState)[keyof typeof RecordState];

export class RecordStates {
  private hashes = new Uint32Array(1024);
  private entries = new Uint32Array(1024);
  private states = new Uint8Array(1024);
  /** Highest ordinal seen. */
  size = 0;

  private grow(ordinal: number): void {
    if (ordinal < this.states.length) return;
    let length = this.states.length;
    while (length <= ordinal) length *= 2;
    const hashes = new Uint32Array(length);
    hashes.set(this.hashes);
    const entries = new Uint32Array(length);
    entries.set(this.entries);
    const states = new Uint8Array(length);
    states.set(this.states);
    this.hashes = hashes;
    this.entries = entries;
    this.states = states;
  }

  /** Records the latest journal entry (its 0-based index among record entries) for an ordinal. */
  set(ordinal: number, hash: number, state: RecordState, entry: number): void {
    this.grow(ordinal);
    this.hashes[ordinal] = hash >>> 0;
    this.states[ordinal] = state;
    this.entries[ordinal] = entry;
    if (ordinal > this.size) this.size = ordinal;
  }

  state(ordinal: number): RecordState {
    return ordinal < this.states.length ? (this.states[ordinal] as RecordState) : RecordState.None;
  }

  hash(ordinal: number): number {
    return this.hashes[ordinal];
  }

  /** Index (among record entries) of the latest journal entry for an ordinal. */
  entry(ordinal: number): number {
    return this.entries[ordinal];
  }

  /** Whether journal record entry `entry` is the latest word on its ordinal. */
  isLatest(ordinal: number, entry: number): boolean {
    return (
      ordinal < this.states.length &&
      this.states[ordinal] !== RecordState.None &&
      this.entries[ordinal] === entry
    );
  }
}
