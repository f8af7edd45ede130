// Compile-time checks (the type-check fails if they break) plus one runtime line so jest runs the file.
import type { Assert, Equals } from '../../src/domain/schema-types';
import type {
  Customer,
  OperationArgs,
  OperationName,
  OperationResult,
  OrderInformation,
  OrderItemInformation,
  Subscription,
} from '../../src/domain';

export type _Checks = [
  Assert<Equals<OperationResult<'getCustomerInformation'>, Customer>>,
  Assert<Equals<OperationResult<'getCustomerSubscriptions'>, Subscription[]>>,
  Assert<Equals<OperationResult<'createCustomer'>, number>>,
  Assert<Equals<OperationResult<'updateCustomerInformation'>, boolean>>,
  Assert<Equals<OperationResult<'placeOrder'>, OrderInformation>>,
  Assert<Equals<OrderInformation['Items'], OrderItemInformation[]>>,
  Assert<Equals<OrderInformation['CustomerDetails'], Customer | null>>,
  Assert<Equals<Extract<OperationName, 'login'>, never>>,
  Assert<Equals<keyof OperationArgs<'updateCustomerInformation'>, 'Customer' | 'UpdateEndUserSubscriptions'>>,
  Assert<Equals<keyof OperationArgs<'login'>, 'merchantCode' | 'date' | 'hash' | 'algo'>>,
];

test('OperationArgs accepts partial structs and rejects unknown fields at compile time', () => {
  const ok: OperationArgs<'updateCustomerInformation'> = {
    Customer: { AvangateCustomerReference: 1, Email: null },
  };
  // @ts-expect-error Emial is not a Customer field
  const bad: OperationArgs<'createCustomer'> = { Customer: { Emial: 'x' } };
  // @ts-expect-error Customer is required
  const missing: OperationArgs<'createCustomer'> = {};
  expect([ok, bad, missing]).toHaveLength(3);
});
