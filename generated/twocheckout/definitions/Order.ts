// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 a3f6d1d43cfa4414f0c1543b663fd2fe11cb20e9d2b548600cd5cc8d2a166d1c)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.

import { ArrayOfOrderItem } from "./ArrayOfOrderItem";
import { BillingDetails } from "./BillingDetails";
import { DeliveryDetails } from "./DeliveryDetails";
import { PaymentDetails } from "./PaymentDetails";
import { ArrayOfString } from "./ArrayOfString";

/** Order */
export interface Order {
    /** xsd:string */
    RefNo?: string;
    /** xsd:string */
    Currency?: string;
    /** xsd:string */
    Country?: string;
    /** xsd:string */
    Language?: string;
    /** xsd:string */
    CustomerIP?: string;
    /** xsd:string */
    ExternalReference?: string;
    /** xsd:string */
    Source?: string;
    /** xsd:int */
    AffiliateId?: number;
    /** xsd:int */
    CustomerReference?: number;
    /** xsd:string */
    ExternalCustomerReference?: string;
    /** xsd:string */
    LocalTime?: string;
    /** Items */
    Items?: ArrayOfOrderItem;
    /** BillingDetails */
    BillingDetails?: BillingDetails;
    /** DeliveryDetails */
    DeliveryDetails?: DeliveryDetails;
    /** PaymentDetails */
    PaymentDetails?: PaymentDetails;
    /** Promotions */
    Promotions?: ArrayOfString;
}
