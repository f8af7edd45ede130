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

function indexRefs(ctx: OpContext, customer: number): string[] {
  const doc = ctx.store.get(ctx.merchant, 'subscriptionsByCustomer', String(customer));
  return Array.isArray(doc?.refs) ? doc.refs.filter((r): r is string => typeof r === 'string') : [];
}

/** Writes a subscription and keeps the per-customer index in step when it is new or changes owner. */
export function saveSubscription(ctx: OpContext, sub: SoapStruct): void {
  const reference = String(sub.SubscriptionReference);
  const before = ctx.store.get(ctx.merchant, 'subscription', reference);
  const owner = sub.AvangateCustomerReference;
  const previous = before?.AvangateCustomerReference;
  ctx.store.put(ctx.merchant, 'subscription', reference, sub);
  if (typeof previous === 'number' && previous !== owner) {
    const refs = indexRefs(ctx, previous).filter((r) => r !== reference);
    ctx.store.put(ctx.merchant, 'subscriptionsByCustomer', String(previous), { refs });
  }
  if (typeof owner === 'number') {
    const refs = indexRefs(ctx, owner);
    if (!refs.includes(reference)) {
      ctx.store.put(ctx.merchant, 'subscriptionsByCustomer', String(owner), { refs: [...refs, reference] });
    }
  }
}
