// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.

import { OrderProductDetails } from "./OrderProductDetails";
import { ArrayOfOrderItemPriceOption } from "./ArrayOfOrderItemPriceOption";
import { Price } from "./Price";
import { OrderItemCrossSell } from "./OrderItemCrossSell";
import { OrderItemTrial } from "./OrderItemTrial";
import { ArrayOfAdditionalFieldValue } from "./ArrayOfAdditionalFieldValue";

/** item */
export interface OrderItemInformation {
    /** ProductDetails */
    ProductDetails?: OrderProductDetails;
    /** PriceOptions */
    PriceOptions?: ArrayOfOrderItemPriceOption;
    /** Price */
    Price?: Price;
    /** xsd:string */
    Code?: string;
    /** xsd:int */
    Quantity?: number;
    /** xsd:string */
    SKU?: string;
    /** CrossSell */
    CrossSell?: OrderItemCrossSell;
    /** Trial */
    Trial?: OrderItemTrial;
    /** AdditionalFields */
    AdditionalFields?: ArrayOfAdditionalFieldValue;
    /** xsd:string */
    Promotion?: string;
}
