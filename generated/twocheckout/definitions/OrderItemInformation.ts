// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 a3f6d1d43cfa4414f0c1543b663fd2fe11cb20e9d2b548600cd5cc8d2a166d1c)
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
