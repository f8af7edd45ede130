// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 a3f6d1d43cfa4414f0c1543b663fd2fe11cb20e9d2b548600cd5cc8d2a166d1c)
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
