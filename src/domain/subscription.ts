// Subscription as getCustomerSubscriptions returns it (normalized). Pinned to the WSDL below.
import type { Assert, DomainStruct, Equals } from './schema-types';

export interface EndUser {
  FirstName: string | null;
  LastName: string | null;
  Company: string | null;
  Email: string | null;
  Address1: string | null;
  Address2: string | null;
  City: string | null;
  State: string | null;
  Zip: string | null;
  CountryCode: string | null;
  Phone: string | null;
  Fax: string | null;
  Language: string | null;
}

export interface SubscriptionProduct {
  ProductCode: string | null;
  ProductId: number | null;
  ProductName: string | null;
  ProductQuantity: number | null;
  ProductVersion: string | null;
  PriceOptionCodes: string[];
}

export interface Subscription {
  /** Always present in a response (the normalizer rejects a nil one). */
  SubscriptionReference: string;
  AvangateCustomerReference: number | null;
  ExternalCustomerReference: string | null;
  MerchantCode: string | null;
  StartDate: string | null;
  ExpirationDate: string | null;
  RecurringEnabled: boolean | null;
  SubscriptionEnabled: boolean | null;
  Lifetime: boolean | null;
  TestSubscription: boolean | null;
  IsTrial: boolean | null;
  SKU: string | null;
  ReceiveNotifications: boolean | null;
  PartnerCode: string | null;
  Product: SubscriptionProduct | null;
  EndUser: EndUser | null;
}

export type _EndUserMatchesWsdl = Assert<Equals<EndUser, DomainStruct<'EndUser'>>>;
export type _SubscriptionProductMatchesWsdl = Assert<
  Equals<SubscriptionProduct, DomainStruct<'SubscriptionProduct'>>
>;
export type _SubscriptionMatchesWsdl = Assert<Equals<Subscription, DomainStruct<'Subscription'>>>;
