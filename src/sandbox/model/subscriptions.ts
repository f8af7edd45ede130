import { getCustomer } from './customers';
import type { OpContext } from '../ops/context';
import type { SoapStruct } from '../xml/values';

export const SUBSCRIPTION_FIELDS = [
  'SubscriptionReference',
  'AvangateCustomerReference',
  'ExternalCustomerReference',
  'MerchantCode',
  'StartDate',
  'ExpirationDate',
  'RecurringEnabled',
  'SubscriptionEnabled',
  'Lifetime',
  'TestSubscription',
  'IsTrial',
  'SKU',
  'ReceiveNotifications',
  'PartnerCode',
  'Product',
  'EndUser',
] as const;

export function getSubscription(ctx: OpContext, reference: string): SoapStruct | undefined {
  return ctx.store.get(ctx.merchant, 'subscription', reference);
}

/** The subscription as returned: the customer's current ExternalCustomerReference and the merchant. */
export function presentSubscription(ctx: OpContext, sub: SoapStruct): SoapStruct {
  const out: SoapStruct = {};
  for (const field of SUBSCRIPTION_FIELDS) out[field] = sub[field] ?? null;
  const customer = getCustomer(ctx, sub.AvangateCustomerReference as number);
  out.ExternalCustomerReference = customer?.ExternalCustomerReference ?? null;
  out.MerchantCode = ctx.merchant;
  return out;
}
