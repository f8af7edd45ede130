// Why not src/wire/xml-scanner.ts, the client's strict scanner: the sandbox needs what that
// scanner does not do, by design (it is tuned for trusted-shape responses, chunk by chunk): the
// same well-formedness verdicts as saxes (XML 1.0 names, duplicate attributes by expanded name,
// unbound prefixes, `]]>` in text, comment syntax; test/sandbox/parse-xml.test.ts checks this
// against saxes), line:column in every fault (a client developer reads them), caps on attributes
// and elements checked while reading, a DOCTYPE skipped uninterpreted up to the root (PHP answers
// it in the root's SOAP version), and libxml's text-node model for ext/soap's "Violation of
// encoding rules". Making the scanner do all that would slow the client's hot path and change its
// verdicts; what both do identically, the XML 1.0 character classes, lives in src/wire/xml-chars.ts.
import { isXmlChar, isXmlNameChar as isNameChar, isXmlNameStart as isNameStart } from '../../wire/xml-chars';
import { clientFault, SoapFault } from '../faults/soap-fault';
import { checkDeclaredEncoding } from './decode-body';

export interface XmlAttribute {
  uri: string;
  local: string;
  value: string;
}

export interface XmlElement {
  local: string;
  uri: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** All character data directly inside (text and CDATA), concatenated, as an XML parser reports it. */
  text: string;
  /**
   * The character-data nodes PHP's ext/soap reads a scalar from: libxml's tree after ext/soap's
   * clean-up (comments never become nodes, whitespace-only text libxml deems ignorable is dropped,
   * adjacent text or adjacent CDATA merge, processing instructions and whitespace-only text nodes
   * are removed afterwards). More than one, or a CDATA where a number is expected, is what PHP
   * calls a "Violation of encoding rules".
   */
  textNodes: number;
  /** The last of those nodes ('' when there is none): a scalar's value when there is one node. */
  textValue: string;
  /** Whether that node is a CDATA section. */
  textIsCdata: boolean;
}

/**
 * Bounds on one request's tree, checked as the parser reads (an over-limit document is never read
 * to its end). A SOAP 1.1 request needs a handful of attributes per element (namespace
 * declarations, xsi:type, SOAP-ENC:arrayType); a large placeOrder a few thousand elements.
 */
export const XML_LIMITS = {
  maxDepth: 64,
  maxAttributesPerElement: 64,
  maxElements: 20_000,
} as const;

/**
 * Thrown for a document with a DOCTYPE, once the root element's start tag has been read (the DTD
 * itself is skipped, never interpreted: no entity is ever declared, expanded or fetched). PHP's
 * SoapServer refuses such a request in the SOAP version of its Envelope, hence the root's namespace.
 */
export class DoctypeRefused extends Error {
  constructor(readonly rootUri: string) {
    super('DOCTYPE is not allowed in a SOAP message');
    this.name = 'DoctypeRefused';
  }
}

/** A body that is not well-formed XML (or holds no element): what PHP calls a "Bad Request". */
export class MalformedXml extends SoapFault {
  constructor(message: string) {
    super('SOAP-ENV:Client', message);
    this.name = 'MalformedXml';
  }
}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

// Kinds of the last (or first) child node of an element, for the libxml model above.
const NONE = 0;
const TEXT = 1;
const CDATA = 2;
const OTHER = 3; // an element or a processing instruction

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const COLON = 0x3a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Whitespace as ext/soap's is_blank() sees it (after which it removes a text node). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Line ends as an XML processor hands them over: CR LF and a lone CR become LF. */
function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

interface Frame {
  element: XmlElement;
  /** The start tag's name as written, which the end tag must repeat. */
  name: string;
  /** How many namespace bindings this element declared (popped when it closes). */
  bindings: number;
  first: number;
  last: number;
  /** The text or CDATA node being built while `last` is TEXT or CDATA. */
  run: string;
}

