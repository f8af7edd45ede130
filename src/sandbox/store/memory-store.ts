import type { SoapStruct } from '../xml/values';
import type { EntityKind, SandboxStore } from './store';

export class MemoryStore implements SandboxStore {
  private readonly docs = new Map<string, Map<string, string>>();
  private readonly sequences = new Map<string, number>();
  /** Undo log of the running transaction: restores what a failed operation had written. */
  private undo: (() => void)[] | undefined;

  private bucket(merchant: string, kind: EntityKind): Map<string, string> {
    const id = `${merchant}\u0000${kind}`;
    let bucket = this.docs.get(id);
    if (!bucket) {
      bucket = new Map();
      this.docs.set(id, bucket);
    }
    return bucket;
  }

  get(merchant: string, kind: EntityKind, key: string): SoapStruct | undefined {
    const text = this.bucket(merchant, kind).get(key);
    return text === undefined ? undefined : (JSON.parse(text) as SoapStruct);
  }

  private remember(bucket: Map<string, string>, key: string): void {
    if (!this.undo) return;
    const before = bucket.get(key);
    this.undo.push(() => (before === undefined ? bucket.delete(key) : bucket.set(key, before)));
  }

  put(merchant: string, kind: EntityKind, key: string, doc: SoapStruct): void {
    const bucket = this.bucket(merchant, kind);
    this.remember(bucket, key);
    bucket.set(key, JSON.stringify(doc));
  }

  delete(merchant: string, kind: EntityKind, key: string): void {
    const bucket = this.bucket(merchant, kind);
    this.remember(bucket, key);
    bucket.delete(key);
  }

  list(merchant: string, kind: EntityKind): SoapStruct[] {
    return [...this.bucket(merchant, kind).values()].map((t) => JSON.parse(t) as SoapStruct);
  }

  count(merchant: string, kind: EntityKind): number {
    return this.bucket(merchant, kind).size;
  }

  nextId(sequence: string, floor: number): number {
    const next = Math.max(this.sequences.get(sequence) ?? 0, floor - 1) + 1;
    this.sequences.set(sequence, next);
    return next;
  }

  bumpId(sequence: string, value: number): void {
    if ((this.sequences.get(sequence) ?? 0) < value) this.sequences.set(sequence, value);
  }

  transaction<T>(fn: () => T): T {
    if (this.undo) return fn();
    this.undo = [];
    const sequences = new Map(this.sequences);
    try {
      return fn();
    } catch (err) {
      for (const step of this.undo.reverse()) step();
      this.sequences.clear();
      for (const [k, v] of sequences) this.sequences.set(k, v);
      throw err;
    } finally {
      this.undo = undefined;
    }
  }

  close(): void {
    this.docs.clear();
  }
}
