// escapeText's fast path (nothing to escape: the text as it is) must give what the full escaping
// gives, which the PHP fixtures pin down byte for byte (test/sandbox/php-fidelity.test.ts).
import fc from 'fast-check';
import { escapeAttribute, escapeText } from '../../src/sandbox/xml/escape';

const INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function reference(text: string): string {
  return text
    .replace(INVALID, '')
    .replace(/[&<>\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[c] as string);
}

const tricky = fc.constantFrom(
  '&',
  '<',
  '>',
  '\r',
  '\n',
  '\t',
  '"',
  "'",
  '\u0000',
  '\u001F',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDC00',
  '😀',
  'é',
  'a',
  ']]>',
);
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.array(fc.oneof(tricky, fc.string({ maxLength: 3 })), { maxLength: 12 }).map((a) => a.join('')),
);

test('escapeText equals the full escaping on any string', () => {
  fc.assert(
    fc.property(text, (s) => {
      expect(escapeText(s)).toBe(reference(s));
    }),
    { numRuns: 5000, seed: 99 },
  );
});

test('escapeAttribute escapes quotes, tab and newline on top', () => {
  expect(escapeAttribute(`a"b'c\td\ne&<>\r`)).toBe('a&quot;b&apos;c&#9;d&#10;e&amp;&lt;&gt;&#13;');
  expect(escapeText('plain text 😀')).toBe('plain text 😀');
});
