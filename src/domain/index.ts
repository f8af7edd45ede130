export type { Customer, ExistingCard, TransientToken } from './customer';
export type { EndUser, Subscription, SubscriptionProduct } from './subscription';
export * from './types';
export type { OperationArgs, OperationName, OperationResult, WsdlOperationName } from './operations';
export type {
  DomainStruct,
  DomainValue,
  InputStruct,
  InputValue,
  SchemaTypeName,
  TypeRef,
  XsdScalarName,
  XsdScalarTypes,
} from './schema-types';
export { RESPONSE_REQUIRED } from './response-rules';
