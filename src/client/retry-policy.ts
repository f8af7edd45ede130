import { schema } from '../../generated/twocheckout/schema';

export type WsdlOperation = keyof typeof schema.operations;

/**
 * - `read`: no state changes; always safe to resend.
 * - `idempotent-write`: sending it twice leaves the same state as sending it once; resent on
 *   transient failures like a read.
 * - `unsafe-write`: a second send can do the work twice; never resent once the request may have
 *   reached the server (a failure then raises UnknownOutcomeError).
 */
export type RetryClass = 'read' | 'idempotent-write' | 'unsafe-write';

/**
 * Every WSDL operation, classified. Data, not code: a test fails when the WSDL gains an operation
 * that is missing here, and the compiler rejects an unknown one.
 */
export const retryPolicy: { readonly [Op in WsdlOperation]: RetryClass } = {
  // A repeated login only opens another session; the client retries it with a fresh date and hash.
  login: 'read',
  // Each call creates a new customer with a new AvangateCustomerReference; a replay duplicates it
  // (ExternalCustomerReference uniqueness only catches it when the caller set one).
  createCustomer: 'unsafe-write',
  getCustomerInformation: 'read',
  // Sends the full customer object: replaying it writes the same values again. With
  // UpdateEndUserSubscriptions the same details are copied again, also idempotent.
  updateCustomerInformation: 'idempotent-write',
  getCustomerSubscriptions: 'read',
  // A lookup. If the service treats SSO tokens as single-use, a resend fails cleanly rather than
  // doing anything twice.
  getCustomerInformationBySSOToken: 'read',
  // Mints a new short-lived login URL each time; an extra unused one expires by ValidityTime.
  getSingleSignOnInCart: 'idempotent-write',
  // Moves a subscription to a customer: the end state is the same however often it is sent.
  setSubscriptionCustomer: 'idempotent-write',
  getProductCrossSellCampaigns: 'read',
  searchPriceOptionGroups: 'read',
  getPriceOptionGroup: 'read',
  // Sets the assignment (field, product, Required): same end state when repeated.
  assignAdditionalField: 'idempotent-write',
  // Removes the assignment: same end state when repeated (a replay after success may report that
  // the assignment is gone, which the caller sees as an error, not as double work).
  unassignAdditionalField: 'idempotent-write',
  // Replaces the field's definition with the object sent: idempotent.
  updateAdditionalField: 'idempotent-write',
  getAdditionalField: 'read',
  // Places an order and may charge a card: a replay can charge twice.
  placeOrder: 'unsafe-write',
  // Copies payment data between subscriptions. The docs don't say what else it triggers (card
  // re-validation, notifications), so treat it conservatively as unsafe.
  copyPaymentInfo: 'unsafe-write',
};

export function retryClassOf(operation: string): RetryClass {
  const cls = (retryPolicy as Readonly<Record<string, RetryClass>>)[operation];
  // An operation outside the table (impossible through the typed API) is treated as unsafe.
  return cls ?? 'unsafe-write';
}
