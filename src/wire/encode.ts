// The runtime of the generated request serializers (generated/<wsdl>/codecs.ts): value checks and
// XML escaping. Requests are written the way node-soap writes them for this WSDL (no xsi:type,
// xsi:nil="true" for null, SOAP-ENC arrays as <item> children), which PHP's SoapServer decodes by
// the WSDL's types (verified by test/samples and the oracle tests), with two deliberate
// differences: CR is sent as &#13; so it survives XML line-end normalization, and characters XML
// 1.0 cannot carry are refused instead of producing a request the server cannot parse.
import { WireArgsError } from './errors';

// & < > " ' need entities (quotes as node-soap escapes them); CR needs a character reference; the
// rest are characters XML 1.0 forbids, and surrogates that may be lone.
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SPECIAL = /[&<>"'\r]/g;
const ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
};

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return `a ${typeof v}`;
}

export function fail(op: string, path: string, reason: string): never {
  throw new WireArgsError(op, path, reason);
}

/** Escaped text of an xsd:string value. */
export function str(v: unknown, op: string, path: string, name: string): string {
  if (typeof v !== 'string') return fail(op, path + name, `expected xsd:string, got ${kindOf(v)}`);
  if (!NEEDS_WORK.test(v)) return v;
  if (FORBIDDEN.test(v)) {
    return fail(
      op,
      path + name,
      'contains a character that XML 1.0 cannot carry (a control character or a lone surrogate)',
    );
  }
  return v.replace(SPECIAL, (c) => ENTITY[c] as string);
}

export function int(v: unknown, op: string, path: string, name: string): string {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return fail(op, path + name, `expected xsd:int, got ${kindOf(v)}`);
}

export function dbl(v: unknown, op: string, path: string, name: string): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return fail(op, path + name, `expected xsd:double, got ${kindOf(v)}`);
}

export function bool(v: unknown, op: string, path: string, name: string): string {
  if (v === true) return 'true';
  if (v === false) return 'false';
  return fail(op, path + name, `expected xsd:boolean, got ${kindOf(v)}`);
}

/** The value as an object of a struct type; refuses fields the type does not have. */
export function struct(
  v: unknown,
  op: string,
  path: string,
  typeName: string,
  known: Readonly<Record<string, 1>>,
): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return fail(op, path, `expected an object (${typeName}), got ${kindOf(v)}`);
  }
  const o = v as Record<string, unknown>;
  for (const key in o) {
    if (known[key] !== 1 && o[key] !== undefined)
      fail(op, `${path}.${key}`, `${typeName} has no field ${key}`);
  }
  return o;
}

export function array(v: unknown, op: string, path: string, typeName: string): readonly unknown[] {
  if (!Array.isArray(v)) return fail(op, path, `expected an array (${typeName}), got ${kindOf(v)}`);
  return v;
}

/** The operation's arguments object; refuses parts the operation does not have (and sessionID). */
export function args(v: unknown, op: string, known: Readonly<Record<string, 1>>): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return fail(op, '(args)', 'expected an object');
  const o = v as Record<string, unknown>;
  for (const key in o) {
    if (known[key] !== 1 && o[key] !== undefined) fail(op, key, `${op} has no input part ${key}`);
  }
  return o;
}

export function session(v: unknown, op: string): string {
  if (typeof v !== 'string' || v === '')
    return fail(op, 'sessionID', 'a session is required for this operation');
  return str(v, op, '', 'sessionID');
}
