// Facts about the Customer object shared by the client's early validation (src/customers) and the
// sandbox's server-side rules (src/sandbox), so the two can never drift apart.

/** Fields of the 4.0 Customer object, as in the WSDL. */
export const CUSTOMER_FIELDS = [
  'AvangateCustomerReference',
  'ExternalCustomerReference',
  'FirstName',
  'LastName',
  'Company',
  'FiscalCode',
  'Address1',
  'Address2',
  'City',
  'State',
  'Zip',
  'CountryCode',
  'Phone',
  'Fax',
  'Email',
  'ExistingCards',
  'Enabled',
  'Trial',
  'Language',
] as const;

/** The name of a Customer field. */
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** Set by the service, never by a client: AvangateCustomerReference is assigned, the rest derived. */
export const READ_ONLY_FIELDS = ['AvangateCustomerReference', 'ExistingCards', 'Enabled', 'Trial'] as const;
export type ReadOnlyField = (typeof READ_ONLY_FIELDS)[number];

/** A Customer field a client may write. */
export type WritableField = Exclude<CustomerField, ReadOnlyField>;

/** Every Customer field but the read-only ones. */
export const WRITABLE_FIELDS: readonly WritableField[] = CUSTOMER_FIELDS.filter(
  (f): f is WritableField => !(READ_ONLY_FIELDS as readonly string[]).includes(f),
);

/** Required on create, and may not be cleared by an update. */
export const REQUIRED_FIELDS: readonly WritableField[] = [
  'FirstName',
  'LastName',
  'Address1',
  'City',
  'Zip',
  'CountryCode',
  'Email',
];

/**
 * Maximum lengths in characters. 2Checkout documents none for 4.0; these are our conservative
 * assumptions (the sandbox enforces the same ones), so a bad value fails locally with a clear message.
 */
export const MAX_LENGTHS: Readonly<Record<WritableField, number>> = {
  ExternalCustomerReference: 100,
  FirstName: 100,
  LastName: 100,
  Company: 200,
  FiscalCode: 50,
  Address1: 255,
  Address2: 255,
  City: 100,
  State: 100,
  Zip: 20,
  CountryCode: 2,
  Phone: 50,
  Fax: 50,
  Email: 254,
  Language: 2,
};

/**
 * Contact fields an end user shares with its customer (copied by UpdateEndUserSubscriptions): every
 * writable field but the customer's own identifiers.
 */
export const END_USER_CONTACT_FIELDS: readonly WritableField[] = WRITABLE_FIELDS.filter(
  (f) => f !== 'ExternalCustomerReference' && f !== 'FiscalCode',
);

/**
 * Pragmatic e-mail check (what the service and mail systems accept in practice): one `@`, no
 * spaces or control characters, a dotted domain of letters/digits/hyphens with a 2+ letter TLD.
 */
export const EMAIL_PATTERN = /^[^\s@"(),:;<>[\\\]]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Language is an ISO 639-1 two-letter code, in either case. */
export const LANGUAGE_PATTERN = /^[a-z]{2}$/i;
