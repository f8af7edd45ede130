// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 a3f6d1d43cfa4414f0c1543b663fd2fe11cb20e9d2b548600cd5cc8d2a166d1c)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.

import { ArrayOfExistingCard } from "./ArrayOfExistingCard";

/** Customer */
export interface Customer {
    /** xsd:int */
    AvangateCustomerReference?: number;
    /** xsd:string */
    ExternalCustomerReference?: string;
    /** xsd:string */
    FirstName?: string;
    /** xsd:string */
    LastName?: string;
    /** xsd:string */
    Company?: string;
    /** xsd:string */
    FiscalCode?: string;
    /** xsd:string */
    Address1?: string;
    /** xsd:string */
    Address2?: string;
    /** xsd:string */
    City?: string;
    /** xsd:string */
    State?: string;
    /** xsd:string */
    Zip?: string;
    /** xsd:string */
    CountryCode?: string;
    /** xsd:string */
    Phone?: string;
    /** xsd:string */
    Fax?: string;
    /** xsd:string */
    Email?: string;
    /** ExistingCards */
    ExistingCards?: ArrayOfExistingCard;
    /** xsd:boolean */
    Enabled?: boolean;
    /** xsd:boolean */
    Trial?: boolean;
    /** xsd:string */
    Language?: string;
}
