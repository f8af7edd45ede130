// Subscription as getCustomerSubscriptions returns it (normalized). Pinned to the WSDL below.
import type { Assert, DomainStruct, Equals } from './schema-types';

/** The person who uses a subscription (may differ from the customer who pays). */
export interface EndUser {
  /** First name. */
  FirstName: string | null;
  /** Last name. */
  LastName: string | null;
  /** Company name. */
  Company: string | null;
  /** E-mail address. */
  Email: string | null;
  /** First address line. */
  Address1: string | null;
  /** Second address line. */
  Address2: string | null;
  /** City. */
  City: string | null;
  /** State or region. */
  State: string | null;
  /** Postal code. */
  Zip: string | null;
  /** ISO 3166-1 alpha-2 country code. */
  CountryCode: string | null;
  /** Phone number. */
  Phone: string | null;
  /** Fax number. */
  Fax: string | null;
  /** Two-letter language code. */
  Language: string | null;
}

/** The product a subscription is for. */
export interface SubscriptionProduct {
  /** Your product code. */
  ProductCode: string | null;
  /** 2Checkout's product ID. */
  ProductId: number | null;
  /** The product's name. */
  ProductName: string | null;
  /** How many units. */
  ProductQuantity: number | null;
  /** The product version, when it has one. */
  ProductVersion: string | null;
  /** The price options chosen (always an array). */
  PriceOptionCodes: string[];
}

/** A subscription as getCustomerSubscriptions returns it (normalized). */
export interface Subscription {
  /** Always present in a response (the normalizer rejects a nil one). */
  SubscriptionReference: string;
  /** The customer the subscription belongs to. */
  AvangateCustomerReference: number | null;
  /** That customer's ExternalCustomerReference. */
  ExternalCustomerReference: string | null;
  /** The merchant's code. */
  MerchantCode: string | null;
  /** `YYYY-MM-DD`. */
  StartDate: string | null;
  /** `YYYY-MM-DD`. */
  ExpirationDate: string | null;
  /** Whether it renews automatically. */
  RecurringEnabled: boolean | null;
  /** Whether it is active. */
  SubscriptionEnabled: boolean | null;
  /** Whether it never expires. */
  Lifetime: boolean | null;
  /** Whether it was made with a test order. */
  TestSubscription: boolean | null;
  /** Whether it is a trial. */
  IsTrial: boolean | null;
  /** The product's SKU. */
  SKU: string | null;
  /** Whether the end user receives the service's notification e-mails. */
  ReceiveNotifications: boolean | null;
  /** The partner's code, for partner sales. */
  PartnerCode: string | null;
  /** The product subscribed to. */
  Product: SubscriptionProduct | null;
  /** Who uses the subscription. */
  EndUser: EndUser | null;
}

export type _EndUserMatchesWsdl = Assert<Equals<EndUser, DomainStruct<'EndUser'>>>;
export type _SubscriptionProductMatchesWsdl = Assert<
  Equals<SubscriptionProduct, DomainStruct<'SubscriptionProduct'>>
>;
export type _SubscriptionMatchesWsdl = Assert<Equals<Subscription, DomainStruct<'Subscription'>>>;
