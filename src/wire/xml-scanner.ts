// A strict, incremental XML tokenizer for SOAP responses, fed chunk by chunk as they arrive.
// Written by hand rather than taking sax because it does less, on purpose, and so does it faster:
// no DOCTYPE (refused outright, so no entity is ever declared or expanded), only the five XML
// entities and character references, namespaces resolved only when the decoder asks, no position
// bookkeeping. On the facade's hot path sax in xmlns mode costs about as much as everything else
// the client does per response (see BENCHMARKS.md); this scanner costs a fraction of it. It still
// enforces well-formedness: one root, matching end tags, quoted attributes, no stray `&` or `<`.
import { DecodeError } from './errors';
import { isXmlChar } from './xml-chars';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface XmlHandler {
  /** `attrs` is flat: name, value, name, value… (names as written, values decoded). */
  open(prefix: string, local: string, attrs: readonly string[], selfClosing: boolean): void;
  /** Decoded character data (text and CDATA); may arrive in several pieces per element. */
  text(text: string): void;
  close(): void;
}

// Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const INVALID_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NAME = /^[^\s<>&"'=/!?]+$/;
const ATTRIBUTE = /\s*([^\s=/>"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const WHITESPACE = /^[ \t\r\n]*$/;

function malformed(message: string): DecodeError {
  return new DecodeError('malformed', `malformed XML: ${message}`);
}

/** Replaces entity and character references; throws on anything else after `&`. */
export function decodeEntities(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw malformed('an & that starts no entity reference');
    const name = raw.slice(amp + 1, semi);
    let ch: string;
    switch (name) {
      case 'lt':
        ch = '<';
        break;
      case 'gt':
        ch = '>';
        break;
      case 'amp':
        ch = '&';
        break;
      case 'quot':
        ch = '"';
        break;
      case 'apos':
        ch = "'";
        break;
      default: {
        const code = /^#x[0-9a-fA-F]+$/.test(name)
          ? parseInt(name.slice(2), 16)
          : /^#[0-9]+$/.test(name)
            ? parseInt(name.slice(1), 10)
            : -1;
        if (code < 0) throw malformed(`unknown entity &${name.slice(0, 10)};`);
        if (!isXmlChar(code)) throw malformed('a character reference to a character XML does not allow');
        ch = String.fromCodePoint(code);
      }
    }
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

/** Text as an XML processor hands it over: valid characters only, line ends normalized to LF. */
function cleanText(raw: string): string {
  if (INVALID_CHARS.test(raw)) throw malformed('a character XML does not allow');
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return decodeEntities(text);
}

interface NsBinding {
  prefix: string;
  uri: string;
  depth: number;
}

export interface ScannerLimits {
  /** Deepest element nesting accepted. */
  maxDepth: number;
}

export class XmlScanner {
  private buf = '';
  private readonly names: string[] = [];
  private readonly bindings: NsBinding[] = [{ prefix: 'xml', uri: XML_NS, depth: 0 }];
  private rootSeen = false;
  private rootClosed = false;
  private started = false;

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: ScannerLimits,
  ) {}

  /** Current element depth (1 inside the root element). */
  get depth(): number {
    return this.names.length;
  }

  /** The namespace URI bound to `prefix` at the current position ('' for no prefix without a default). */
  uri(prefix: string): string | undefined {
    for (let i = this.bindings.length - 1; i >= 0; i--) {
      const b = this.bindings[i];
      if (b.prefix === prefix) return b.uri;
    }
    return prefix === '' ? '' : undefined;
  }

  write(chunk: string): void {
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    if (!this.started) {
      if (this.buf.length > 0 && this.buf.charCodeAt(0) === 0xfeff) this.buf = this.buf.slice(1);
      if (this.buf.length > 0) this.started = true;
    }
    this.scan(false);
  }

  /** The document is complete: anything pending or unclosed is an error. */
  end(): void {
    this.scan(true);
    if (!this.rootSeen) throw new DecodeError('not-soap', 'the response holds no XML element');
    if (!this.rootClosed) throw malformed(`the document ends inside <${this.names[this.names.length - 1]}>`);
  }

  private scan(final: boolean): void {
    const buf = this.buf;
    let pos = 0;
    const len = buf.length;
    while (pos < len) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Text up to the end: complete only when the document is.
        if (!final) break;
        this.onText(buf.slice(pos));
        pos = len;
        break;
      }
      if (lt > pos) this.onText(buf.slice(pos, lt));
      pos = lt;
      if (pos + 1 >= len) {
        if (final) throw malformed('the document ends inside a tag');
        break;
      }
      const next = buf.charCodeAt(pos + 1);
      if (next === 0x2f /* / */) {
        const gt = buf.indexOf('>', pos + 2);
        if (gt < 0) {
          if (final) throw malformed('the document ends inside an end tag');
          break;
        }
        this.onClose(buf.slice(pos + 2, gt).trimEnd());
        pos = gt + 1;
      } else if (next === 0x3f /* ? */) {
        const end = buf.indexOf('?>', pos + 2);
        if (end < 0) {
          if (final) throw malformed('the document ends inside a processing instruction');
          break;
        }
        if (this.rootSeen && buf.startsWith('<?xml', pos) && /\s/.test(buf[pos + 5] ?? '')) {
          throw malformed('an XML declaration that is not at the start');
        }
        pos = end + 2;
      } else if (next === 0x21 /* ! */) {
        if (buf.startsWith('<!--', pos)) {
          const end = buf.indexOf('-->', pos + 4);
          if (end < 0) {
            if (final) throw malformed('the document ends inside a comment');
            break;
          }
          pos = end + 3;
        } else if (buf.startsWith('<![CDATA[', pos)) {
          const end = buf.indexOf(']]>', pos + 9);
          if (end < 0) {
            if (final) throw malformed('the document ends inside CDATA');
            break;
          }
          if (this.names.length === 0) throw malformed('CDATA outside the root element');
          const raw = buf.slice(pos + 9, end);
          if (INVALID_CHARS.test(raw)) throw malformed('a character XML does not allow');
          this.handler.text(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
          pos = end + 3;
        } else if (buf.startsWith('<!DOCTYPE', pos) || buf.startsWith('<!doctype', pos)) {
          throw malformed('a DOCTYPE is not allowed in a SOAP message');
        } else if (len - pos < 9 && !final) {
          break;
        } else {
          throw malformed('an unknown <! construct');
        }
      } else {
        const gt = this.tagEnd(buf, pos + 1);
        if (gt < 0) {
          if (final) throw malformed('the document ends inside a start tag');
          break;
        }
        this.onOpen(buf, pos + 1, gt);
        pos = gt + 1;
      }
    }
    this.buf = pos >= len ? '' : buf.slice(pos);
  }

  /** Index of the `>` that ends the start tag beginning at `from`, skipping quoted values; -1 if not yet received. */
  private tagEnd(buf: string, from: number): number {
    let quote = 0;
    for (let i = from; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) {
        quote = c;
      } else if (c === 0x3e) {
        return i;
      } else if (c === 0x3c) {
        throw malformed('a < inside a tag');
      }
    }
    return -1;
  }

  private onText(raw: string): void {
    if (this.names.length === 0) {
      if (!WHITESPACE.test(raw)) {
        throw this.rootSeen
          ? malformed('text after the root element')
          : new DecodeError('not-soap', 'the response is not XML');
      }
      return;
    }
    this.handler.text(cleanText(raw));
  }

  private onOpen(buf: string, from: number, gt: number): void {
    if (this.rootClosed) throw malformed('a second root element');
    let end = gt;
    const selfClosing = buf.charCodeAt(gt - 1) === 0x2f;
    if (selfClosing) end = gt - 1;
    let nameEnd = from;
    while (nameEnd < end) {
      const c = buf.charCodeAt(nameEnd);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) break;
      nameEnd++;
    }
    const qname = buf.slice(from, nameEnd);
    if (!NAME.test(qname)) throw malformed('a start tag without a valid name');
    const depth = this.names.length + 1;
    if (depth > this.limits.maxDepth) {
      throw new DecodeError('limit', `elements nested deeper than ${this.limits.maxDepth} levels`);
    }
    const attrs: string[] = [];
    if (nameEnd < end) {
      ATTRIBUTE.lastIndex = nameEnd;
      for (;;) {
        const at = ATTRIBUTE.lastIndex;
        const m = ATTRIBUTE.exec(buf);
        if (!m || m.index !== at || ATTRIBUTE.lastIndex > end) {
          ATTRIBUTE.lastIndex = at;
          break;
        }
        const name = m[1] as string;
        const value = cleanText(m[2] ?? m[3] ?? '');
        if (name === 'xmlns') this.bindings.push({ prefix: '', uri: value, depth });
        else if (name.startsWith('xmlns:')) this.bindings.push({ prefix: name.slice(6), uri: value, depth });
        attrs.push(name, value);
      }
      if (!WHITESPACE.test(buf.slice(ATTRIBUTE.lastIndex, end)))
        throw malformed(`a bad attribute in <${qname}>`);
    }
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    this.rootSeen = true;
    this.names.push(qname);
    this.handler.open(prefix, local, attrs, selfClosing);
    if (selfClosing) this.pop();
  }

  private onClose(qname: string): void {
    const open = this.names[this.names.length - 1];
    if (open === undefined) throw malformed(`an end tag </${qname.slice(0, 40)}> without a start tag`);
    if (open !== qname) throw malformed(`</${qname.slice(0, 40)}> closes <${open}>`);
    this.pop();
  }

  private pop(): void {
    const depth = this.names.length;
    this.handler.close();
    this.names.pop();
    while (this.bindings.length > 1 && this.bindings[this.bindings.length - 1].depth === depth) {
      this.bindings.pop();
    }
    if (this.names.length === 0) this.rootClosed = true;
  }
}
