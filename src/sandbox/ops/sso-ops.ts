import { randomBytes } from 'node:crypto';
import { SoapFault } from '../faults/soap-fault';
import { getCustomer, getCustomerByExternal, presentCustomer } from '../model/customers';
import { isStruct, type SoapStruct } from '../xml/values';
import { optString, requireString, type Args } from './args';
import type { OpContext } from './context';

const MAX_VALIDITY_S = 24 * 3600;
const DEFAULT_VALIDITY_S = 10;

/**
 * getSingleSignOnInCart: a one-time login token for the cart, appended to Url as `logintoken=`.
 * CustomerType names the kind of IdCustomer: AvangateCustomerReference (also spelt
 * 2CheckoutCustomerReference in the 4.0 docs) or ExternalCustomerReference.
 */
export function getSingleSignOnInCart(ctx: OpContext, args: Args): string {
  const id = requireString(args.IdCustomer, 'IdCustomer', 'INVALID_CUSTOMER');
  const type = optString(args.CustomerType) ?? 'AvangateCustomerReference';
  let customer: SoapStruct | undefined;
  if (type === 'AvangateCustomerReference' || type === '2CheckoutCustomerReference') {
    if (!/^\d+$/.test(id)) throw new SoapFault('INVALID_CUSTOMER', `IdCustomer must be a number for ${type}`);
    customer = getCustomer(ctx, Number(id));
  } else if (type === 'ExternalCustomerReference') {
    customer = getCustomerByExternal(ctx, id);
  } else {
    throw new SoapFault(
      'INVALID_CUSTOMER_TYPE',
      'CustomerType must be AvangateCustomerReference or ExternalCustomerReference',
    );
  }
  if (!customer) throw new SoapFault('NOT_FOUND_CUSTOMER', `No customer with ${type} ${id}`);
  const url = optString(args.Url) ?? 'https://secure.2checkout.com/order/checkout.php';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SoapFault('INVALID_URL', 'Url must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new SoapFault('INVALID_URL', 'Url must be an absolute http(s) URL');
  }
  const validity = typeof args.ValidityTime === 'number' ? args.ValidityTime : DEFAULT_VALIDITY_S;
  if (!Number.isInteger(validity) || validity < 1 || validity > MAX_VALIDITY_S) {
    throw new SoapFault('INVALID_VALIDITY_TIME', `ValidityTime must be 1 to ${MAX_VALIDITY_S} seconds`);
  }
  const token = randomBytes(16).toString('hex');
  ctx.store.put(ctx.merchant, 'ssoToken', token, {
    reference: customer.AvangateCustomerReference as number,
    expiresAt: ctx.now() + validity * 1000,
    ip: optString(args.ValidationIp),
  });
  parsed.searchParams.set('logintoken', token);
  return parsed.toString();
}

/**
 * getCustomerInformationBySSOToken: the customer a live token was issued for, with each stored
 * card's TransientToken filled in. Tokens are single-use.
 */
export function getCustomerInformationBySSOToken(ctx: OpContext, args: Args): SoapStruct {
  const token = requireString(args.SingleSignOnToken, 'SingleSignOnToken', 'INVALID_SSO_TOKEN');
  const entry = ctx.store.get(ctx.merchant, 'ssoToken', token);
  if (!entry || typeof entry.expiresAt !== 'number' || ctx.now() >= entry.expiresAt) {
    if (entry) ctx.store.delete(ctx.merchant, 'ssoToken', token);
    throw new SoapFault('INVALID_SSO_TOKEN', 'SingleSignOnToken is unknown, used or expired');
  }
  ctx.store.delete(ctx.merchant, 'ssoToken', token);
  const customer = getCustomer(ctx, entry.reference as number);
  if (!customer) throw new SoapFault('NOT_FOUND_CUSTOMER', 'The customer of this token no longer exists');
  const out = presentCustomer(ctx, customer);
  out.ExistingCards = (Array.isArray(out.ExistingCards) ? out.ExistingCards : []).map((card) =>
    isStruct(card) ? { ...card, TransientToken: { Token: randomBytes(12).toString('hex') } } : card,
  );
  return out;
}
