// The shapes the code generator (scripts/lib/codec-codegen.js) compiles the WSDL into. Decoding
// walks these plans; nothing reads the WSDL at run time.

/** 0 string (also date, dateTime), 1 integer, 2 double, 3 boolean. */
export type ScalarKind = 0 | 1 | 2 | 3;

export interface ScalarPlan {
  readonly k: 'scalar';
  /** The XSD name, for messages: `xsd:int`. */
  readonly name: string;
  readonly scalar: ScalarKind;
}

export interface ArrayPlan {
  readonly k: 'array';
  readonly name: string;
  /** Filled in after construction: plans may refer to each other. */
  item: ValuePlan;
}

export interface FieldPlan {
  readonly name: string;
  /** Position in the struct, WSDL order. */
  readonly index: number;
  plan: ValuePlan;
  /** Nil allowed in a response (WSDL nillable and not listed in RESPONSE_REQUIRED). */
  readonly nullable: boolean;
}

export interface StructPlan {
  readonly k: 'struct';
  readonly name: string;
  /** By element name; a prototype-less object. */
  readonly fields: Readonly<Record<string, FieldPlan>>;
  /** Field plans in WSDL order. */
  readonly order: readonly FieldPlan[];
  /**
   * A fresh result object with every field at its default (null, [] for arrays, undefined for a
   * field that may not be nil): generated per struct so every result of a type shares one shape.
   */
  readonly create: () => Record<string, unknown>;
}

export type ValuePlan = ScalarPlan | ArrayPlan | StructPlan;

export interface ResponsePlan {
  readonly operation: string;
  /** `<op>Response` */
  readonly element: string;
  /** The output part, `<op>Return`. */
  readonly part: string;
  readonly plan: ValuePlan;
}

/** A struct plan whose fields are linked afterwards (plans may refer to each other). */
export function structPlan(name: string, create: () => Record<string, unknown>): StructPlan {
  return { k: 'struct', name, fields: Object.create(null) as Record<string, FieldPlan>, order: [], create };
}

export function arrayPlan(name: string): ArrayPlan {
  return { k: 'array', name, item: undefined as unknown as ValuePlan };
}

export function scalarPlan(name: string, scalar: ScalarKind): ScalarPlan {
  return { k: 'scalar', name, scalar };
}

/** Links a struct's fields: [name, plan, nullable] in WSDL order. */
export function defineFields(
  plan: StructPlan,
  fields: readonly (readonly [string, ValuePlan, boolean])[],
): void {
  const byName = plan.fields as Record<string, FieldPlan>;
  const order = plan.order as FieldPlan[];
  for (const [name, value, nullable] of fields) {
    const field: FieldPlan = { name, index: order.length, plan: value, nullable };
    byName[name] = field;
    order.push(field);
  }
}

export function defineItem(plan: ArrayPlan, item: ValuePlan): void {
  plan.item = item;
}
