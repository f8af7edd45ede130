import { isUtf8 } from 'node:buffer';
import { createPrng } from '../../src/sandbox/faults/prng';
import { decodeBody, firstInvalidUtf8 } from '../../src/sandbox/xml/decode-body';

describe('firstInvalidUtf8 agrees with the platform validator and points at the first bad byte', () => {
  // Random byte strings biased towards UTF-8 lead and continuation bytes, so that valid and
  // invalid multi-byte sequences both come up often.
  const random = createPrng(12);
  const POOL = [
    0x41, 0x0a, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0,
    0xf4, 0xf5, 0xff,
  ];
  const cases = Array.from({ length: 5000 }, () =>
    Buffer.from(
      Array.from({ length: 1 + Math.floor(random() * 12) }, () => POOL[Math.floor(random() * POOL.length)]),
    ),
  );

  test('valid exactly when isUtf8 says so', () => {
    let invalid = 0;
    for (const b of cases) {
      const at = firstInvalidUtf8(b);
      expect([b.toString('hex'), at === undefined]).toEqual([b.toString('hex'), isUtf8(b)]);
      if (at !== undefined) {
        invalid++;
        // Everything before the reported byte is valid UTF-8; the byte itself starts no valid sequence.
        expect(isUtf8(b.subarray(0, at))).toBe(true);
      }
    }
    expect(invalid).toBeGreaterThan(500);
    expect(invalid).toBeLessThan(cases.length);
  });

  test('every code point encoded by the platform is valid', () => {
    for (const cp of [0, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x10ffff]) {
      expect(firstInvalidUtf8(Buffer.from(String.fromCodePoint(cp), 'utf8'))).toBeUndefined();
    }
  });
});

test('decodeBody strips a UTF-8 BOM and keeps everything else', () => {
  expect(decodeBody(Buffer.from('\uFEFF<a>ü</a>', 'utf8'))).toBe('<a>ü</a>');
  expect(decodeBody(Buffer.from('<a>\uFEFF</a>', 'utf8'), 'text/xml; charset=UTF-8')).toBe('<a>\uFEFF</a>');
});

test.each([
  ['<?xml version="1.0" encoding="windows-1252"?><a/>', undefined, /Unsupported encoding windows-1252/],
  ["<?xml version='1.0' encoding='latin1'?><a/>", undefined, /Unsupported encoding latin1/],
  ['<a/>', 'application/soap+xml; charset=iso-8859-15; action="x"', /Unsupported charset iso-8859-15/],
])('decodeBody(%j, %j) refuses', (body, type, message) => {
  expect(() => decodeBody(Buffer.from(body), type)).toThrow(message);
});
