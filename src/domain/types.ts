// The remaining WSDL types, derived from the schema model (exact: see DomainStruct for the rules).
// Customer and Subscription (and their parts) are hand-written in customer.ts / subscription.ts.
import type { DomainStruct } from './schema-types';

/** An additional field: an extra question asked at checkout (getAdditionalField). The WSDL type `AdditionalField`, normalized. */
export type AdditionalField = DomainStruct<'AdditionalField'>;
/** An additional field's label in one language. The WSDL type `AdditionalFieldTranslation`, normalized. */
export type AdditionalFieldTranslation = DomainStruct<'AdditionalFieldTranslation'>;
/** One allowed value of a LISTBOX or CHECKBOX additional field. The WSDL type `AdditionalFieldValue`, normalized. */
export type AdditionalFieldValue = DomainStruct<'AdditionalFieldValue'>;
/** The billing contact and address of an order. The WSDL type `BillingDetails`, normalized. */
export type BillingDetails = DomainStruct<'BillingDetails'>;
/** A cross-sell campaign (getProductCrossSellCampaigns). The WSDL type `CrossSellCampaign`, normalized. */
export type CrossSellCampaign = DomainStruct<'CrossSellCampaign'>;
/** A product a cross-sell campaign offers, with its discount. The WSDL type `CrossSellProduct`, normalized. */
export type CrossSellProduct = DomainStruct<'CrossSellProduct'>;
/** The delivery contact and address of an order. The WSDL type `DeliveryDetails`, normalized. */
export type DeliveryDetails = DomainStruct<'DeliveryDetails'>;
/** An order to place: placeOrder's input. The WSDL type `Order`, normalized. */
export type Order = DomainStruct<'Order'>;
/** Why an order was not completed (e.g. `CARD_PAYMENT_ERROR`); a declined card is not a fault. The WSDL type `OrderError`, normalized. */
export type OrderError = DomainStruct<'OrderError'>;
/** Extra data of an order (referrer, retry link…). The WSDL type `OrderExtraInformation`, normalized. */
export type OrderExtraInformation = DomainStruct<'OrderExtraInformation'>;
/** A placed order, as placeOrder returns it. The WSDL type `OrderInformation`, normalized. */
export type OrderInformation = DomainStruct<'OrderInformation'>;
/** One product line of an order to place. The WSDL type `OrderItem`, normalized. */
export type OrderItem = DomainStruct<'OrderItem'>;
/** The cross-sell campaign an order line comes from. The WSDL type `OrderItemCrossSell`, normalized. */
export type OrderItemCrossSell = DomainStruct<'OrderItemCrossSell'>;
/** One product line of a placed order, priced. The WSDL type `OrderItemInformation`, normalized. */
export type OrderItemInformation = DomainStruct<'OrderItemInformation'>;
/** The price of an order line: the list price or a custom one. The WSDL type `OrderItemPrice`, normalized. */
export type OrderItemPrice = DomainStruct<'OrderItemPrice'>;
/** The price options chosen for an order line. The WSDL type `OrderItemPriceOption`, normalized. */
export type OrderItemPriceOption = DomainStruct<'OrderItemPriceOption'>;
/** The trial terms of an order line. The WSDL type `OrderItemTrial`, normalized. */
export type OrderItemTrial = DomainStruct<'OrderItemTrial'>;
/** The product details of a placed order line. The WSDL type `OrderProductDetails`, normalized. */
export type OrderProductDetails = DomainStruct<'OrderProductDetails'>;
/** A subscription an order created. The WSDL type `OrderSubscription`, normalized. */
export type OrderSubscription = DomainStruct<'OrderSubscription'>;
/** How an order is paid (`TEST`, `CC`, `EXISTING_PAYMENT_DATA`) and in which currency. The WSDL type `PaymentDetails`, normalized. */
export type PaymentDetails = DomainStruct<'PaymentDetails'>;
/** The card or stored payment data of PaymentDetails. The WSDL type `PaymentMethod`, normalized. */
export type PaymentMethod = DomainStruct<'PaymentMethod'>;
/** A price: amount, currency and type. The WSDL type `Price`, normalized. */
export type Price = DomainStruct<'Price'>;
/** One option of a price option group (e.g. `MONTHLY`). The WSDL type `PriceOption`, normalized. */
export type PriceOption = DomainStruct<'PriceOption'>;
/** A price option's impact in one currency. The WSDL type `PriceOptionAmount`, normalized. */
export type PriceOptionAmount = DomainStruct<'PriceOptionAmount'>;
/** A price option group (getPriceOptionGroup). The WSDL type `PriceOptionGroup`, normalized. */
export type PriceOptionGroup = DomainStruct<'PriceOptionGroup'>;
/** The criteria of searchPriceOptionGroups. The WSDL type `PriceOptionGroupSearchOptions`, normalized. */
export type PriceOptionGroupSearchOptions = DomainStruct<'PriceOptionGroupSearchOptions'>;
/** How a price option changes the price. The WSDL type `PriceOptionPriceImpact`, normalized. */
export type PriceOptionPriceImpact = DomainStruct<'PriceOptionPriceImpact'>;
/** How a price option changes the subscription's length. The WSDL type `PriceOptionSubscriptionImpact`, normalized. */
export type PriceOptionSubscriptionImpact = DomainStruct<'PriceOptionSubscriptionImpact'>;
/** A price option's name in one language. The WSDL type `PriceOptionTranslation`, normalized. */
export type PriceOptionTranslation = DomainStruct<'PriceOptionTranslation'>;
