import { SoapFault } from '../faults/soap-fault';
import type { OpContext } from '../ops/context';
import type { SoapStruct } from '../xml/values';
import { CUSTOMER_FIELDS } from '../../domain/customer-fields';

/** Customer references start here unless a seed already used higher numbers. */
export const FIRST_CUSTOMER_REFERENCE = 1_000_001;

export function getCustomer(ctx: OpContext, reference: number): SoapStruct | undefined {
  return ctx.store.get(ctx.merchant, 'customer', String(reference));
}

export function getCustomerByExternal(ctx: OpContext, external: string): SoapStruct | undefined {
  const index = ctx.store.get(ctx.merchant, 'customerByExternalRef', external);
  return typeof index?.reference === 'number' ? getCustomer(ctx, index.reference) : undefined;
}

/** Writes the customer and keeps the ExternalCustomerReference index in step. */
export function saveCustomer(ctx: OpContext, customer: SoapStruct, previousExternal: string | null): void {
  const reference = customer.AvangateCustomerReference as number;
  const external =
    typeof customer.ExternalCustomerReference === 'string' ? customer.ExternalCustomerReference : null;
  if (previousExternal !== null && previousExternal !== external) {
    ctx.store.delete(ctx.merchant, 'customerByExternalRef', previousExternal);
  }
  if (external !== null) ctx.store.put(ctx.merchant, 'customerByExternalRef', external, { reference });
  ctx.store.put(ctx.merchant, 'customer', String(reference), customer);
}

/** The customer's subscriptions, through the per-customer index saveSubscription keeps. */
export function subscriptionsOf(ctx: OpContext, reference: number): SoapStruct[] {
  const index = ctx.store.get(ctx.merchant, 'subscriptionsByCustomer', String(reference));
  const refs = Array.isArray(index?.refs) ? index.refs : [];
  return refs
    .map((r) => (typeof r === 'string' ? ctx.store.get(ctx.merchant, 'subscription', r) : undefined))
    .filter((s): s is SoapStruct => s !== undefined && s.AvangateCustomerReference === reference)
    .sort((a, b) => String(a.SubscriptionReference).localeCompare(String(b.SubscriptionReference)));
}

/**
 * The customer as the service returns it: Enabled and Trial are derived from the subscriptions
 * (enabled when at least one subscription is; trial when all of them are trials).
 */
export function presentCustomer(ctx: OpContext, customer: SoapStruct): SoapStruct {
  const subs = subscriptionsOf(ctx, customer.AvangateCustomerReference as number);
  const out: SoapStruct = {};
  for (const field of CUSTOMER_FIELDS) out[field] = customer[field] ?? null;
  out.ExistingCards = Array.isArray(customer.ExistingCards) ? customer.ExistingCards : [];
  out.Enabled = subs.some((s) => s.SubscriptionEnabled === true);
  out.Trial = subs.length > 0 && subs.every((s) => s.IsTrial === true);
  return out;
}

/**
 * Finds the customer named by either reference. When both are given they must name the same
 * customer; 0, nil and '' mean "not given".
 */
export function resolveCustomer(
  ctx: OpContext,
  reference: number | null,
  external: string | null,
): SoapStruct {
  if (reference === null && external === null) {
    throw new SoapFault(
      'EMPTY_CUSTOMER_REFERENCE',
      'AvangateCustomerReference or ExternalCustomerReference is required',
    );
  }
  if (reference !== null) {
    const customer = getCustomer(ctx, reference);
    if (!customer)
      throw new SoapFault('NOT_FOUND_CUSTOMER', `No customer with AvangateCustomerReference ${reference}`);
    if (external !== null && customer.ExternalCustomerReference !== external) {
      throw new SoapFault(
        'CUSTOMER_REFERENCE_MISMATCH',
        'AvangateCustomerReference and ExternalCustomerReference belong to different customers',
      );
    }
    return customer;
  }
  const customer = getCustomerByExternal(ctx, external as string);
  if (!customer)
    throw new SoapFault('NOT_FOUND_CUSTOMER', `No customer with ExternalCustomerReference ${external}`);
  return customer;
}
