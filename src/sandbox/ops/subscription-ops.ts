import { SoapFault } from '../faults/soap-fault';
import { resolveCustomer } from '../model/customers';
import { getSubscription, saveSubscription } from '../model/subscriptions';
import { isStruct, type SoapStruct } from '../xml/values';
import { optReference, optString, requireString, type Args } from './args';
import type { OpContext } from './context';

function subscription(ctx: OpContext, reference: string): SoapStruct {
  const sub = getSubscription(ctx, reference);
  if (!sub)
    throw new SoapFault('NOT_FOUND_SUBSCRIPTION', `No subscription with SubscriptionReference ${reference}`);
  return sub;
}

/** Moves a subscription to another customer of the same merchant. */
export function setSubscriptionCustomer(ctx: OpContext, args: Args): boolean {
  const reference = requireString(
    args.SubscriptionReference,
    'SubscriptionReference',
    'INVALID_SUBSCRIPTION',
  );
  const sub = subscription(ctx, reference);
  const customer = resolveCustomer(
    ctx,
    optReference(args.AvangateCustomerReference),
    optString(args.ExternalCustomerReference),
  );
  saveSubscription(ctx, {
    ...sub,
    AvangateCustomerReference: customer.AvangateCustomerReference as number,
  });
  return true;
}

/**
 * Copies the stored payment data of SubscriptionReference onto TargetSubscriptionReference. Both
 * must belong to the same customer, and the source must have payment data.
 */
export function copyPaymentInfo(ctx: OpContext, args: Args): boolean {
  const targetRef = requireString(
    args.TargetSubscriptionReference,
    'TargetSubscriptionReference',
    'INVALID_SUBSCRIPTION',
  );
  const sourceRef = requireString(
    args.SubscriptionReference,
    'SubscriptionReference',
    'INVALID_SUBSCRIPTION',
  );
  const target = subscription(ctx, targetRef);
  const source = subscription(ctx, sourceRef);
  if (targetRef === sourceRef) {
    throw new SoapFault(
      'INVALID_SUBSCRIPTION',
      'TargetSubscriptionReference and SubscriptionReference are the same',
    );
  }
  if (target.AvangateCustomerReference !== source.AvangateCustomerReference) {
    throw new SoapFault('INVALID_SUBSCRIPTION', 'Both subscriptions must belong to the same customer');
  }
  if (!isStruct(source.Payment)) {
    throw new SoapFault(
      'INVALID_PAYMENT_INFO',
      `Subscription ${sourceRef} has no payment information to copy`,
    );
  }
  saveSubscription(ctx, { ...target, Payment: source.Payment });
  return true;
}
