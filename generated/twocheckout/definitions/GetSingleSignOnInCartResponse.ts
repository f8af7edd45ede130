// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.


/** getSingleSignOnInCartResponse */
export interface GetSingleSignOnInCartResponse {
    /** xsd:string */
    getSingleSignOnInCartReturn?: string;
}
