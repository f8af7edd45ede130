// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.


/** BillingDetails */
export interface BillingDetails {
    /** xsd:string */
    FirstName?: string;
    /** xsd:string */
    LastName?: string;
    /** xsd:string */
    Company?: string;
    /** xsd:string */
    FiscalCode?: string;
    /** xsd:string */
    Email?: string;
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
}
