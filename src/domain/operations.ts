// Operation-level types: what a caller passes (without sessionID) and what a call returns, both
// read from the schema model.
import type { schema } from '../../generated/twocheckout/schema';
import type { DomainValue, InputValue, SchemaTypeName } from './schema-types';

type Operations = (typeof schema)['operations'];

/** Every operation of the WSDL, login included. */
export type WsdlOperationName = keyof Operations & string;
/** Every operation a session is needed for: all of them but login. */
export type OperationName = Exclude<WsdlOperationName, 'login'>;

type InputPart<Op extends WsdlOperationName> = Operations[Op]['input'][number];
type CallerPart<Op extends WsdlOperationName> = Exclude<InputPart<Op>, { readonly name: 'sessionID' }>;
type StructPart<P> = P extends { readonly type: infer T }
  ? T extends SchemaTypeName
    ? (typeof schema)['types'][T] extends { readonly kind: 'struct' }
      ? P
      : never
    : never
  : never;

/**
 * The positional input parts of `Op`, sessionID excluded, keyed by part name. Struct parts
 * (Customer, Order…) are required; scalar and array parts may be omitted or null (sent as xsi:nil).
 */
export type OperationArgs<Op extends WsdlOperationName> = {
  [P in StructPart<CallerPart<Op>> as P['name']]: InputValue<P['type']>;
} & {
  [P in Exclude<CallerPart<Op>, StructPart<CallerPart<Op>>> as P['name']]?: InputValue<P['type']> | null;
};

/** The output part of `Op`, normalized (never null: a nil return is rejected, a nil array is `[]`). */
export type OperationResult<Op extends WsdlOperationName> = DomainValue<Operations[Op]['output']['type']>;
