// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
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
