import { SoapFault } from '../faults/soap-fault';
import {
  FIRST_CUSTOMER_REFERENCE,
  getCustomerByExternal,
  presentCustomer,
  resolveCustomer,
  saveCustomer,
  subscriptionsOf,
} from '../model/customers';
import { presentSubscription, saveSubscription } from '../model/subscriptions';
import { END_USER_CONTACT_FIELDS, READ_ONLY_FIELDS, WRITABLE_FIELDS } from '../../domain/customer-fields';
import { validateCustomer } from '../rules/customer-rules';
import { isStruct, type SoapStruct, type SoapValue } from '../xml/values';
import { optReference, optString, optStruct, type Args } from './args';
import type { OpContext } from './context';

function customerPart(args: Args): SoapStruct {
  const customer = optStruct(args.Customer);
  if (!customer) throw new SoapFault('INVALID_CUSTOMER', 'Customer is required');
  return customer;
}

function assertExternalFree(ctx: OpContext, external: string | null, owner: number | null): void {
  if (external === null) return;
  const other = getCustomerByExternal(ctx, external);
  if (other && other.AvangateCustomerReference !== owner) {
    throw new SoapFault(
      'DUPLICATE_EXTERNAL_REFERENCE',
      `ExternalCustomerReference ${external} is already used by another customer`,
    );
  }
}

export function createCustomer(ctx: OpContext, args: Args): number {
  const input = customerPart(args);
  if (input.AvangateCustomerReference !== undefined && input.AvangateCustomerReference !== null) {
    throw new SoapFault('READONLY_FIELD', 'AvangateCustomerReference is read-only: it is assigned on create');
  }
  for (const field of ['Enabled', 'Trial'] as const) {
    if (input[field] !== undefined && input[field] !== null) {
      throw new SoapFault('READONLY_FIELD', `${field} is read-only: it is derived from the subscriptions`);
    }
  }
  if (Array.isArray(input.ExistingCards) && input.ExistingCards.length > 0) {
    throw new SoapFault('READONLY_FIELD', 'ExistingCards is read-only: cards are stored by orders');
  }
  const customer: SoapStruct = {};
  for (const field of WRITABLE_FIELDS) customer[field] = input[field] ?? null;
  if (customer.ExternalCustomerReference === '') customer.ExternalCustomerReference = null;
  validateCustomer(customer);
  const external = optString(customer.ExternalCustomerReference);
  assertExternalFree(ctx, external, null);
  const reference = ctx.store.nextId('customer', FIRST_CUSTOMER_REFERENCE);
  customer.AvangateCustomerReference = reference;
  customer.ExistingCards = [];
  saveCustomer(ctx, customer, null);
  return reference;
}

export function getCustomerInformation(ctx: OpContext, args: Args): SoapStruct {
  const customer = resolveCustomer(
    ctx,
    optReference(args.AvangateCustomerReference),
    optString(args.ExternalCustomerReference),
  );
  return presentCustomer(ctx, customer);
}

export function getCustomerSubscriptions(ctx: OpContext, args: Args): SoapStruct[] {
  const customer = resolveCustomer(
    ctx,
    optReference(args.AvangateCustomerReference),
    optString(args.ExternalCustomerReference),
  );
  return subscriptionsOf(ctx, customer.AvangateCustomerReference as number).map((s) =>
    presentSubscription(ctx, s),
  );
}

/** Cards compared on what identifies them (a TransientToken only comes with SSO reads). */
function cardsKey(cards: SoapValue | undefined): string {
  const list = Array.isArray(cards) ? cards : [];
  return JSON.stringify(
    list.map((c) =>
      isStruct(c)
        ? ['CardType', 'FirstDigits', 'LastDigits', 'ExpirationMonth', 'ExpirationYear', 'HolderName'].map(
            (f) => c[f] ?? null,
          )
        : null,
    ),
  );
}

/**
 * Read-modify-write: a field the request leaves out stays as stored, a nil field is cleared.
 * Read-only fields may be sent back exactly as read (clients send the whole object) but not changed.
 * The customer is found by AvangateCustomerReference when given (then ExternalCustomerReference may
 * be changed to a value no other customer uses), else by ExternalCustomerReference.
 */
export function updateCustomerInformation(ctx: OpContext, args: Args): boolean {
  const input = customerPart(args);
  const reference = optReference(input.AvangateCustomerReference);
  const external = optString(input.ExternalCustomerReference);
  let stored: SoapStruct;
  if (reference !== null) {
    stored = resolveCustomer(ctx, reference, null);
    const owner = external === null ? undefined : getCustomerByExternal(ctx, external);
    if (owner && owner.AvangateCustomerReference !== reference) {
      throw new SoapFault(
        'CUSTOMER_REFERENCE_MISMATCH',
        'AvangateCustomerReference and ExternalCustomerReference belong to different customers',
      );
    }
  } else {
    stored = resolveCustomer(ctx, null, external);
  }
  const current = presentCustomer(ctx, stored);
  for (const field of READ_ONLY_FIELDS) {
    const given = input[field];
    if (given === undefined || given === null || field === 'AvangateCustomerReference') continue;
    const same =
      field === 'ExistingCards' ? cardsKey(given) === cardsKey(current[field]) : given === current[field];
    if (!same) throw new SoapFault('READONLY_FIELD', `${field} is read-only and cannot be changed`);
  }
  const next: SoapStruct = { ...stored };
  for (const field of WRITABLE_FIELDS) {
    if (input[field] !== undefined) next[field] = input[field];
  }
  if (next.ExternalCustomerReference === '') next.ExternalCustomerReference = null;
  validateCustomer(next);
  const previousExternal = optString(stored.ExternalCustomerReference);
  saveCustomer(ctx, next, previousExternal);

  if (args.UpdateEndUserSubscriptions === true) {
    const changed = END_USER_CONTACT_FIELDS.filter((f) => (next[f] ?? null) !== (stored[f] ?? null));
    if (changed.length > 0) {
      for (const sub of subscriptionsOf(ctx, next.AvangateCustomerReference as number)) {
        const endUser: SoapStruct = isStruct(sub.EndUser) ? { ...sub.EndUser } : {};
        for (const f of changed) endUser[f] = next[f] ?? null;
        saveSubscription(ctx, { ...sub, EndUser: endUser });
      }
    }
  }
  return true;
}
