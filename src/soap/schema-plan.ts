// A precomputed, lookup-friendly view of the schema model, built once at load, shared by the
// normalizer (responses) and toWireArgs (requests).
import { schema } from '../../generated/twocheckout/schema';
import { RESPONSE_REQUIRED } from '../domain/response-rules';

export type ScalarKind = 'string' | 'int' | 'double' | 'boolean';

export type TypePlan =
  | { readonly kind: 'scalar'; readonly name: string; readonly scalar: ScalarKind }
  | { readonly kind: 'array'; readonly name: string; readonly item: TypePlan }
  | { readonly kind: 'struct'; readonly name: string; readonly fields: readonly FieldPlan[] };

export interface FieldPlan {
  readonly name: string;
  readonly type: TypePlan;
  /** nil allowed in a response (WSDL nillable and not listed in RESPONSE_REQUIRED). */
  readonly nullable: boolean;
}

const SCALARS: Readonly<Record<string, ScalarKind>> = {
  'xsd:string': 'string',
  'xsd:date': 'string',
  'xsd:dateTime': 'string',
  'xsd:int': 'int',
  'xsd:integer': 'int',
  'xsd:long': 'int',
  'xsd:short': 'int',
  'xsd:byte': 'int',
  'xsd:unsignedInt': 'int',
  'xsd:double': 'double',
  'xsd:float': 'double',
  'xsd:decimal': 'double',
  'xsd:boolean': 'boolean',
};

interface SchemaField {
  readonly name: string;
  readonly type: string;
  readonly nillable: boolean;
}
type SchemaType =
  | { readonly kind: 'struct'; readonly fields: readonly SchemaField[] }
  | { readonly kind: 'array'; readonly itemType: string };

const schemaTypes: Readonly<Record<string, SchemaType>> = schema.types;
const required: Readonly<Record<string, readonly string[]>> = RESPONSE_REQUIRED;
const plans = new Map<string, TypePlan>();

/** The plan for a type reference ('xsd:int', 'Customer', 'ArrayOfString'); throws for unknown names. */
export function planFor(typeRef: string): TypePlan {
  const known = plans.get(typeRef);
  if (known) return known;
  const scalar = SCALARS[typeRef];
  if (scalar) {
    const plan: TypePlan = { kind: 'scalar', name: typeRef, scalar };
    plans.set(typeRef, plan);
    return plan;
  }
  const def = Object.prototype.hasOwnProperty.call(schemaTypes, typeRef) ? schemaTypes[typeRef] : undefined;
  if (!def) throw new Error(`Unknown WSDL type ${JSON.stringify(typeRef)}`);
  if (def.kind === 'array') {
    const plan: TypePlan = { kind: 'array', name: typeRef, item: planFor(def.itemType) };
    plans.set(typeRef, plan);
    return plan;
  }
  // Register before resolving fields so that a self-referencing type cannot recurse forever.
  const fields: FieldPlan[] = [];
  const plan: TypePlan = { kind: 'struct', name: typeRef, fields };
  plans.set(typeRef, plan);
  const mustHave = required[typeRef] ?? [];
  for (const f of def.fields) {
    fields.push({ name: f.name, type: planFor(f.type), nullable: f.nillable && !mustHave.includes(f.name) });
  }
  return plan;
}

interface SchemaOperation {
  readonly input: readonly { readonly name: string; readonly type: string }[];
  readonly output: { readonly name: string; readonly type: string };
}
const schemaOperations: Readonly<Record<string, SchemaOperation>> = schema.operations;

/** The schema entry of an operation; throws naming it when the WSDL has no such operation. */
export function operationDef(op: string): SchemaOperation {
  const def = Object.prototype.hasOwnProperty.call(schemaOperations, op) ? schemaOperations[op] : undefined;
  if (!def) throw new Error(`Unknown SOAP operation ${JSON.stringify(op)}`);
  return def;
}
