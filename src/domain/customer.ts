// Customer and its cards as a normalized response gives them. Hand-written for readability; the
// `_…MatchesWsdl` aliases below fail the type-check if the WSDL and these interfaces part ways.
import type { Assert, DomainStruct, Equals } from './schema-types';

export interface TransientToken {
  Token: string | null;
}

export interface ExistingCard {
  TransientToken: TransientToken | null;
  CardType: string | null;
  FirstDigits: string | null;
  LastDigits: string | null;
  ExpirationMonth: string | null;
  ExpirationYear: string | null;
  HolderName: string | null;
}

export interface Customer {
  /** Assigned by 2Checkout; always present in a response (the normalizer rejects a nil one). */
  AvangateCustomerReference: number;
  ExternalCustomerReference: string | null;
  FirstName: string | null;
  LastName: string | null;
  Company: string | null;
  FiscalCode: string | null;
  Address1: string | null;
  Address2: string | null;
  City: string | null;
  State: string | null;
  Zip: string | null;
  CountryCode: string | null;
  Phone: string | null;
  Fax: string | null;
  Email: string | null;
  /** Always an array: nil or absent on the wire becomes `[]`. */
  ExistingCards: ExistingCard[];
  Enabled: boolean | null;
  Trial: boolean | null;
  Language: string | null;
}

export type _TransientTokenMatchesWsdl = Assert<Equals<TransientToken, DomainStruct<'TransientToken'>>>;
export type _ExistingCardMatchesWsdl = Assert<Equals<ExistingCard, DomainStruct<'ExistingCard'>>>;
export type _CustomerMatchesWsdl = Assert<Equals<Customer, DomainStruct<'Customer'>>>;
