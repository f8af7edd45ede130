import { schema } from '../../../generated/twocheckout/schema';
import { clientFault, SoapFault } from '../faults/soap-fault';
import { hasInvalidXmlChars } from './escape';
import { NS } from './namespaces';
import { DoctypeRefused, MalformedXml, parseXml, type XmlElement } from './parse-xml';
import type { SoapStruct, SoapValue } from './values';

type FieldDef = { readonly name: string; readonly type: string };
type TypeDef =
  | { readonly kind: 'struct'; readonly fields: readonly FieldDef[] }
  | { readonly kind: 'array'; readonly itemType: string };
type OperationDef = { readonly input: readonly FieldDef[]; readonly output: FieldDef };

const types = schema.types as unknown as Record<string, TypeDef>;
const operations = schema.operations as unknown as Record<string, OperationDef>;

// Parts and struct fields by name, looked up once per element on the hot path.
const partsByOperation = new Map<string, Map<string, FieldDef>>(
  Object.entries(operations).map(([name, def]) => [name, new Map(def.input.map((p) => [p.name, p]))]),
);
const fieldsByType = new Map<string, Map<string, FieldDef>>(
  Object.entries(types).flatMap(([name, def]) =>
    def.kind === 'struct' ? [[name, new Map(def.fields.map((f) => [f.name, f]))] as const] : [],
  ),
);

export type OperationName = keyof typeof schema.operations;

export interface DecodedRequest {
  operation: OperationName;
  /** Parts by name; a part the request did not send is absent, a nil one is null. */
  args: Record<string, SoapValue | undefined>;
}

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}

export function operationDef(name: OperationName): OperationDef {
  return operations[name];
}

const SOAP12_ENV = 'http://www.w3.org/2003/05/soap-envelope';
const ACTOR_NEXT = 'http://schemas.xmlsoap.org/soap/actor/next';

function elementChildren(element: XmlElement): XmlElement[] {
  return element.children;
}

function isSoap(element: XmlElement | undefined, local: string): boolean {
  return element !== undefined && element.local === local && element.uri === NS['SOAP-ENV'];
}

function soapAttribute(element: XmlElement, local: string): string | undefined {
  for (const a of element.attributes) if (a.local === local && a.uri === NS['SOAP-ENV']) return a.value;
  return undefined;
}

function hasUnqualifiedAttribute(element: XmlElement): boolean {
  return element.attributes.some((a) => a.uri === '');
}

/** PHP checks a SOAP-ENV:encodingStyle on the call and on each header entry (not deeper). */
function checkEncodingStyle(element: XmlElement): void {
  const style = soapAttribute(element, 'encodingStyle');
  if (style !== undefined && style !== NS['SOAP-ENC']) throw clientFault('Unknown Data Encoding Style');
}

/**
 * Whether a header entry must be understood, as PHP's SoapServer reads it: an entry for another
 * actor is skipped (only the default one and .../actor/next are ours), SOAP-ENV:mustUnderstand
 * takes exactly "1"/"true" or "0"/"false", anything else is a Client fault.
 */
function mustUnderstand(entry: XmlElement): boolean {
  checkEncodingStyle(entry);
  const actor = soapAttribute(entry, 'actor');
  if (actor !== undefined && actor !== ACTOR_NEXT) return false;
  const value = soapAttribute(entry, 'mustUnderstand');
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw clientFault('mustUnderstand value is not boolean');
}

/**
 * Decodes a request body: SOAP 1.1 envelope, rpc operation element, parts matched by name
 * (prefixed or not, with or without xsi:type — what node-soap, PHP SoapClient and zeep send).
 * Values are read by the schema's declared types; xsi:type on the wire is not trusted.
 * Unknown parts and unknown struct fields are refused with a SOAP-ENV:Client fault naming them, so
 * a misspelt field never silently drops data.
 *
 * The envelope is checked in PHP's SoapServer's order and with its faultcodes and faultstrings
 * (test/sandbox/php-http-differential.test.ts sends the same raw requests to both; where the
 * sandbox says more, its faultstring starts with PHP's and adds the detail after ": "). Deliberate
 * differences, each for a request PHP would silently half-process: a SOAP 1.2 envelope is refused
 * (PHP answers it in SOAP 1.2), a Body holding two calls or an Envelope holding two Bodies is
 * refused (PHP runs the first and drops the rest), and no header entry is ever understood (PHP
 * would run a header named like an operation as that operation), so every mustUnderstand entry
 * gets SOAP-ENV:MustUnderstand.
 */
