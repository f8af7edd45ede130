// Fields the WSDL marks nillable (every element is, PHP-style) but which a response always carries.
// The normalizer rejects a response where one of them is nil, so the domain types can say `number`
// rather than `number | null`. Shared by the type-level derivation and the runtime normalizer.
/** Per struct type, the fields a response always carries (the normalizer rejects a nil one). */
export const RESPONSE_REQUIRED = {
  /** Customer fields never nil in a response. */
  Customer: ['AvangateCustomerReference'],
  /** Subscription fields never nil in a response. */
  Subscription: ['SubscriptionReference'],
} as const;
