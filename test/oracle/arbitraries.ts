// fast-check arbitraries for values of any WSDL type, read from the schema model: response values
// (what a server may answer) and request arguments (what a caller may pass).
import fc from 'fast-check';
import { schema } from '../../generated/twocheckout/schema';
import { RESPONSE_REQUIRED } from '../../src/domain/response-rules';

type FieldDef = { readonly name: string; readonly type: string; readonly nillable: boolean };
type TypeDef =
  | { readonly kind: 'struct'; readonly fields: readonly FieldDef[] }
  | { readonly kind: 'array'; readonly itemType: string };
type OpDef = {
  readonly input: readonly { name: string; type: string }[];
  readonly output: { name: string; type: string };
};

export const types = schema.types as unknown as Record<string, TypeDef>;
export const operations = schema.operations as unknown as Record<string, OpDef>;
const required = RESPONSE_REQUIRED as unknown as Record<string, readonly string[]>;

/**
 * Text a SOAP string may carry: XML metacharacters, quotes, non-ASCII and astral characters, inner
 * and outer whitespace. Not: characters XML 1.0 forbids, lone surrogates, CR (each engine is
 * tested on its own for those), or whitespace-only strings (node-soap reads them as '').
 */
const piece = fc.constantFrom(
  'a',
  'Z',
  '0',
  ' ',
  '&',
  '<',
  '>',
  '"',
  "'",
  ']]>',
  'é',
  'ß',
  '中',
  '😀',
  '\t',
  '\n',
  'x y',
);
export const soapString = fc
  .array(piece, { maxLength: 8 })
  .map((p) => p.join(''))
  .filter((s) => s === '' || s.trim() !== '');

const scalars: Record<string, fc.Arbitrary<unknown>> = {
  'xsd:string': soapString,
  'xsd:int': fc.integer({ min: -2147483648, max: 2147483647 }),
  'xsd:double': fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constantFrom(0, 0.1, 19.5, 1e-7, 123456.789),
  ),
  'xsd:boolean': fc.boolean(),
};

const responseCache = new Map<string, fc.Arbitrary<unknown>>();

/** A value of `type` as a server may send it: nil (null) anywhere the WSDL allows. */
export function responseValue(type: string): fc.Arbitrary<unknown> {
  const scalar = scalars[type];
  if (scalar) return scalar;
  const known = responseCache.get(type);
  if (known) return known;
  const def = types[type];
  if (!def) throw new Error(`no arbitrary for ${type}`);
  let arb: fc.Arbitrary<unknown>;
  if (def.kind === 'array') {
    arb = fc.array(fc.option(responseValue(def.itemType), { nil: null, freq: 6 }), { maxLength: 3 });
  } else {
    const must = new Set(required[type] ?? []);
    const fields: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of def.fields) {
      fields[f.name] = must.has(f.name)
        ? responseValue(f.type)
        : fc.option(responseValue(f.type), { nil: null, freq: 3 });
    }
    arb = fc.record(fields, { requiredKeys: [...must] });
  }
  responseCache.set(type, arb);
  return arb;
}

const requestCache = new Map<string, fc.Arbitrary<unknown>>();

/** A value of `type` as a caller may pass it: struct fields absent, null or set; arrays plain. */
export function requestValue(type: string): fc.Arbitrary<unknown> {
  const scalar = scalars[type];
  if (scalar) return scalar;
  const known = requestCache.get(type);
  if (known) return known;
  const def = types[type];
  if (!def) throw new Error(`no arbitrary for ${type}`);
  let arb: fc.Arbitrary<unknown>;
  if (def.kind === 'array') {
    arb = fc.array(requestValue(def.itemType), { maxLength: 3 });
  } else {
    const fields: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of def.fields) fields[f.name] = fc.option(requestValue(f.type), { nil: null, freq: 4 });
    arb = fc.record(fields, { requiredKeys: [] });
  }
  requestCache.set(type, arb);
  return arb;
}

/** Arguments of `op` (sessionID excluded): each part absent, null or set. */
export function requestArgs(op: string): fc.Arbitrary<Record<string, unknown>> {
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of operations[op]?.input ?? []) {
    if (p.name === 'sessionID') continue;
    parts[p.name] = fc.option(requestValue(p.type), { nil: null, freq: 5 });
  }
  return fc.record(parts, { requiredKeys: [] });
}

/** Replaces whitespace-only strings by '' (node-soap's documented reading of them). */
export function asNodeSoapReads(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? '' : value;
  if (Array.isArray(value)) return value.map(asNodeSoapReads);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asNodeSoapReads(v)]));
  }
  return value;
}