export function decodeRequest(xml: string): DecodedRequest {
  let envelope: XmlElement;
  try {
    envelope = parseXml(xml);
  } catch (err) {
    // PHP answers a DTD with a Server fault, and anything libxml cannot parse with "Bad Request"
    // (the parser's own caps keep their message: PHP's libxml has other limits).
    if (err instanceof DoctypeRefused)
      throw new SoapFault('SOAP-ENV:Server', 'DTD are not supported by SOAP');
    if (err instanceof MalformedXml) throw clientFault(`Bad Request: ${err.message}`);
    throw err;
  }
  if (envelope.local === 'Envelope' && envelope.uri === SOAP12_ENV) {
    throw new SoapFault(
      'SOAP-ENV:VersionMismatch',
      'Wrong Version: SOAP 1.2 is not supported; send SOAP 1.1',
    );
  }
  // PHP's SoapServer answers any well-formed root that is not a SOAP Envelope (a bare operation
  // element, an Envelope without or with another namespace, HTML…) with VersionMismatch
  // "Wrong Version".
  if (!isSoap(envelope, 'Envelope')) {
    const got = envelope.uri ? `{${envelope.uri}}${envelope.local}` : envelope.local;
    throw new SoapFault(
      'SOAP-ENV:VersionMismatch',
      `Wrong Version: expected a SOAP 1.1 Envelope (${NS['SOAP-ENV']}), got element ${clip(got)}`,
    );
  }
  if (hasUnqualifiedAttribute(envelope)) {
    throw clientFault('A SOAP Envelope element cannot have non Namespace qualified attributes');
  }
  // An optional Header, then the Body, as the first element children; text and elements after
  // the Body are ignored, as PHP does (a second Body excepted, see above).
  const children = elementChildren(envelope);
  let next = 0;
  const header = isSoap(children[0], 'Header') ? children[next++] : undefined;
  const body = children[next] as XmlElement | undefined;
  if (body === undefined || !isSoap(body, 'Body'))
    throw clientFault('Body must be present in a SOAP envelope');
  if (children.slice(next + 1).some((c) => isSoap(c, 'Body'))) {
    throw clientFault('SOAP Envelope holds more than one Body');
  }
  if (header && hasUnqualifiedAttribute(header)) {
    throw clientFault('A SOAP Header element cannot have non Namespace qualified attributes');
  }
  const calls = elementChildren(body);
  if (calls.length === 0) throw clientFault('looks like we got "Body" without function call');
  const call = calls[0];
  checkEncodingStyle(call);
  if (!isOperationName(call.local)) {
    throw new SoapFault('SOAP-ENV:Server', `Procedure '${clip(call.local)}' not present`);
  }
  let notUnderstood = false;
  if (header) for (const entry of elementChildren(header)) if (mustUnderstand(entry)) notUnderstood = true;
  const parts = partsByOperation.get(call.local) as Map<string, FieldDef>;
  const args: Record<string, SoapValue | undefined> = {};
  for (const child of elementChildren(call)) {
    const part = parts.get(child.local);
    if (!part) throw clientFault(`Unknown parameter ${child.local} for operation ${call.local}`);
    if (part.name in args) throw clientFault(`Parameter ${part.name} is given twice`);
    args[part.name] = decodeValue(child, part.type, part.name);
  }
  if (notUnderstood) throw new SoapFault('SOAP-ENV:MustUnderstand', 'Header not understood');
  if (calls.length > 1) throw clientFault('SOAP Body holds more than one operation element');
  return { operation: call.local, args };
}

function decodeValue(element: XmlElement, type: string, path: string): SoapValue {
  let nil = false;
  for (const a of element.attributes) {
    if (a.local === 'href' && a.uri === '') {
      throw clientFault(`${path}: multi-reference values (href) are not supported`);
    }
    if (a.uri === NS.xsi && a.local === 'nil' && (a.value === 'true' || a.value === '1')) nil = true;
  }
  if (nil) return null;
  if (type.startsWith('xsd:')) {
    if (element.children.length > 0)
      throw clientFault(`${path}: expected a ${type} value, got child elements`);
    return decodeScalar(element.text, type, path);
  }
  const def = types[type];
  if (!def) throw clientFault(`${path}: unknown type ${type}`);
  if (element.text.trim() !== '') throw clientFault(`${path}: expected ${type} content, got text`);
  if (def.kind === 'array') {
    return element.children.map((item, i) => decodeValue(item, def.itemType, `${path}[${i}]`));
  }
  const fields = fieldsByType.get(type) as Map<string, FieldDef>;
  const struct: SoapStruct = {};
  for (const child of element.children) {
    const field = fields.get(child.local);
    if (!field) throw clientFault(`Unknown field ${path}.${child.local}`);
    if (field.name in struct) throw clientFault(`Field ${path}.${field.name} is given twice`);
    struct[field.name] = decodeValue(child, field.type, `${path}.${field.name}`);
  }
  return struct;
}

function decodeScalar(text: string, type: string, path: string): SoapValue {
  switch (type) {
    case 'xsd:int':
    case 'xsd:long': {
      const t = text.trim();
      if (!/^[+-]?\d{1,10}$/.test(t)) throw clientFault(`${path}: invalid ${type} value "${clip(t)}"`);
      const n = Number(t);
      if (type === 'xsd:int' && (n > 2147483647 || n < -2147483648)) {
        throw clientFault(`${path}: ${type} value out of range`);
      }
      return n;
    }
    case 'xsd:double':
    case 'xsd:float':
    case 'xsd:decimal': {
      const t = text.trim();
      if (t === 'INF') return Infinity;
      if (t === '-INF') return -Infinity;
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
        throw clientFault(`${path}: invalid ${type} value "${clip(t)}"`);
      }
      return Number(t);
    }
    case 'xsd:boolean': {
      const t = text.trim();
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
      throw clientFault(`${path}: invalid xsd:boolean value "${clip(t)}"`);
    }
    default:
      if (hasInvalidXmlChars(text)) throw clientFault(`${path}: contains characters not allowed in XML 1.0`);
      return text;
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
