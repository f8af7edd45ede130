// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
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
