// The memory store copies documents in and out the way the SQLite store's JSON text does, so the
// two stores hand operations the same values (and the wire answers cannot differ between them).
import fc from 'fast-check';
import { jsonCopy, MemoryStore } from '../../src/sandbox/store/memory-store';
import type { SoapStruct, SoapValue } from '../../src/sandbox/xml/values';

const jsonLike: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, NaN, Infinity, -Infinity, true, false, null, undefined, '1', '__proto__'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom('1', '0', 'constructor', '10', 'a', '__proto__')),
      tie('value'),
      {
        maxKeys: 5,
      },
    ),
  ),
})).value;

test('jsonCopy is JSON.parse(JSON.stringify(x)) for JSON-like documents', () => {
  fc.assert(
    fc.property(
      fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__')), jsonLike, { maxKeys: 6 }),
      (doc) => {
        const copy = jsonCopy(doc as SoapStruct);
        expect(JSON.stringify(copy)).toBe(JSON.stringify(doc));
        const expected: unknown = JSON.parse(JSON.stringify(doc));
        expect(copy).toEqual(expected);
        const shape = (v: unknown): unknown =>
          v === null || typeof v !== 'object'
            ? typeof v
            : Array.isArray(v)
              ? v.map(shape)
              : [Object.getPrototypeOf(v) === Object.prototype, Object.keys(v), Object.values(v).map(shape)];
        expect(shape(copy)).toEqual(shape(expected));
      },
    ),
    { numRuns: 2000, seed: 4242 },
  );
});

test('documents are copied in and out: callers never share objects with the store', () => {
  const store = new MemoryStore();
  const doc: SoapStruct = { a: 1, cards: [{ n: 'x' }] };
  store.put('M', 'customer', 'k', doc);
  (doc.cards as SoapStruct[])[0].n = 'changed after put';
  const read = store.get('M', 'customer', 'k') as SoapStruct;
  expect(read).toEqual({ a: 1, cards: [{ n: 'x' }] });
  (read.cards as SoapValue[]).push('changed after get');
  expect(store.get('M', 'customer', 'k')).toEqual({ a: 1, cards: [{ n: 'x' }] });
  expect(store.list('M', 'customer')).toEqual([{ a: 1, cards: [{ n: 'x' }] }]);
});

test('a failed transaction restores documents and sequences; a good one keeps both', () => {
  const store = new MemoryStore();
  store.put('M', 'customer', 'k', { v: 1 });
  expect(store.nextId('customer', 10)).toBe(10);
  expect(() =>
    store.transaction(() => {
      store.put('M', 'customer', 'k', { v: 2 });
      store.put('M', 'customer', 'new', { v: 3 });
      store.delete('M', 'customer', 'k');
      store.nextId('customer', 10);
      store.bumpId('order', 500);
      throw new Error('rule failed');
    }),
  ).toThrow('rule failed');
  expect(store.get('M', 'customer', 'k')).toEqual({ v: 1 });
  expect(store.get('M', 'customer', 'new')).toBeUndefined();
  expect(store.nextId('customer', 10)).toBe(11);
  expect(store.nextId('order', 1)).toBe(1);
  store.transaction(() => {
    store.put('M', 'customer', 'k', { v: 4 });
    store.nextId('customer', 10);
  });
  expect(store.get('M', 'customer', 'k')).toEqual({ v: 4 });
  expect(store.nextId('customer', 10)).toBe(13);
});
