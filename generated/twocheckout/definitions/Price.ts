// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 a3f6d1d43cfa4414f0c1543b663fd2fe11cb20e9d2b548600cd5cc8d2a166d1c)
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
