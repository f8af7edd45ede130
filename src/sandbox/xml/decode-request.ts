import { schema } from '../../../generated/twocheckout/schema';
import { clientFault, SoapFault } from '../faults/soap-fault';
import { hasInvalidXmlChars } from './escape';
import { NS } from './namespaces';
import { DoctypeRefused, parseXml, type XmlElement } from './parse-xml';
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

function elementChildren(element: XmlElement): XmlElement[] {
  return element.children;
}

/**
 * Decodes a request body: SOAP 1.1 envelope, rpc operation element, parts matched by name
 * (prefixed or not, with or without xsi:type — what node-soap, PHP SoapClient and zeep send).
 * Values are read by the schema's declared types; xsi:type on the wire is not trusted.
 * Unknown parts and unknown struct fields are refused with a SOAP-ENV:Client fault naming them, so
 * a misspelt field never silently drops data.
 */
export function decodeRequest(xml: string): DecodedRequest {
  let envelope: XmlElement;
  try {
    envelope = parseXml(xml);
  } catch (err) {
    if (err instanceof DoctypeRefused) throw clientFault(err.message);
    throw err;
  }
  if (envelope.local === 'Envelope' && envelope.uri === SOAP12_ENV) {
    throw new SoapFault('SOAP-ENV:VersionMismatch', 'SOAP 1.2 is not supported; send SOAP 1.1');
  }
  // PHP's SoapServer answers any well-formed root that is not a SOAP Envelope (a bare operation
  // element, an Envelope without or with another namespace, HTML…) with VersionMismatch
  // "Wrong Version"; test/sandbox/php-non-envelope.test.ts checks that against real PHP.
  if (envelope.local !== 'Envelope' || envelope.uri !== NS['SOAP-ENV']) {
    const got = envelope.uri ? `{${envelope.uri}}${envelope.local}` : envelope.local;
    throw new SoapFault(
      'SOAP-ENV:VersionMismatch',
      `Wrong Version: expected a SOAP 1.1 Envelope (${NS['SOAP-ENV']}), got element ${clip(got)}`,
    );
  }
  const body = elementChildren(envelope).find((c) => c.local === 'Body' && c.uri === NS['SOAP-ENV']);
  if (!body) throw clientFault('SOAP Body is missing');
  const calls = elementChildren(body);
  if (calls.length === 0) throw clientFault('SOAP Body is empty: no operation element');
  if (calls.length > 1) throw clientFault('SOAP Body holds more than one operation element');
  const call = calls[0];
  if (!isOperationName(call.local)) throw clientFault(`Unknown operation: ${call.local}`);
  const parts = partsByOperation.get(call.local) as Map<string, FieldDef>;
  const args: Record<string, SoapValue | undefined> = {};
  for (const child of elementChildren(call)) {
    const part = parts.get(child.local);
    if (!part) throw clientFault(`Unknown parameter ${child.local} for operation ${call.local}`);
    if (part.name in args) throw clientFault(`Parameter ${part.name} is given twice`);
    args[part.name] = decodeValue(child, part.type, part.name);
  }
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