/**
 * A strict, non-validating XML 1.0 + Namespaces parser for SOAP requests, written for the
 * sandbox's hot path: it replaces saxes (which cost about 60 % of the sandbox's CPU per request)
 * and checks what saxes checks, which test/sandbox/parse-xml.test.ts verifies by running both
 * over a generated corpus of well-formed and broken documents: characters XML 1.0 allows, names,
 * one root, matching end tags, quoted attributes without `<`, no duplicate attributes (by
 * expanded name too), bound prefixes and the reserved xml/xmlns bindings, the five predefined
 * entities and character references only, `]]>` never in text, well-formed comments, processing
 * instructions and XML declaration (UTF-8 or US-ASCII only, see decode-body.ts), nothing but
 * whitespace, comments and processing instructions outside the root. It is linear in the input
 * and stops at the first problem or cap (XML_LIMITS); a DOCTYPE is never interpreted (see
 * DoctypeRefused).
 */
class Parser {
  private pos = 0;
  private readonly stack: Frame[] = [];
  private readonly prefixes: string[] = ['xml', 'xmlns'];
  private readonly uris: string[] = [XML_NAMESPACE, XMLNS_NAMESPACE];
  private elements = 0;
  private root: XmlElement | undefined;
  private rootClosed = false;
  private doctype = false;

  constructor(private readonly xml: string) {}

  parse(): XmlElement {
    const { xml } = this;
    if (xml.charCodeAt(0) === 0xfeff) this.pos = 1;
    if (xml.startsWith('<?xml', this.pos)) {
      const after = xml.charCodeAt(this.pos + 5);
      if (isSpace(after) || after === QUESTION) this.declaration();
    }
    while (this.pos < xml.length) {
      if (this.stack.length > 0) this.content();
      else this.outside();
    }
    if (this.stack.length > 0) this.fail(`unclosed tag: ${this.stack[this.stack.length - 1].name}`);
    if (!this.root) throw new MalformedXml('Empty request: no XML element found');
    return this.root;
  }

