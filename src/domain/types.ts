// The remaining WSDL types, derived from the schema model (exact: see DomainStruct for the rules).
// Customer and Subscription (and their parts) are hand-written in customer.ts / subscription.ts.
import type { DomainStruct } from './schema-types';

export type AdditionalField = DomainStruct<'AdditionalField'>;
export type AdditionalFieldTranslation = DomainStruct<'AdditionalFieldTranslation'>;
export type AdditionalFieldValue = DomainStruct<'AdditionalFieldValue'>;
export type BillingDetails = DomainStruct<'BillingDetails'>;
export type CrossSellCampaign = DomainStruct<'CrossSellCampaign'>;
export type CrossSellProduct = DomainStruct<'CrossSellProduct'>;
export type DeliveryDetails = DomainStruct<'DeliveryDetails'>;
export type Order = DomainStruct<'Order'>;
export type OrderError = DomainStruct<'OrderError'>;
export type OrderExtraInformation = DomainStruct<'OrderExtraInformation'>;
export type OrderInformation = DomainStruct<'OrderInformation'>;
export type OrderItem = DomainStruct<'OrderItem'>;
export type OrderItemCrossSell = DomainStruct<'OrderItemCrossSell'>;
export type OrderItemInformation = DomainStruct<'OrderItemInformation'>;
export type OrderItemPrice = DomainStruct<'OrderItemPrice'>;
export type OrderItemPriceOption = DomainStruct<'OrderItemPriceOption'>;
export type OrderItemTrial = DomainStruct<'OrderItemTrial'>;
export type OrderProductDetails = DomainStruct<'OrderProductDetails'>;
export type OrderSubscription = DomainStruct<'OrderSubscription'>;
export type PaymentDetails = DomainStruct<'PaymentDetails'>;
export type PaymentMethod = DomainStruct<'PaymentMethod'>;
export type Price = DomainStruct<'Price'>;
export type PriceOption = DomainStruct<'PriceOption'>;
export type PriceOptionAmount = DomainStruct<'PriceOptionAmount'>;
export type PriceOptionGroup = DomainStruct<'PriceOptionGroup'>;
export type PriceOptionGroupSearchOptions = DomainStruct<'PriceOptionGroupSearchOptions'>;
export type PriceOptionPriceImpact = DomainStruct<'PriceOptionPriceImpact'>;
export type PriceOptionSubscriptionImpact = DomainStruct<'PriceOptionSubscriptionImpact'>;
export type PriceOptionTranslation = DomainStruct<'PriceOptionTranslation'>;
