import { fnv1a32, inShard, parseShard } from '../../src/sync/shard';

describe('shards', () => {
  it('hashes with FNV-1a 32 (published test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('puts every key in exactly one of n shards', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `CRM-${i}`);
    for (const count of [1, 2, 3, 7]) {
      const shards = Array.from({ length: count }, (_, i) => ({ index: i + 1, count }));
      for (const key of keys) expect(shards.filter((s) => inShard(key, s))).toHaveLength(1);
    }
  });

  it('parses i/n and names the problem otherwise', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toMatch(/between 1 and 4/);
    expect(parseShard('5/4')).toMatch(/between 1 and 4/);
    expect(parseShard('2-4')).toMatch(/must look like 2\/4/);
  });
});
