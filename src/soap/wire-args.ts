// Builds the argument object node-soap serialises for an rpc/encoded call, so that PHP's
// SoapServer (2Checkout's stack) decodes it into the intended values. Verified against PHP 8.2 ext/soap
// (see test/samples/*/php-received.json):
// - scalars go as plain text; PHP decodes them by the WSDL part/field type (int, boolean, double);
// - null goes as xsi:nil="true" (PHP: NULL). Wrapped as {attributes}, because node-soap crashes on
//   a bare null top-level part;
// - SOAP-ENC arrays go as <Field><item>…</item>…</Field> (node-soap repeats the key for a JS array,
//   which PHP would not read as an array);
// - undefined struct fields are not sent at all; top-level parts are sent up to the last one given
//   (a part not given before a given one goes as nil), as the generated serializers do.
import type { OperationArgs, WsdlOperationName } from '../domain';
import { WireArgsError } from '../wire/errors';
import { operationDef, planFor, type TypePlan } from './schema-plan';

export { WireArgsError };

/** What node-soap serialises: plain values, {attributes} for nil, {item: […]} for SOAP-ENC arrays. */
export type WireValue = string | number | boolean | WireObject | WireValue[];
export interface WireObject {
  [key: string]: WireValue | Readonly<Record<string, string>>;
}

function nil(): WireObject {
  return { attributes: { 'xsi:nil': 'true' } };
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return `a ${typeof v}`;
}

function toWire(op: string, plan: TypePlan, value: unknown, path: string): WireValue {
  if (value === null) return nil();
  switch (plan.kind) {
    case 'scalar':
      switch (plan.scalar) {
        case 'string':
          if (typeof value === 'string') return value;
          break;
        case 'int':
          if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
          break;
        case 'double':
          if (typeof value === 'number' && Number.isFinite(value)) return value;
          break;
        case 'boolean':
          if (typeof value === 'boolean') return value;
          break;
      }
      throw new WireArgsError(op, path, `expected ${plan.name}, got ${kindOf(value)}`);
    case 'array': {
      if (!Array.isArray(value))
        throw new WireArgsError(op, path, `expected an array (${plan.name}), got ${kindOf(value)}`);
      const items: WireValue[] = value.map((item: unknown, i) =>
        item === undefined ? nil() : toWire(op, plan.item, item, `${path}[${i}]`),
      );
      return { item: items };
    }
    case 'struct': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new WireArgsError(op, path, `expected an object (${plan.name}), got ${kindOf(value)}`);
      }
      const input = value as Record<string, unknown>;
      const out: WireObject = {};
      const known = new Set<string>();
      for (const field of plan.fields) {
        known.add(field.name);
        const v = input[field.name];
        if (v !== undefined) out[field.name] = toWire(op, field.type, v, `${path}.${field.name}`);
      }
      for (const key of Object.keys(input)) {
        if (!known.has(key) && input[key] !== undefined) {
          throw new WireArgsError(op, `${path}.${key}`, `${plan.name} has no field ${key}`);
        }
      }
      return out;
    }
  }
}

/**
 * The object to hand to node-soap's `<op>Async` for `op`. `sessionID` is required for every
 * operation but login. Throws WireArgsError naming the field for a value the WSDL does not allow.
 */
export function toWireArgs<Op extends WsdlOperationName>(
  op: Op,
  args: OperationArgs<Op>,
  sessionID?: string,
): WireObject {
  const def = operationDef(op);
  const input = args as Record<string, unknown>;
  if (typeof input !== 'object' || input === null)
    throw new WireArgsError(op, '(args)', 'expected an object');
  const out: WireObject = {};
  let last = -1;
  def.input.forEach((part, i) => {
    if (part.name === 'sessionID' || input[part.name] !== undefined) last = i;
  });
  for (const part of def.input.slice(0, last + 1)) {
    if (part.name === 'sessionID') {
      if (typeof sessionID !== 'string' || sessionID === '') {
        throw new WireArgsError(op, 'sessionID', 'a session is required for this operation');
      }
      out.sessionID = sessionID;
      continue;
    }
    const v = input[part.name];
    out[part.name] = v === undefined ? nil() : toWire(op, planFor(part.type), v, part.name);
  }
  for (const key of Object.keys(input)) {
    if (key === 'sessionID' || !def.input.some((p) => p.name === key)) {
      if (input[key] !== undefined) throw new WireArgsError(op, key, `${op} has no input part ${key}`);
    }
  }
  return out;
}
