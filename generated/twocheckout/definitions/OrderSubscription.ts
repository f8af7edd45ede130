// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 a3f6d1d43cfa4414f0c1543b663fd2fe11cb20e9d2b548600cd5cc8d2a166d1c)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.


/** item */
export interface OrderSubscription {
    /** xsd:string */
    SubscriptionReference?: string;
    /** xsd:string */
    PurchaseDate?: string;
    /** xsd:string */
    SubscriptionStartDate?: string;
    /** xsd:string */
    ExpirationDate?: string;
    /** xsd:boolean */
    Lifetime?: boolean;
    /** xsd:boolean */
    Trial?: boolean;
    /** xsd:string */
    LicenseCode?: string;
}
