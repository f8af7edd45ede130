// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.

import { BillingDetails } from "./BillingDetails";
import { DeliveryDetails } from "./DeliveryDetails";
import { PaymentDetails } from "./PaymentDetails";
import { Customer } from "./Customer";
import { OrderExtraInformation } from "./OrderExtraInformation";
import { ArrayOfOrderError } from "./ArrayOfOrderError";
import { ArrayOfOrderItemInformation } from "./ArrayOfOrderItemInformation";
import { ArrayOfString } from "./ArrayOfString";
import { ArrayOfAdditionalFieldValue } from "./ArrayOfAdditionalFieldValue";

/** placeOrderReturn */
export interface OrderInformation {
    /** xsd:string */
    RefNo?: string;
    /** xsd:int */
    OrderNo?: number;
    /** xsd:string */
    ExternalReference?: string;
    /** xsd:string */
    ShopperRefNo?: string;
    /** xsd:string */
    Status?: string;
    /** xsd:string */
    ApproveStatus?: string;
    /** xsd:string */
    VendorApproveStatus?: string;
    /** xsd:string */
    Language?: string;
    /** xsd:string */
    OrderDate?: string;
    /** xsd:string */
    FinishDate?: string;
    /** xsd:string */
    Source?: string;
    /** xsd:string */
    AffiliateSource?: string;
    /** xsd:int */
    AffiliateId?: number;
    /** xsd:string */
    AffiliateName?: string;
    /** xsd:string */
    AffiliateUrl?: string;
    /** xsd:boolean */
    RecurringEnabled?: boolean;
    /** xsd:boolean */
    HasShipping?: boolean;
    /** BillingDetails */
    BillingDetails?: BillingDetails;
    /** DeliveryDetails */
    DeliveryDetails?: DeliveryDetails;
    /** PaymentDetails */
    PaymentDetails?: PaymentDetails;
    /** CustomerDetails */
    CustomerDetails?: Customer;
    /** xsd:string */
    Origin?: string;
    /** xsd:double */
    AvangateCommission?: number;
    /** xsd:string */
    OrderFlow?: string;
    /** ExtraInformation */
    ExtraInformation?: OrderExtraInformation;
    /** xsd:string */
    PartnerCode?: string;
    /** xsd:double */
    PartnerMargin?: number;
    /** xsd:double */
    PartnerMarginPercent?: number;
    /** xsd:double */
    ExtraMargin?: number;
    /** xsd:double */
    ExtraMarginPercent?: number;
    /** xsd:double */
    ExtraDiscount?: number;
    /** xsd:double */
    ExtraDiscountPercent?: number;
    /** xsd:string */
    LocalTime?: string;
    /** xsd:boolean */
    TestOrder?: boolean;
    /** Errors */
    Errors?: ArrayOfOrderError;
    /** Items */
    Items?: ArrayOfOrderItemInformation;
    /** Promotions */
    Promotions?: ArrayOfString;
    /** AdditionalFields */
    AdditionalFields?: ArrayOfAdditionalFieldValue;
    /** xsd:string */
    Currency?: string;
    /** xsd:double */
    NetPrice?: number;
    /** xsd:double */
    GrossPrice?: number;
    /** xsd:double */
    NetDiscountedPrice?: number;
    /** xsd:double */
    GrossDiscountedPrice?: number;
    /** xsd:double */
    Discount?: number;
    /** xsd:double */
    VAT?: number;
    /** xsd:double */
    AffiliateCommission?: number;
}
