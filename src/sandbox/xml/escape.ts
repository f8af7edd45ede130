// Characters XML 1.0 forbids anywhere (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
const INVALID_XML_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function hasInvalidXmlChars(text: string): boolean {
  INVALID_XML_CHARS.lastIndex = 0;
  const found = INVALID_XML_CHARS.test(text);
  INVALID_XML_CHARS.lastIndex = 0;
  return found;
}

/**
 * Escapes text content the way libxml2 (PHP ext/soap) does: `&`, `<`, `>` (so `]]>` can never
 * appear) and CR as `&#13;` so it survives parsing; quotes stay literal, as PHP leaves them.
 * Characters XML 1.0 cannot carry are dropped rather than emitted as broken XML.
 */
// Anything escapeText would change: markup characters, CR, or a character XML cannot carry.
const NEEDS_ESCAPING =
  // eslint-disable-next-line no-control-regex
  /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

export function escapeText(text: string): string {
  // Most values need nothing: skip both passes (surrogates, paired or not, take the slow path).
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      default:
        return '&#13;';
    }
  });
}

/** Attribute values: also quotes, tab and newline, so a value round-trips unchanged. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/["'\t\n]/g, (c) =>
    c === '"' ? '&quot;' : c === "'" ? '&apos;' : c === '\t' ? '&#9;' : '&#10;',
  );
}
