// Customer and its cards as a normalized response gives them. Hand-written for readability; the
// `_…MatchesWsdl` aliases below fail the type-check if the WSDL and these interfaces part ways.
import type { Assert, DomainStruct, Equals } from './schema-types';

/** A short-lived token standing for a stored card (getCustomerInformationBySSOToken). */
export interface TransientToken {
  /** The token. */
  Token: string | null;
}

/** A card stored on a customer (masked: first and last digits only). */
export interface ExistingCard {
  /** Set only when the customer was read through an SSO token. */
  TransientToken: TransientToken | null;
  /** `VISA`, `MASTERCARD`… */
  CardType: string | null;
  /** The first digits of the card number. */
  FirstDigits: string | null;
  /** The last four digits. */
  LastDigits: string | null;
  /** `MM`. */
  ExpirationMonth: string | null;
  /** `YYYY`. */
  ExpirationYear: string | null;
  /** The name on the card. */
  HolderName: string | null;
}

/**
 * A 2Checkout customer as getCustomerInformation returns it (normalized: absent optional fields
 * are `null`).
 */
export interface Customer {
  /** Assigned by 2Checkout; always present in a response (the normalizer rejects a nil one). */
  AvangateCustomerReference: number;
  /** Your own key for the customer, unique per merchant (up to 100 characters). */
  ExternalCustomerReference: string | null;
  /** Required on create. */
  FirstName: string | null;
  /** Required on create. */
  LastName: string | null;
  /** Company name. */
  Company: string | null;
  /** VAT ID or fiscal code; needs Company. */
  FiscalCode: string | null;
  /** First address line; required on create. */
  Address1: string | null;
  /** Second address line. */
  Address2: string | null;
  /** Required on create. */
  City: string | null;
  /** State or region. */
  State: string | null;
  /** Postal code; required on create. */
  Zip: string | null;
  /** ISO 3166-1 alpha-2; the service returns it lower-case (`"us"`). Required on create. */
  CountryCode: string | null;
  /** Phone number. */
  Phone: string | null;
  /** Fax number. */
  Fax: string | null;
  /** E-mail address; required on create. */
  Email: string | null;
  /** Always an array: nil or absent on the wire becomes `[]`. */
  ExistingCards: ExistingCard[];
  /** Derived by the service: true when at least one subscription is enabled. Read-only. */
  Enabled: boolean | null;
  /** Derived by the service: true when every subscription is a trial. Read-only. */
  Trial: boolean | null;
  /** Two-letter language code (ISO 639-1), lower-case. */
  Language: string | null;
}

export type _TransientTokenMatchesWsdl = Assert<Equals<TransientToken, DomainStruct<'TransientToken'>>>;
export type _ExistingCardMatchesWsdl = Assert<Equals<ExistingCard, DomainStruct<'ExistingCard'>>>;
export type _CustomerMatchesWsdl = Assert<Equals<Customer, DomainStruct<'Customer'>>>;
