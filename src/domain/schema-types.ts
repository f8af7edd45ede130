// Type-level reading of the generated schema model: every WSDL type becomes a TypeScript type, so
// the domain types cannot drift from the WSDL without the type-check noticing.
import type { schema } from '../../generated/twocheckout/schema';
import type { RESPONSE_REQUIRED } from './response-rules';

type Schema = typeof schema;
type TypeDefs = Schema['types'];

/** The XSD built-ins the normalizer understands, with their domain representation. */
export interface XsdScalarTypes {
  /** `xsd:string` as a string. */
  'xsd:string': string;
  /** `xsd:int` as a number. */
  'xsd:int': number;
  /** `xsd:integer` as a number. */
  'xsd:integer': number;
  /** `xsd:long` as a number (within ±2⁵³). */
  'xsd:long': number;
  /** `xsd:short` as a number. */
  'xsd:short': number;
  /** `xsd:byte` as a number. */
  'xsd:byte': number;
  /** `xsd:unsignedInt` as a number. */
  'xsd:unsignedInt': number;
  /** `xsd:double` as a number. */
  'xsd:double': number;
  /** `xsd:float` as a number. */
  'xsd:float': number;
  /** `xsd:decimal` as a number (a double). */
  'xsd:decimal': number;
  /** `xsd:boolean` as a boolean. */
  'xsd:boolean': boolean;
  /** `xsd:date` as a string (as sent: `YYYY-MM-DD`). */
  'xsd:date': string;
  /** `xsd:dateTime` as a string (as sent, ISO 8601). */
  'xsd:dateTime': string;
}

/** The name of an XSD built-in type (`xsd:string`…). */
export type XsdScalarName = keyof XsdScalarTypes;
/** Names of the WSDL's complex types (structs and SOAP-ENC arrays). */
export type SchemaTypeName = keyof TypeDefs & string;
/** What a part or field may be typed as in the schema model. */
export type TypeRef = XsdScalarName | SchemaTypeName;

interface FieldDef {
  readonly name: string;
  readonly type: string;
  readonly nillable: boolean;
}

type StructFields<N extends SchemaTypeName> = TypeDefs[N] extends {
  readonly kind: 'struct';
  readonly fields: infer F extends readonly FieldDef[];
}
  ? F[number]
  : never;

type ArrayItem<N extends SchemaTypeName> = TypeDefs[N] extends {
  readonly kind: 'array';
  readonly itemType: infer I;
}
  ? I
  : never;

type IsArrayRef<T> = T extends SchemaTypeName
  ? TypeDefs[T] extends { readonly kind: 'array' }
    ? true
    : false
  : false;

type RequiredIn<N> = N extends keyof typeof RESPONSE_REQUIRED ? (typeof RESPONSE_REQUIRED)[N][number] : never;

/**
 * A value as the normalizer returns it from a response: numbers, booleans, strings, `null` for
 * nil (nillable fields only), arrays always arrays (nil or absent arrays become `[]`).
 */
export type DomainValue<T> = T extends XsdScalarName
  ? XsdScalarTypes[T]
  : T extends SchemaTypeName
    ? IsArrayRef<T> extends true
      ? DomainValue<ArrayItem<T>>[]
      : DomainStruct<T>
    : never;

type DomainField<N extends SchemaTypeName, F extends FieldDef> =
  IsArrayRef<F['type']> extends true
    ? DomainValue<F['type']>
    : F['name'] extends RequiredIn<N>
      ? DomainValue<F['type']>
      : F['nillable'] extends true
        ? DomainValue<F['type']> | null
        : DomainValue<F['type']>;

/** A WSDL struct as a response value: every field present. */
export type DomainStruct<N extends SchemaTypeName> = {
  [F in StructFields<N> as F['name']]: DomainField<N, F>;
};

/**
 * A value as a caller may pass it in a request: struct fields optional (absent = not sent) or null
 * (sent as xsi:nil), arrays as plain arrays.
 */
export type InputValue<T> = T extends XsdScalarName
  ? XsdScalarTypes[T]
  : T extends SchemaTypeName
    ? IsArrayRef<T> extends true
      ? readonly (InputValue<ArrayItem<T>> | null)[]
      : InputStruct<T>
    : never;

/** A WSDL struct as a request value: every field optional (absent = not sent) or null (xsi:nil). */
export type InputStruct<N extends SchemaTypeName> = {
  [F in StructFields<N> as F['name']]?: InputValue<F['type']> | null;
};

/** Compile-time equality, used to pin hand-written domain types to the WSDL. */
export type Equals<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
export type Assert<T extends true> = T;
