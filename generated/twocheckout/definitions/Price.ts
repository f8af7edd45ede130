// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.


/** Price */
export interface Price {
    /** xsd:double */
    UnitNetPrice?: number;
    /** xsd:double */
    UnitGrossPrice?: number;
    /** xsd:double */
    UnitVAT?: number;
    /** xsd:double */
    UnitDiscount?: number;
    /** xsd:double */
    UnitNetDiscountedPrice?: number;
    /** xsd:double */
    UnitGrossDiscountedPrice?: number;
    /** xsd:double */
    UnitAffiliateCommission?: number;
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
