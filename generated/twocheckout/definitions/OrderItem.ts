// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 a3f6d1d43cfa4414f0c1543b663fd2fe11cb20e9d2b548600cd5cc8d2a166d1c)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.

import { ArrayOfString } from "./ArrayOfString";
import { OrderItemPrice } from "./OrderItemPrice";
import { OrderItemCrossSell } from "./OrderItemCrossSell";
import { OrderItemTrial } from "./OrderItemTrial";
import { ArrayOfAdditionalFieldValue } from "./ArrayOfAdditionalFieldValue";

/** item */
export interface OrderItem {
    /** xsd:string */
    Code?: string;
    /** xsd:int */
    Quantity?: number;
    /** PriceOptions */
    PriceOptions?: ArrayOfString;
    /** xsd:string */
    SKU?: string;
    /** Price */
    Price?: OrderItemPrice;
    /** CrossSell */
    CrossSell?: OrderItemCrossSell;
    /** Trial */
    Trial?: OrderItemTrial;
    /** AdditionalFields */
    AdditionalFields?: ArrayOfAdditionalFieldValue;
    /** xsd:string */
    Promotion?: string;
}
