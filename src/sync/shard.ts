/** One shard of an input split by a hash of the key (`--shard I/N`). */
export interface Shard {
  /** 1-based: shard 1/4 … 4/4. */
  index: number;
  /** How many shards there are. */
  count: number;
}

/** FNV-1a 32-bit over the UTF-8 bytes: tiny, and the same on every host and Node version. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Parses `--shard i/n` (1 ≤ i ≤ n ≤ 1024). */
export function parseShard(spec: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  if (!m)
    return `--shard must look like 2/4 (this host's shard / number of shards), got ${JSON.stringify(spec)}`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 1024)
    return `--shard: the number of shards must be between 1 and 1024, got ${count}`;
  if (index < 1 || index > count) return `--shard: the shard must be between 1 and ${count}, got ${index}`;
  return { index, count };
}

/** Whether a record with this key belongs to the shard: every record of one key lands in the same one. */
export function inShard(keyText: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count === 1) return true;
  return fnv1a32(keyText) % shard.count === shard.index - 1;
}
