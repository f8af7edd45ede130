// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 a3f6d1d43cfa4414f0c1543b663fd2fe11cb20e9d2b548600cd5cc8d2a166d1c)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.

import { ArrayOfString } from "./ArrayOfString";
import { ArrayOfCrossSellProduct } from "./ArrayOfCrossSellProduct";

/** item */
export interface CrossSellCampaign {
    /** xsd:string */
    CampaignCode?: string;
    /** xsd:string */
    Name?: string;
    /** MasterProducts */
    MasterProducts?: ArrayOfString;
    /** xsd:string */
    DisplayType?: string;
    /** xsd:boolean */
    DisplayInEmail?: boolean;
    /** Products */
    Products?: ArrayOfCrossSellProduct;
    /** xsd:string */
    StartDate?: string;
    /** xsd:string */
    EndDate?: string;
}
