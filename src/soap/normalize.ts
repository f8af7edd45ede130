// Turns what node-soap returns for a PHP-style rpc/encoded response into exact domain values.
// node-soap hands over: values wrapped as {attributes:{'xsi:type'}, $value}; an empty string as
// {attributes} with no $value; nil as null (handleNilAsNull) or {attributes:{'xsi:nil':'true'}};
// scalars as strings when the server sent no xsi:type; SOAP-ENC arrays as {attributes, item}, with
// a one-element array as a bare object and an empty one without `item`.
import type {
  DomainValue,
  InputValue,
  OperationArgs,
  OperationResult,
  TypeRef,
  WsdlOperationName,
} from '../domain';
import { operationDef, planFor, type TypePlan } from './schema-plan';

/** A value that does not fit the WSDL. `path` names the offending field; values are never quoted. */
export class NormalizeError extends Error {
  override readonly name = 'NormalizeError';
  constructor(
    /** The operation, when known. */
    readonly operation: string | undefined,
    /** Whether a response or a request was being read. */
    readonly side: 'response' | 'request' | undefined,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${operation ? `${operation} ${side ?? ''}`.trim() : 'SOAP value'}: ${path}: ${reason}`);
  }
}

type Raw = unknown;
type RawObject = Record<string, unknown>;

const INT_RE = /^[+-]?\d+$/;
const DOUBLE_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function isObject(v: Raw): v is RawObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNil(v: Raw): boolean {
  if (v === null || v === undefined) return true;
  if (!isObject(v)) return false;
  const attrs = v.attributes;
  if (!isObject(attrs)) return false;
  const nil = attrs['xsi:nil'] ?? attrs.nil;
  return nil === 'true' || nil === '1' || nil === true;
}

/** {} or {attributes}: an element with neither text nor children. */
function isEmptyElement(v: RawObject): boolean {
  for (const key in v) if (key !== 'attributes') return false;
  return true;
}

function describe(v: Raw): string {
  if (Array.isArray(v)) return 'an array';
  if (v === '') return 'an empty string';
  return `a ${typeof v}`;
}

class Walker {
  /**
   * `request` mode reads what a caller sent: absent struct fields stay absent (not null) and
   * RESPONSE_REQUIRED is not enforced (createCustomer sends a nil AvangateCustomerReference).
   */
  constructor(
    readonly operation: string | undefined,
    readonly request = false,
  ) {}

  private get side(): 'response' | 'request' | undefined {
    if (!this.operation) return undefined;
    return this.request ? 'request' : 'response';
  }

  fail(path: string, reason: string): never {
    throw new NormalizeError(this.operation, this.side, path, reason);
  }

  /** `raw` is known not to be nil. */
  value(plan: TypePlan, raw: Raw, path: string): unknown {
    switch (plan.kind) {
      case 'scalar':
        return this.scalar(plan.name, plan.scalar, raw, path);
      case 'array':
        return this.array(plan, raw, path);
      case 'struct':
        return this.struct(plan, raw, path);
    }
  }

  scalar(typeName: string, kind: 'string' | 'int' | 'double' | 'boolean', raw: Raw, path: string): unknown {
    let v = raw;
    if (isObject(v)) {
      // {attributes, $value}; {attributes} alone is an element with no text, i.e. ''.
      if (Object.prototype.hasOwnProperty.call(v, '$value')) v = v.$value;
      else if (isEmptyElement(v)) v = '';
      else return this.fail(path, `expected ${typeName}, got an element with children`);
    }
    switch (kind) {
      case 'string':
        if (typeof v === 'string') return v;
        if (typeof v === 'number' || typeof v === 'boolean') return String(v);
        break;
      case 'int':
        if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
        if (typeof v === 'string' && INT_RE.test(v)) {
          const n = Number(v);
          if (Number.isSafeInteger(n)) return n;
        }
        break;
      case 'double':
        if (typeof v === 'number') return v;
        if (typeof v === 'string') {
          if (DOUBLE_RE.test(v)) return Number(v);
          // PHP's spelling of the IEEE specials.
          if (v === 'INF') return Infinity;
          if (v === '-INF') return -Infinity;
          if (v === 'NAN' || v === 'NaN') return NaN;
        }
        break;
      case 'boolean':
        if (typeof v === 'boolean') return v;
        if (v === 'true' || v === '1' || v === 1) return true;
        if (v === 'false' || v === '0' || v === 0) return false;
        break;
    }
    return this.fail(path, `expected ${typeName}, got ${describe(v)}`);
  }

  array(plan: TypePlan & { kind: 'array' }, raw: Raw, path: string): unknown[] {
    let items: Raw;
    if (Array.isArray(raw)) items = raw;
    else if (isObject(raw)) items = raw.item;
    else if (raw === '') items = undefined;
    else return this.fail(path, `expected ${plan.name}, got ${describe(raw)}`);
    if (items === undefined) return [];
    const list = Array.isArray(items) ? items : [items];
    const out = new Array<unknown>(list.length);
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      out[i] = isNil(item) ? null : this.value(plan.item, item, `${path}[${i}]`);
    }
    return out;
  }

  struct(plan: TypePlan & { kind: 'struct' }, raw: Raw, path: string): Record<string, unknown> {
    if (!isObject(raw)) {
      return this.fail(path, `expected ${plan.name}, got ${describe(raw)}`);
    }
    const out: Record<string, unknown> = {};
    for (const field of plan.fields) {
      const v = raw[field.name];
      if (this.request) {
        if (v === undefined) continue;
        out[field.name] = isNil(v) ? null : this.value(field.type, v, `${path}.${field.name}`);
        continue;
      }
      if (isNil(v)) {
        if (field.type.kind === 'array') out[field.name] = [];
        else if (field.nullable) out[field.name] = null;
        else this.fail(`${path}.${field.name}`, `required ${plan.name} field is missing or nil`);
      } else {
        out[field.name] = this.value(field.type, v, `${path}.${field.name}`);
      }
    }
    return out;
  }
}

/**
 * Normalizes one value of a WSDL type (e.g. what a node-soap server hands a handler, or one part
 * of a response). Nil gives `null` for scalars and structs, `[]` for arrays.
 */
export function normalizeValue<T extends TypeRef>(
  typeRef: T,
  raw: unknown,
  path = typeRef as string,
): DomainValue<T> | null {
  const plan = planFor(typeRef);
  if (isNil(raw)) return (plan.kind === 'array' ? [] : null) as DomainValue<T> | null;
  return new Walker(undefined).value(plan, raw, path) as DomainValue<T>;
}

/**
 * Normalizes the result object node-soap gives for `op` (`{ <op>Return: … }`) into the output
 * part's domain value. A missing return is an error; a nil one too, except for arrays (`[]`).
 */
export function normalizeResult<Op extends WsdlOperationName>(
  op: Op,
  rawResult: unknown,
): OperationResult<Op> {
  const { output } = operationDef(op);
  const walker = new Walker(op);
  const plan = planFor(output.type);
  // No return part at all is not an answer (an outage, another operation's response), even for
  // arrays; a nil one is (an empty list).
  if (!isObject(rawResult) || !Object.hasOwn(rawResult, output.name)) {
    return walker.fail(output.name, 'the response holds no return value');
  }
  const raw = rawResult[output.name];
  if (isNil(raw)) {
    if (plan.kind === 'array') return [] as unknown as OperationResult<Op>;
    walker.fail(output.name, `the ${output.type} return value is missing or nil`);
  }
  return walker.value(plan, raw, output.name) as OperationResult<Op>;
}

/**
 * Reads a value as a caller sent it (e.g. what node-soap's server hands the sandbox): like
 * normalizeValue, but absent struct fields stay absent and no field is required.
 */
export function normalizeInput<T extends TypeRef>(
  typeRef: T,
  raw: unknown,
  path = typeRef as string,
): InputValue<T> | null {
  const plan = planFor(typeRef);
  if (isNil(raw)) return null;
  return new Walker(undefined, true).value(plan, raw, path) as InputValue<T>;
}

export interface NormalizedRequest<Op extends WsdlOperationName> {
  /** Absent for login, and when the caller sent none. */
  sessionID?: string;
  args: OperationArgs<Op>;
}

/**
 * Reads the input parts of `op` as a server receives them (node-soap's server: an object keyed by
 * part name). Absent and nil parts become null; struct parts are checked like normalizeInput.
 */
export function normalizeArgs<Op extends WsdlOperationName>(op: Op, rawArgs: unknown): NormalizedRequest<Op> {
  const { input } = operationDef(op);
  const walker = new Walker(op, true);
  const raw = isObject(rawArgs) ? rawArgs : {};
  const args: Record<string, unknown> = {};
  let sessionID: string | undefined;
  for (const part of input) {
    const v = raw[part.name];
    if (part.name === 'sessionID') {
      if (!isNil(v)) sessionID = walker.value(planFor('xsd:string'), v, 'sessionID') as string;
      continue;
    }
    args[part.name] = isNil(v) ? null : walker.value(planFor(part.type), v, part.name);
  }
  return sessionID === undefined
    ? { args: args as OperationArgs<Op> }
    : { sessionID, args: args as OperationArgs<Op> };
}
