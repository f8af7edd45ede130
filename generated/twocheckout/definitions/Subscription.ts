// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.

import { SubscriptionProduct } from "./SubscriptionProduct";
import { EndUser } from "./EndUser";

/** item */
export interface Subscription {
    /** xsd:string */
    SubscriptionReference?: string;
    /** xsd:int */
    AvangateCustomerReference?: number;
    /** xsd:string */
    ExternalCustomerReference?: string;
    /** xsd:string */
    MerchantCode?: string;
    /** xsd:string */
    StartDate?: string;
    /** xsd:string */
    ExpirationDate?: string;
    /** xsd:boolean */
    RecurringEnabled?: boolean;
    /** xsd:boolean */
    SubscriptionEnabled?: boolean;
    /** xsd:boolean */
    Lifetime?: boolean;
    /** xsd:boolean */
    TestSubscription?: boolean;
    /** xsd:boolean */
    IsTrial?: boolean;
    /** xsd:string */
    SKU?: string;
    /** xsd:boolean */
    ReceiveNotifications?: boolean;
    /** xsd:string */
    PartnerCode?: string;
    /** Product */
    Product?: SubscriptionProduct;
    /** EndUser */
    EndUser?: EndUser;
}
