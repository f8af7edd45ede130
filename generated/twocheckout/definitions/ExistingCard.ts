// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.

import { TransientToken } from "./TransientToken";

/** item */
export interface ExistingCard {
    /** TransientToken */
    TransientToken?: TransientToken;
    /** xsd:string */
    CardType?: string;
    /** xsd:string */
    FirstDigits?: string;
    /** xsd:string */
    LastDigits?: string;
    /** xsd:string */
    ExpirationMonth?: string;
    /** xsd:string */
    ExpirationYear?: string;
    /** xsd:string */
    HolderName?: string;
}