  private fail(message: string, at = this.pos): never {
    const { xml } = this;
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at && i < xml.length; i++) {
      const c = xml.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && xml.charCodeAt(i + 1) !== 0x0a)) {
        line++;
        lineStart = i + 1;
      }
    }
    throw new MalformedXml(`Malformed XML: ${line}:${at - lineStart}: ${message}`);
  }

  /** Checks that xml[from, to) holds only characters XML 1.0 allows; returns whether it has a CR. */
  private checkChars(from: number, to: number): boolean {
    const { xml } = this;
    let cr = false;
    for (let i = from; i < to; i++) {
      const c = xml.charCodeAt(i);
      if (c < 0x20) {
        if (c === 0x0d) cr = true;
        else if (c !== 0x09 && c !== 0x0a) this.fail('disallowed character.', i);
      } else if (c >= 0xd800) {
        if (c <= 0xdbff) {
          const d = xml.charCodeAt(i + 1);
          if (!(d >= 0xdc00 && d <= 0xdfff) || i + 1 >= to) this.fail('disallowed character.', i);
          i++;
        } else if (c <= 0xdfff || c === 0xfffe || c === 0xffff) this.fail('disallowed character.', i);
      }
    }
    return cr;
  }

  /** The code point at `i` (surrogate pairs combined; a lone surrogate as itself). */
  private codeAt(i: number): number {
    const c = this.xml.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = this.xml.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
    }
    return c;
  }

  /** Reads an XML Name at pos (colons allowed; qualified-name rules are checked later). */
  private name(): string {
    const { xml } = this;
    const start = this.pos;
    let i = start;
    const first = this.codeAt(i);
    if (!isNameStart(first)) this.fail('disallowed character in name.', i);
    i += first > 0xffff ? 2 : 1;
    for (;;) {
      const c = xml.charCodeAt(i);
      if (c < 0x80) {
        if (!isNameChar(c)) break;
        i++;
        continue;
      }
      const cp = this.codeAt(i);
      if (!isNameChar(cp)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    this.pos = i;
    return xml.slice(start, i);
  }

  /** The same for the NCName of a processing instruction's target (no colon). */
  private ncName(): string {
    const start = this.pos;
    const first = this.codeAt(start);
    if (first === COLON || !isNameStart(first)) {
      this.fail('disallowed character in processing instruction name.', start);
    }
    let i = start + (first > 0xffff ? 2 : 1);
    for (;;) {
      const cp = this.codeAt(i);
      if (cp === COLON || !isNameChar(cp)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    this.pos = i;
    return this.xml.slice(start, i);
  }

  private skipSpaces(): void {
    while (isSpace(this.xml.charCodeAt(this.pos))) this.pos++;
  }

  /** At `&`: the replacement text of an entity or character reference, pos moved past the `;`. */
  private reference(): string {
    const { xml } = this;
    const at = this.pos;
    const semi = xml.indexOf(';', at + 1);
    if (semi < 0) this.fail('unexpected end.', xml.length);
    const name = xml.slice(at + 1, semi);
    this.pos = semi + 1;
    switch (name) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      case '':
        return this.fail('empty entity name.', at);
    }
    if (name.charCodeAt(0) !== 0x23) return this.fail('undefined entity.', at);
    let code = NaN;
    if (name.charCodeAt(1) === 0x78 && /^#x[0-9a-fA-F]+$/.test(name)) code = parseInt(name.slice(2), 16);
    else if (/^#[0-9]+$/.test(name)) code = parseInt(name.slice(1), 10);
    if (!isXmlChar(code)) this.fail('malformed character entity.', at);
    return String.fromCodePoint(code);
  }

  /** `<?xml ...?>` at the very start, as saxes reads it (version, then encoding, then standalone). */
  private declaration(): void {
    const { xml } = this;
    this.pos += 5;
    let expects = ['version'];
    let sawVersion = false;
    let encoding: string | undefined;
    for (;;) {
      this.skipSpaces();
      if (xml.charCodeAt(this.pos) === QUESTION) break;
      const nameStart = this.pos;
      while (this.pos < xml.length) {
        const c = xml.charCodeAt(this.pos);
        if (c === EQUALS || c === QUESTION || isSpace(c)) break;
        this.pos++;
      }
      const name = xml.slice(nameStart, this.pos);
      if (!expects.includes(name))
        this.fail(`unexpected ${name ? `"${name}"` : 'end'} in the XML declaration.`);
      this.checkChars(nameStart, this.pos);
      this.skipSpaces();
      if (xml.charCodeAt(this.pos) !== EQUALS) this.fail('value required.');
      this.pos++;
      this.skipSpaces();
      const q = xml.charCodeAt(this.pos);
      if (q !== DQUOTE && q !== SQUOTE) this.fail('value must be quoted.');
      const end = xml.indexOf(q === DQUOTE ? '"' : "'", this.pos + 1);
      const question = xml.indexOf('?', this.pos + 1);
      if (end < 0 || (question >= 0 && question < end)) this.fail('XML declaration is incomplete.');
      const value = xml.slice(this.pos + 1, end);
      this.checkChars(this.pos + 1, end);
      this.pos = end + 1;
      if (name === 'version') {
        if (!/^1\.[0-9]+$/.test(value)) this.fail('version number must match /^1\\.[0-9]+$/.');
        sawVersion = true;
        expects = ['encoding', 'standalone'];
      } else if (name === 'encoding') {
        if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(value)) this.fail('malformed encoding name.');
        encoding = value;
        expects = ['standalone'];
      } else {
        if (value !== 'yes' && value !== 'no') this.fail('standalone value must match "yes" or "no".');
        expects = [];
      }
      const next = xml.charCodeAt(this.pos);
      if (next === QUESTION) break;
      if (!isSpace(next)) this.fail('whitespace required.');
    }
    // at '?'
    if (xml.charCodeAt(this.pos + 1) !== GT)
      this.fail('The character ? is disallowed anywhere in XML declarations.');
    if (!sawVersion) this.fail('XML declaration must contain a version.');
    this.pos += 2;
    checkDeclaredEncoding(encoding);
  }

  /** Before and after the root: whitespace, comments, processing instructions, one root element. */
  private outside(): void {
    const { xml } = this;
    const c = xml.charCodeAt(this.pos);
    if (isSpace(c)) {
      this.pos++;
      return;
    }
    if (c !== LT) this.fail('text data outside of root node.');
    const next = xml.charCodeAt(this.pos + 1);
    if (next === QUESTION) return this.processingInstruction();
    if (next === BANG) {
      if (xml.startsWith('<!--', this.pos)) return this.comment();
      if (xml.startsWith('<![CDATA[', this.pos)) this.fail('text data outside of root node.');
      if (xml.startsWith('<!DOCTYPE', this.pos) && !this.doctype && !this.root) return this.skipDoctype();
      this.fail('incorrect syntax.');
    }
    if (next === SLASH) this.fail('unmatched closing tag.');
    if (this.rootClosed) this.fail('documents may contain only one root.');
    this.pos++;
    this.startTag();
  }

  /** Inside the root: character data up to the next markup, then the markup. */
  private content(): void {
    const { xml } = this;
    const start = this.pos;
    let i = start;
    let cr = false;
    let blank = true;
    const n = xml.length;
    for (; i < n; i++) {
      const c = xml.charCodeAt(i);
      if (c === LT || c === AMP) break;
      if (c < 0x20) {
        if (c === 0x0d) cr = true;
        else if (c !== 0x09 && c !== 0x0a) this.fail('disallowed character.', i);
      } else {
        if (c !== 0x20) blank = false;
        if (c === GT) {
          if (i - start >= 2 && xml.charCodeAt(i - 1) === 0x5d && xml.charCodeAt(i - 2) === 0x5d) {
            this.fail('the string "]]>" is disallowed in char data.', i);
          }
        } else if (c >= 0xd800) {
          if (c <= 0xdbff) {
            const d = xml.charCodeAt(i + 1);
            if (!(d >= 0xdc00 && d <= 0xdfff)) this.fail('disallowed character.', i);
            i++;
          } else if (c <= 0xdfff || c === 0xfffe || c === 0xffff) this.fail('disallowed character.', i);
        }
      }
    }
    if (i > start) {
      const raw = xml.slice(start, i);
      this.characters(cr ? normalizeNewlines(raw) : raw, blank && xml.charCodeAt(i) === LT, i);
    }
    this.pos = i;
    if (i >= n) return;
    if (xml.charCodeAt(i) === AMP) {
      this.characters(this.reference(), false, this.pos);
      return;
    }
    const next = xml.charCodeAt(i + 1);
    if (next === SLASH) return this.endTag();
    if (next === QUESTION) {
      this.mark(OTHER);
      return this.processingInstruction();
    }
    if (next === BANG) {
      if (xml.startsWith('<!--', i)) return this.comment();
      if (xml.startsWith('<![CDATA[', i)) return this.cdata();
      if (xml.startsWith('<!DOCTYPE', i)) this.fail('inappropriately located doctype declaration.');
      this.fail('incorrect syntax.');
    }
    this.pos = i + 1;
    this.startTag();
  }

  /**
   * Character data for the current element. `ignorableBlank`: a whitespace-only run right before
   * markup, which libxml (as ext/soap configures it) may drop, by its areBlanks() heuristic:
   * kept as the only content of an element, after text, or when the first child is text.
   */
  private characters(text: string, ignorableBlank: boolean, at: number): void {
    const frame = this.stack[this.stack.length - 1];
    frame.element.text += text;
    if (ignorableBlank) {
      const onlyContent = frame.first === NONE && this.xml.charCodeAt(at + 1) === SLASH;
      if (!onlyContent && frame.last !== TEXT && frame.first !== TEXT) return;
    }
    if (frame.last === TEXT) {
      frame.run += text;
      return;
    }
    this.mark(TEXT);
    frame.run = text;
  }

  /** A new child node of the current element: ends the text or CDATA node being built. */
  private mark(kind: number): void {
    const frame = this.stack[this.stack.length - 1];
    this.closeRun(frame);
    if (frame.first === NONE) frame.first = kind;
    frame.last = kind;
  }

  private closeRun(frame: Frame): void {
    if (frame.last === TEXT) {
      if (!isBlank(frame.run)) this.countNode(frame.element, frame.run, false);
    } else if (frame.last === CDATA) {
      this.countNode(frame.element, frame.run, true);
    }
    frame.run = '';
  }

  private countNode(element: XmlElement, value: string, cdata: boolean): void {
    element.textNodes++;
    element.textValue = value;
    element.textIsCdata = cdata;
  }

  private comment(): void {
    const { xml } = this;
    const from = this.pos + 4;
    const end = xml.indexOf('--', from);
    if (end < 0) this.fail('unexpected end.', xml.length);
    if (xml.charCodeAt(end + 2) !== GT) this.fail('malformed comment.', end);
    this.checkChars(from, end);
    this.pos = end + 3;
  }

  private cdata(): void {
    const { xml } = this;
    const from = this.pos + 9;
    const end = xml.indexOf(']]>', from);
    if (end < 0) this.fail('unexpected end.', xml.length);
    const cr = this.checkChars(from, end);
    const raw = xml.slice(from, end);
    const text = cr ? normalizeNewlines(raw) : raw;
    this.pos = end + 3;
    const frame = this.stack[this.stack.length - 1];
    frame.element.text += text;
    if (frame.last === CDATA) {
      frame.run += text;
      return;
    }
    this.mark(CDATA);
    frame.run = text;
  }

  private processingInstruction(): void {
    const { xml } = this;
    this.pos += 2;
    const c = xml.charCodeAt(this.pos);
    if (c === QUESTION || isSpace(c)) this.fail('processing instruction without a target.');
    const target = this.ncName();
    const after = xml.charCodeAt(this.pos);
    if (after !== QUESTION && !isSpace(after))
      this.fail('disallowed character in processing instruction name.');
    if (target.toLowerCase() === 'xml') this.fail('an XML declaration must be at the start of the document.');
    const end = xml.indexOf('?>', this.pos);
    if (end < 0) this.fail('unexpected end.', xml.length);
    this.checkChars(this.pos, end);
    this.pos = end + 2;
  }

  /** Skips `<!DOCTYPE ...>` (and its internal subset) without interpreting any of it. */
  private skipDoctype(): void {
    const { xml } = this;
    this.doctype = true;
    let i = this.pos + 9;
    let subset = false;
    for (;;) {
      if (i >= xml.length) this.fail('unexpected end.', xml.length);
      const c = xml.charCodeAt(i);
      if (c === DQUOTE || c === SQUOTE) {
        const close = xml.indexOf(c === DQUOTE ? '"' : "'", i + 1);
        if (close < 0) this.fail('unexpected end.', xml.length);
        i = close + 1;
      } else if (subset) {
        if (c === 0x5d) subset = false;
        else if (c === LT && xml.startsWith('<!--', i)) {
          const close = xml.indexOf('-->', i + 4);
          if (close < 0) this.fail('unexpected end.', xml.length);
          i = close + 3;
          continue;
        } else if (c === LT && xml.charCodeAt(i + 1) === QUESTION) {
          const close = xml.indexOf('?>', i + 2);
          if (close < 0) this.fail('unexpected end.', xml.length);
          i = close + 2;
          continue;
        }
        i++;
      } else if (c === 0x5b) {
        subset = true;
        i++;
      } else if (c === GT) {
        this.pos = i + 1;
        return;
      } else i++;
    }
  }

  private startTag(): void {
    const { xml } = this;
    const depth = this.stack.length;
    if (depth >= XML_LIMITS.maxDepth) {
      throw clientFault(`XML nesting deeper than ${XML_LIMITS.maxDepth} levels`);
    }
    if (++this.elements > XML_LIMITS.maxElements) {
      throw clientFault(`More than ${XML_LIMITS.maxElements} XML elements in one request`);
    }
    const name = this.name();
    if (depth > 0) this.mark(OTHER);
    let names: string[] | undefined;
    let values: string[] | undefined;
    let bindings = 0;
    let selfClosing = false;
    for (;;) {
      const c = xml.charCodeAt(this.pos);
      if (c === GT) {
        this.pos++;
        break;
      }
      if (c === SLASH) {
        if (xml.charCodeAt(this.pos + 1) !== GT) this.fail('forward-slash in opening tag not followed by >.');
        this.pos += 2;
        selfClosing = true;
        break;
      }
      if (!isSpace(c)) this.fail(this.pos >= xml.length ? 'unexpected end.' : 'disallowed character in tag.');
      this.skipSpaces();
      const d = xml.charCodeAt(this.pos);
      if (d === GT || d === SLASH) continue;
      if (this.pos >= xml.length) this.fail('unexpected end.');
      const attrName = this.name();
      this.skipSpaces();
      if (xml.charCodeAt(this.pos) !== EQUALS) this.fail('attribute without value.');
      this.pos++;
      this.skipSpaces();
      const value = this.attributeValue();
      names ??= [];
      values ??= [];
      if (names.length >= XML_LIMITS.maxAttributesPerElement) {
        throw clientFault(`More than ${XML_LIMITS.maxAttributesPerElement} attributes on one XML element`);
      }
      names.push(attrName);
      values.push(value);
      bindings += this.declare(attrName, value);
      const after = xml.charCodeAt(this.pos);
      if (after !== GT && after !== SLASH && !isSpace(after)) {
        this.fail(
          isNameStart(after)
            ? 'no whitespace between attributes.'
            : 'disallowed character in attribute name.',
        );
      }
    }
    const element = this.element(name, names, values);
    if (this.doctype) throw new DoctypeRefused(element.uri);
    if (depth === 0) this.root = element;
    else this.stack[depth - 1].element.children.push(element);
    if (selfClosing) {
      this.unbind(bindings);
      if (depth === 0) this.rootClosed = true;
    } else {
      this.stack.push({ element, name, bindings, first: NONE, last: NONE, run: '' });
    }
  }

  /** A quoted attribute value, references replaced and whitespace normalized as XML requires. */
  private attributeValue(): string {
    const { xml } = this;
    const q = xml.charCodeAt(this.pos);
    if (q !== DQUOTE && q !== SQUOTE) this.fail('unquoted attribute value.');
    let i = ++this.pos;
    let value = '';
    let from = i;
    for (;;) {
      if (i >= xml.length) this.fail('unexpected end.', i);
      const c = xml.charCodeAt(i);
      if (c === q) break;
      if (c === LT) this.fail('disallowed character.', i);
      if (c === AMP) {
        value += xml.slice(from, i);
        this.pos = i;
        value += this.reference();
        i = from = this.pos;
        continue;
      }
      if (c < 0x20) {
        if (c === 0x09 || c === 0x0a || c === 0x0d) {
          value += `${xml.slice(from, i)} `;
          if (c === 0x0d && xml.charCodeAt(i + 1) === 0x0a) i++;
          from = i + 1;
        } else this.fail('disallowed character.', i);
      } else if (c >= 0xd800) {
        if (c <= 0xdbff) {
          const d = xml.charCodeAt(i + 1);
          if (!(d >= 0xdc00 && d <= 0xdfff)) this.fail('disallowed character.', i);
          i++;
        } else if (c <= 0xdfff || c === 0xfffe || c === 0xffff) this.fail('disallowed character.', i);
      }
      i++;
    }
    this.pos = i + 1;
    return value + xml.slice(from, i);
  }

  /** Binds a prefix (or the default namespace) declared by an xmlns attribute; returns 1 if bound. */
  private declare(name: string, value: string): number {
    let prefix: string;
    if (name === 'xmlns') prefix = '';
    else if (name.startsWith('xmlns:')) {
      prefix = this.qualified(name).local;
    } else return 0;
    const uri = value.trim();
    if (prefix !== '' && uri === '') this.fail('invalid attempt to undefine prefix in XML 1.0');
    if (prefix === 'xml' && uri !== XML_NAMESPACE) this.fail(`xml prefix must be bound to ${XML_NAMESPACE}.`);
    if (prefix === 'xmlns') this.fail('may not declare the xmlns prefix.');
    if (uri === XMLNS_NAMESPACE) this.fail(`may not bind a prefix to ${XMLNS_NAMESPACE}.`);
    if (uri === XML_NAMESPACE && prefix !== 'xml')
      this.fail('may not assign the xml namespace to another prefix.');
    this.prefixes.push(prefix);
    this.uris.push(uri);
    return 1;
  }

  private unbind(count: number): void {
    this.prefixes.length -= count;
    this.uris.length -= count;
  }

  private resolve(prefix: string): string | undefined {
    const { prefixes } = this;
    for (let i = prefixes.length - 1; i >= 0; i--) if (prefixes[i] === prefix) return this.uris[i];
    return undefined;
  }

  private qualified(name: string): { prefix: string; local: string } {
    const colon = name.indexOf(':');
    if (colon < 0) return { prefix: '', local: name };
    const prefix = name.slice(0, colon);
    const local = name.slice(colon + 1);
    if (prefix === '' || local === '' || local.includes(':')) this.fail(`malformed name: ${name}.`);
    return { prefix, local };
  }

  /** The element with namespaces resolved (its own declarations included); duplicates refused. */
  private element(name: string, names: string[] | undefined, values: string[] | undefined): XmlElement {
    const { prefix, local } = this.qualified(name);
    const uri = this.resolve(prefix) ?? '';
    if (prefix !== '') {
      if (prefix === 'xmlns') this.fail('tags may not have "xmlns" as prefix.');
      if (uri === '') this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
    }
    const attributes: XmlAttribute[] = [];
    if (names !== undefined && values !== undefined) {
      // Expanded names, to refuse duplicates (a:x and b:x with a and b bound to one URI included).
      const keys: string[] = [];
      for (let k = 0; k < names.length; k++) {
        const attr = names[k];
        const q = this.qualified(attr);
        let attrUri: string;
        let key: string;
        if (q.prefix === '') {
          attrUri = attr === 'xmlns' ? XMLNS_NAMESPACE : '';
          key = attr;
        } else {
          const resolved = this.resolve(q.prefix);
          if (resolved === undefined) this.fail(`unbound namespace prefix: ${JSON.stringify(q.prefix)}.`);
          attrUri = resolved;
          key = `{${attrUri}}${q.local}`;
        }
        if (keys.includes(key)) this.fail(`duplicate attribute: ${key}.`);
        keys.push(key);
        attributes.push({ uri: attrUri, local: q.local, value: values[k] });
      }
    }
    return {
      local,
      uri,
      attributes,
      children: [],
      text: '',
      textNodes: 0,
      textValue: '',
      textIsCdata: false,
    };
  }

  private endTag(): void {
    const { xml } = this;
    this.pos += 2;
    const start = this.pos;
    while (this.pos < xml.length) {
      const c = xml.charCodeAt(this.pos);
      if (c < 0x80 ? !isNameChar(c) : !isNameChar(this.codeAt(this.pos))) break;
      this.pos += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    const name = xml.slice(start, this.pos);
    this.skipSpaces();
    if (xml.charCodeAt(this.pos) !== GT) this.fail('disallowed character in closing tag.');
    const frame = this.stack[this.stack.length - 1];
    if (name !== frame.name) this.fail(`unmatched closing tag: ${name}.`, start);
    this.pos++;
    this.closeRun(frame);
    this.stack.pop();
    this.unbind(frame.bindings);
    if (this.stack.length === 0) this.rootClosed = true;
  }
}

/** Parses a request body into a small namespace-resolved tree; see Parser for what is checked. */
export function parseXml(xml: string): XmlElement {
  return new Parser(xml).parse();
}
