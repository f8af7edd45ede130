import { isUtf8 } from 'node:buffer';
import { clientFault } from '../faults/soap-fault';

// The sandbox reads UTF-8 only. PHP's ext/soap would transcode a body that declares another
// encoding; a fault is more useful in a test stand-in: the client that sends ISO-8859-1 or UTF-16
// learns it here, and nothing is ever stored as U+FFFD (a lenient decode silently does that).

const UTF8_NAME = /^utf-?8$/i;
const ASCII_NAME = /^(us-)?ascii$/i;

/** Refuses an XML declaration's encoding that is not UTF-8 (or US-ASCII, a subset of it). */
export function checkDeclaredEncoding(name: string | undefined): void {
  if (name === undefined || UTF8_NAME.test(name) || ASCII_NAME.test(name)) return;
  throw clientFault(`Unsupported encoding ${clip(name)} in the XML declaration: send the request as UTF-8`);
}

/** The charset parameter of a Content-Type header, unquoted, or undefined. */
function charsetOf(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*("([^"]*)"|[^;\s]*)/i.exec(contentType ?? '');
  return m ? (m[2] ?? m[1]) : undefined;
}

// A client sends the same Content-Type on every request: its verdict is kept (a bounded cache).
const charsetVerdicts = new Map<string, { ascii: string | undefined; fault: Error | undefined }>();

function charsetVerdict(contentType: string | undefined): {
  ascii: string | undefined;
  fault: Error | undefined;
} {
  const key = contentType ?? '';
  let verdict = charsetVerdicts.get(key);
  if (verdict) return verdict;
  const charset = charsetOf(contentType);
  verdict =
    charset !== undefined && !UTF8_NAME.test(charset) && !ASCII_NAME.test(charset)
      ? {
          ascii: undefined,
          fault: clientFault(
            `Unsupported charset ${clip(charset)} in the Content-Type: send the request as UTF-8`,
          ),
        }
      : { ascii: charset !== undefined && ASCII_NAME.test(charset) ? charset : undefined, fault: undefined };
  if (charsetVerdicts.size >= 64) charsetVerdicts.clear();
  charsetVerdicts.set(key, verdict);
  return verdict;
}

// The XML declaration is ASCII whatever the encoding (bar UTF-16/32, caught before), so it can be
// read from the raw bytes before they are decoded.
const DECLARATION =
  /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml\s+version\s*=\s*(["'])[^"']*\1\s+encoding\s*=\s*(["'])([^"']*)\2/;

/**
 * Turns a request body into text: UTF-8 (a BOM is allowed), strictly. Anything else is a
 * `SOAP-ENV:Client` fault that says what was wrong and where: a non-UTF-8 charset in the
 * Content-Type or the XML declaration, a UTF-16 or UTF-32 body, or the first byte that is not UTF-8.
 */
export function decodeBody(bytes: Buffer, contentType?: string): string {
  const verdict = charsetVerdict(contentType);
  if (verdict.fault) throw clientFault(verdict.fault.message);
  if (looksLikeUtf16Or32(bytes)) {
    throw clientFault('The request body is UTF-16 or UTF-32: send the request as UTF-8');
  }
  const utf8 = isUtf8(bytes);
  // Valid UTF-8 (the usual case) is decoded first and its declaration read from the text, which
  // for the ASCII declaration is the same as reading it from the bytes.
  const text = utf8 ? bytes.toString('utf8') : '';
  const declared = DECLARATION.exec(utf8 ? text.slice(0, 256) : bytes.subarray(0, 256).toString('latin1'));
  if (declared) checkDeclaredEncoding(declared[3]);
  const ascii = verdict.ascii ?? (declared && ASCII_NAME.test(declared[3]) ? declared[3] : undefined);
  const nonAscii = ascii === undefined ? -1 : bytes.findIndex((b) => b >= 0x80);
  if (nonAscii >= 0) {
    throw clientFault(
      `The request declares ${ascii} but byte ${nonAscii} is not ASCII (line ${countLines(bytes, nonAscii)}); send the request as UTF-8`,
    );
  }
  if (!utf8) {
    const bad = firstInvalidUtf8(bytes);
    const where =
      bad === undefined
        ? ''
        : `: byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')} at offset ${bad} (line ${countLines(bytes, bad)})`;
    // libxml refuses such bytes too, and PHP answers "Bad Request".
    throw clientFault(`Bad Request: the request body is not valid UTF-8${where}; send the request as UTF-8`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function looksLikeUtf16Or32(b: Buffer): boolean {
  if (b.length < 2) return false;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  // '<' as UTF-16 or UTF-32 without a BOM: a zero byte beside it.
  return (b[0] === 0x3c && b[1] === 0x00) || (b[0] === 0x00 && (b[1] === 0x3c || b[1] === 0x00));
}

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or undefined when all of it is UTF-8.
 * Hand-written because TextDecoder and buffer.isUtf8 say whether, not where.
 */
export function firstInvalidUtf8(b: Uint8Array): number | undefined {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) min = 0xa0; // overlong
      if (c === 0xed) max = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) min = 0x90; // overlong
      if (c === 0xf4) max = 0x8f; // above U+10FFFF
    } else return i;
    if (i + need >= n) return i; // truncated
    if (b[i + 1] < min || b[i + 1] > max) return i;
    for (let k = 2; k <= need; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return i;
    i += need + 1;
  }
  return undefined;
}

function countLines(b: Buffer, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (b[i] === 0x0a) line++;
  return line;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
