import { randomBytes } from 'node:crypto';
import { SoapFault } from '../faults/soap-fault';
import {
  FIRST_CUSTOMER_REFERENCE,
  presentCustomer,
  resolveCustomer,
  saveCustomer,
  getCustomerByExternal,
} from '../model/customers';
import { saveSubscription } from '../model/subscriptions';
import { isIsoCountryCode } from '../../domain/country-codes';
import { EMAIL_PATTERN, END_USER_CONTACT_FIELDS, WRITABLE_FIELDS } from '../../domain/customer-fields';
import { validateCustomer } from '../rules/customer-rules';
import { luhnValid, round2, VAT_RATES } from '../rules/payment-rules';
import { isStruct, type SoapStruct, type SoapValue } from '../xml/values';
import { optReference, optString, optStruct, type Args } from './args';
import { fieldAssignments, priceOptionGroupsOf } from './catalog-ops';
import type { OpContext } from './context';

const DECLINE_MESSAGE = "Couldn't complete the payment validation process";
const PAYMENT_TYPES = ['TEST', 'CC', 'EXISTING_PAYMENT_DATA'];

function fail(code: string, message: string): never {
  throw new SoapFault(code, message);
}

function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function str(s: SoapStruct, f: string): string | null {
  const v = s[f];
  return typeof v === 'string' && v !== '' ? v : null;
}

interface PricedItem {
  input: SoapStruct;
  product: SoapStruct;
  quantity: number;
  unitNet: number;
  options: { group: SoapStruct; option: SoapStruct }[];
  trial: SoapStruct | null;
}

function checkBilling(order: SoapStruct): SoapStruct {
  const billing = optStruct(order.BillingDetails);
  if (!billing) fail('ORDER_BILLING_DETAILS_EMPTY', 'Order.BillingDetails is required');
  for (const f of ['FirstName', 'LastName', 'Email', 'CountryCode']) {
    if (str(billing, f) === null)
      fail('ORDER_BILLING_DETAILS_INVALID', `Required field is empty: Order.BillingDetails.${f}`);
  }
  if (!EMAIL_PATTERN.test(str(billing, 'Email') as string)) {
    fail('ORDER_BILLING_DETAILS_INVALID', 'Invalid email address: Order.BillingDetails.Email');
  }
  if (!isIsoCountryCode(str(billing, 'CountryCode') as string)) {
    fail('ORDER_BILLING_DETAILS_INVALID', 'Invalid country code: Order.BillingDetails.CountryCode');
  }
  return { ...billing, CountryCode: (billing.CountryCode as string).toLowerCase() };
}

function chooseOptions(
  ctx: OpContext,
  product: SoapStruct,
  item: SoapStruct,
  path: string,
): PricedItem['options'] {
  const groups = priceOptionGroupsOf(ctx, product);
  const asked = (Array.isArray(item.PriceOptions) ? item.PriceOptions : []).filter(
    (c): c is string => typeof c === 'string' && c !== '',
  );
  const chosen: PricedItem['options'] = [];
  for (const code of asked) {
    const group = groups.find(
      (g) => Array.isArray(g.Options) && g.Options.some((o) => isStruct(o) && o.Code === code),
    );
    if (!group)
      fail(
        'ORDER_PRICE_OPTIONS_INVALID',
        `${path}.PriceOptions: ${code} is not a price option of ${String(product.ProductCode)}`,
      );
    if (chosen.some((c) => c.group.Code === group.Code)) {
      fail(
        'ORDER_PRICE_OPTIONS_INVALID',
        `${path}.PriceOptions: more than one option of group ${String(group.Code)}`,
      );
    }
    const option = (group.Options as SoapValue[]).find((o) => isStruct(o) && o.Code === code) as SoapStruct;
    chosen.push({ group, option });
  }
  for (const group of groups) {
    if (chosen.some((c) => c.group.Code === group.Code)) continue;
    const fallback = (Array.isArray(group.Options) ? group.Options : []).find(
      (o) => isStruct(o) && o.Default === true,
    );
    if (isStruct(fallback)) chosen.push({ group, option: fallback });
    else if (group.Required === true) {
      fail(
        'ORDER_PRICE_OPTIONS_INVALID',
        `${path}.PriceOptions: an option of group ${String(group.Code)} is required`,
      );
    }
  }
  return chosen;
}

function optionImpact(option: SoapStruct, base: number, currency: string): number {
  const impact = isStruct(option.PriceImpact) ? option.PriceImpact : {};
  let amount: number;
  if (impact.Method === 'PERCENT')
    amount = (base * (typeof impact.Percent === 'number' ? impact.Percent : 0)) / 100;
  else {
    const amounts = Array.isArray(impact.Amounts) ? impact.Amounts : [];
    const match = amounts.find((a) => isStruct(a) && String(a.Currency).toUpperCase() === currency);
    amount = isStruct(match) && typeof match.Amount === 'number' ? match.Amount : 0;
  }
  return impact.Impact === 'SUBTRACT' ? -amount : amount;
}

function checkAdditionalFields(ctx: OpContext, item: SoapStruct, code: string, path: string): void {
  const given = (Array.isArray(item.AdditionalFields) ? item.AdditionalFields : []).filter(isStruct);
  const assigned = fieldAssignments(ctx, code);
  for (const value of given) {
    const fieldCode = str(value, 'Code');
    const assignment = assigned.find((a) => a.FieldCode === fieldCode);
    if (!fieldCode || !assignment) {
      fail(
        'ORDER_ADDITIONAL_FIELD_INVALID',
        `${path}.AdditionalFields: ${fieldCode ?? '(no Code)'} is not assigned to ${code}`,
      );
    }
    const field = ctx.store.get(ctx.merchant, 'additionalField', fieldCode);
    const rule =
      field && typeof field.ValidationRule === 'string' && field.ValidationRule !== ''
        ? field.ValidationRule
        : null;
    if (rule !== null && !new RegExp(rule).test(str(value, 'Value') ?? '')) {
      fail(
        'ORDER_ADDITIONAL_FIELD_INVALID',
        `${path}.AdditionalFields: ${fieldCode} does not match its ValidationRule`,
      );
    }
  }
  for (const a of assigned) {
    if (a.Required === true && !given.some((v) => v.Code === a.FieldCode && str(v, 'Value') !== null)) {
      fail(
        'ORDER_ADDITIONAL_FIELD_INVALID',
        `${path}.AdditionalFields: ${String(a.FieldCode)} is required for ${code}`,
      );
    }
  }
}

function priceItems(ctx: OpContext, items: SoapStruct[], currency: string): PricedItem[] {
  const codes = items.map((i) => str(i, 'Code'));
  return items.map((item, i) => {
    const path = `Order.Items[${i}]`;
    const code = str(item, 'Code');
    if (code === null) fail('ORDER_PRODUCT_CODE_INVALID', `${path}.Code is required`);
    const product = ctx.store.get(ctx.merchant, 'product', code);
    if (!product || product.Enabled === false) {
      fail('ORDER_PRODUCT_CODE_INVALID', `${path}.Code: ${code} is not an active product`);
    }
    const quantity = typeof item.Quantity === 'number' ? item.Quantity : 1;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99999) {
      fail('ORDER_ITEMS_QUANTITY_INVALID', `${path}.Quantity must be between 1 and 99999`);
    }
    const prices = Array.isArray(product.Prices) ? product.Prices : [];
    const listPrice = prices.find((p) => isStruct(p) && String(p.Currency).toUpperCase() === currency);
    if (!isStruct(listPrice) || typeof listPrice.Amount !== 'number') {
      fail('ORDER_CURRENCY_INVALID', `${path}: product ${code} has no price in ${currency}`);
    }
    let base = listPrice.Amount;
    const custom = optStruct(item.Price);
    if (custom && custom.Type === 'CUSTOM') {
      if (typeof custom.Amount !== 'number' || custom.Amount < 0) {
        fail('ORDER_PRICE_INVALID', `${path}.Price.Amount must be a non-negative number`);
      }
      base = custom.Amount;
    }
    const options = chooseOptions(ctx, product, item, path);
    let unitNet = base + options.reduce((sum, o) => sum + optionImpact(o.option, base, currency), 0);
    const crossSell = optStruct(item.CrossSell);
    if (crossSell && (str(crossSell, 'CampaignCode') || str(crossSell, 'ParentCode'))) {
      const campaign = ctx.store.get(ctx.merchant, 'crossSellCampaign', str(crossSell, 'CampaignCode') ?? '');
      const parent = str(crossSell, 'ParentCode');
      const offer =
        campaign && Array.isArray(campaign.Products)
          ? campaign.Products.find((p) => isStruct(p) && p.ProductCode === code)
          : undefined;
      if (
        !campaign ||
        !isStruct(offer) ||
        !parent ||
        !Array.isArray(campaign.MasterProducts) ||
        !campaign.MasterProducts.includes(parent) ||
        !codes.includes(parent)
      ) {
        fail(
          'ORDER_CROSS_SELL_INVALID',
          `${path}.CrossSell does not match a campaign offering ${code} with its parent product in the order`,
        );
      }
      const discount = typeof offer.Discount === 'number' ? offer.Discount : 0;
      unitNet = offer.DiscountType === 'PERCENT' ? unitNet * (1 - discount / 100) : unitNet - discount;
    }
    const trial = optStruct(item.Trial);
    if (trial && trial.Period !== null && trial.Period !== undefined) {
      if (typeof trial.Period !== 'number' || trial.Period < 1)
        fail('ORDER_TRIAL_INVALID', `${path}.Trial.Period must be 1 or more`);
      unitNet = typeof trial.Price === 'number' ? trial.Price : 0;
    }
    checkAdditionalFields(ctx, item, code, path);
    return {
      input: item,
      product,
      quantity,
      unitNet: Math.max(0, round2(unitNet)),
      options,
      trial: trial && trial.Period ? trial : null,
    };
  });
}

function orderCustomer(ctx: OpContext, order: SoapStruct, billing: SoapStruct): SoapStruct {
  const reference = optReference(order.CustomerReference);
  const external = optString(order.ExternalCustomerReference);
  if (reference !== null) return resolveCustomer(ctx, reference, external);
  if (external !== null) {
    const existing = getCustomerByExternal(ctx, external);
    if (existing) return existing;
  }
  const customer: SoapStruct = {};
  for (const f of WRITABLE_FIELDS) customer[f] = billing[f] ?? null;
  customer.ExternalCustomerReference = external;
  customer.Language = optString(order.Language) ?? null;
  try {
    validateCustomer(customer);
  } catch (err) {
    if (err instanceof SoapFault)
      fail('ORDER_BILLING_DETAILS_INVALID', `Order.BillingDetails: ${err.message}`);
    throw err;
  }
  customer.AvangateCustomerReference = ctx.store.nextId('customer', FIRST_CUSTOMER_REFERENCE);
  customer.ExistingCards = [];
  saveCustomer(ctx, customer, null);
  return customer;
}

interface PaymentOutcome {
  approved: boolean;
  card: SoapStruct | null;
  method: SoapStruct | null;
}

function checkPayment(order: SoapStruct, customer: SoapStruct, now: number): PaymentOutcome {
  const details = optStruct(order.PaymentDetails);
  if (!details) fail('ORDER_PAYMENT_DETAILS_INVALID', 'Order.PaymentDetails is required');
  const type = str(details, 'Type')?.toUpperCase() ?? '';
  if (!PAYMENT_TYPES.includes(type)) {
    fail(
      'ORDER_PAYMENT_DETAILS_INVALID',
      `Order.PaymentDetails.Type must be one of ${PAYMENT_TYPES.join(', ')}`,
    );
  }
  if (type === 'EXISTING_PAYMENT_DATA') {
    const cards = Array.isArray(customer.ExistingCards) ? customer.ExistingCards.filter(isStruct) : [];
    if (cards.length === 0)
      fail('ORDER_PAYMENT_DETAILS_INVALID', 'The customer has no stored card for EXISTING_PAYMENT_DATA');
    return {
      approved: true,
      card: cards[0],
      method: {
        CardType: cards[0].CardType ?? null,
        FirstDigits: cards[0].FirstDigits ?? null,
        LastDigits: cards[0].LastDigits ?? null,
      },
    };
  }
  const method = optStruct(details.PaymentMethod);
  if (!method) fail('ORDER_PAYMENT_DETAILS_INVALID', 'Order.PaymentDetails.PaymentMethod is required');
  const number = (str(method, 'CardNumber') ?? '').replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number))
    fail(
      'ORDER_PAYMENT_DETAILS_INVALID',
      'Order.PaymentDetails.PaymentMethod.CardNumber must be 12 to 19 digits',
    );
  const month = Number(str(method, 'ExpirationMonth'));
  const year = Number(str(method, 'ExpirationYear'));
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year) || year < 2000) {
    fail(
      'ORDER_PAYMENT_DETAILS_INVALID',
      'Order.PaymentDetails.PaymentMethod needs ExpirationMonth (1-12) and ExpirationYear (YYYY)',
    );
  }
  const today = new Date(now);
  const expired =
    year < today.getUTCFullYear() || (year === today.getUTCFullYear() && month < today.getUTCMonth() + 1);
  const card: SoapStruct = {
    TransientToken: null,
    CardType: str(method, 'CardType')?.toUpperCase() ?? null,
    FirstDigits: number.slice(0, 4),
    LastDigits: number.slice(-4),
    ExpirationMonth: String(month).padStart(2, '0'),
    ExpirationYear: String(year),
    HolderName: str(method, 'HolderName'),
  };
  return {
    approved: luhnValid(number) && !expired,
    card,
    method: {
      CardType: card.CardType,
      RecurringEnabled: method.RecurringEnabled === true,
      FirstDigits: card.FirstDigits,
      LastDigits: card.LastDigits,
    },
  };
}

function newSubscriptionReference(ctx: OpContext): string {
  for (;;) {
    const ref = randomBytes(5).toString('hex').toUpperCase();
    if (!ctx.store.get(ctx.merchant, 'subscription', ref)) return ref;
  }
}

/**
 * Validates the order (faults: ORDER_*), prices it (list price or CUSTOM, price options, cross-sell
 * discount, trial price, VAT by billing country) and charges the card. A declined card (fails the
 * Luhn check, e.g. 4111111111111112, or expired) is not a fault: the order comes back PENDING with
 * Errors, as the service does. An approved order is COMPLETE and creates one subscription per item.
 */
export function placeOrder(ctx: OpContext, args: Args): SoapStruct {
  const order = optStruct(args.Order);
  if (!order) fail('ORDER_EMPTY', 'Order is required');
  const items = (Array.isArray(order.Items) ? order.Items : []).filter(isStruct);
  if (items.length === 0) fail('ORDER_PRODUCTS_EMPTY', 'Order.Items is empty');
  const details = optStruct(order.PaymentDetails);
  const currency = (
    str(order, 'Currency') ??
    (details ? str(details, 'Currency') : null) ??
    'USD'
  ).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    fail('ORDER_CURRENCY_INVALID', 'Order.Currency must be an ISO 4217 code such as EUR');
  const billing = checkBilling(order);
  const priced = priceItems(ctx, items, currency);
  const customer = orderCustomer(ctx, order, billing);
  const payment = checkPayment(order, customer, ctx.now());
  const vatRate = VAT_RATES[billing.CountryCode as string] ?? 0;
  const now = ctx.now();
  const orderNo = ctx.store.nextId('order', 1);
  const refNo = String(90_000_000 + orderNo);
  const paymentType = (details && str(details, 'Type')?.toUpperCase()) ?? 'TEST';
  const recurring = payment.method?.RecurringEnabled === true;

  let net = 0;
  let vat = 0;
  const itemInfos = priced.map((p) => {
    const unitVat = round2(p.unitNet * vatRate);
    const lineNet = round2(p.unitNet * p.quantity);
    const lineVat = round2(unitVat * p.quantity);
    net += lineNet;
    vat += lineVat;
    const subscriptions: SoapStruct[] = [];
    if (payment.approved) {
      const reference = newSubscriptionReference(ctx);
      const months = Math.max(
        1,
        ...p.options.map(
          (o) => Number(isStruct(o.option.SubscriptionImpact) ? o.option.SubscriptionImpact.Months : 1) || 1,
        ),
      );
      const expires = new Date(now);
      if (p.trial) expires.setUTCDate(expires.getUTCDate() + (p.trial.Period as number));
      else expires.setUTCMonth(expires.getUTCMonth() + months);
      const endUser: SoapStruct = {};
      for (const f of END_USER_CONTACT_FIELDS) endUser[f] = billing[f] ?? null;
      endUser.Language = optString(order.Language); // the order's, not the billing details'
      saveSubscription(ctx, {
        SubscriptionReference: reference,
        AvangateCustomerReference: customer.AvangateCustomerReference as number,
        StartDate: formatDate(now).slice(0, 10),
        ExpirationDate: expires.toISOString().slice(0, 10),
        RecurringEnabled: recurring,
        SubscriptionEnabled: true,
        Lifetime: false,
        TestSubscription: paymentType === 'TEST',
        IsTrial: p.trial !== null,
        SKU: optString(p.input.SKU),
        ReceiveNotifications: true,
        PartnerCode: '',
        Product: {
          ProductCode: p.product.ProductCode ?? null,
          ProductId: p.product.ProductId ?? null,
          ProductName: p.product.ProductName ?? null,
          ProductQuantity: p.quantity,
          ProductVersion: p.product.ProductVersion ?? null,
          PriceOptionCodes: p.options.map((o) => o.option.Code as string),
        },
        EndUser: endUser,
        Payment: payment.card,
        OrderRefNo: refNo,
      });
      subscriptions.push({
        SubscriptionReference: reference,
        PurchaseDate: formatDate(now).slice(0, 10),
        SubscriptionStartDate: formatDate(now),
        ExpirationDate: expires.toISOString().slice(0, 10),
        Lifetime: false,
        Trial: p.trial !== null,
        LicenseCode: `LIC-${reference}`,
      });
    }
    return {
      ProductDetails: {
        Name: p.product.ProductName ?? null,
        ExtraInfo: '',
        RenewalStatus: recurring,
        Subscriptions: subscriptions,
      },
      PriceOptions: p.options.map((o) => ({
        Code: o.group.Code ?? null,
        Required: o.group.Required === true,
        Options: [o.option.Code as string],
      })),
      Price: {
        UnitNetPrice: p.unitNet,
        UnitGrossPrice: round2(p.unitNet + unitVat),
        UnitVAT: unitVat,
        UnitDiscount: 0,
        UnitNetDiscountedPrice: p.unitNet,
        UnitGrossDiscountedPrice: round2(p.unitNet + unitVat),
        UnitAffiliateCommission: 0,
        Currency: currency,
        NetPrice: lineNet,
        GrossPrice: round2(lineNet + lineVat),
        NetDiscountedPrice: lineNet,
        GrossDiscountedPrice: round2(lineNet + lineVat),
        Discount: 0,
        VAT: lineVat,
        AffiliateCommission: 0,
      },
      Code: p.product.ProductCode ?? null,
      Quantity: p.quantity,
      SKU: optString(p.input.SKU),
      CrossSell: optStruct(p.input.CrossSell),
      Trial: p.trial,
      AdditionalFields: Array.isArray(p.input.AdditionalFields) ? p.input.AdditionalFields : [],
      Promotion: optString(p.input.Promotion),
    } satisfies SoapStruct;
  });

  if (payment.approved && payment.card && payment.card.FirstDigits !== undefined) {
    const cards = (Array.isArray(customer.ExistingCards) ? customer.ExistingCards : []).filter(isStruct);
    const known = cards.some(
      (c) =>
        c.LastDigits === payment.card?.LastDigits &&
        c.FirstDigits === payment.card?.FirstDigits &&
        c.ExpirationYear === payment.card?.ExpirationYear,
    );
    if (!known && paymentType !== 'EXISTING_PAYMENT_DATA') {
      saveCustomer(
        ctx,
        { ...customer, ExistingCards: [...cards, payment.card] },
        optString(customer.ExternalCustomerReference),
      );
    }
  }
  net = round2(net);
  vat = round2(vat);
  const info: SoapStruct = {
    RefNo: refNo,
    OrderNo: orderNo,
    ExternalReference: optString(order.ExternalReference),
    ShopperRefNo: null,
    Status: payment.approved ? 'COMPLETE' : 'PENDING',
    ApproveStatus: payment.approved ? 'OK' : 'WAITING',
    VendorApproveStatus: 'OK',
    Language: optString(order.Language),
    OrderDate: formatDate(now),
    FinishDate: payment.approved ? formatDate(now) : null,
    Source: optString(order.Source),
    RecurringEnabled: recurring,
    HasShipping: false,
    BillingDetails: billing,
    DeliveryDetails: optStruct(order.DeliveryDetails),
    PaymentDetails: {
      Type: paymentType,
      Currency: currency,
      CustomerIP: details ? str(details, 'CustomerIP') : null,
      PaymentMethod: payment.method,
    },
    CustomerDetails: presentCustomer(
      ctx,
      ctx.store.get(ctx.merchant, 'customer', String(customer.AvangateCustomerReference)) ?? customer,
    ),
    LocalTime: optString(order.LocalTime),
    TestOrder: paymentType === 'TEST',
    Errors: payment.approved ? [] : [{ Code: 'CARD_PAYMENT_ERROR', Message: DECLINE_MESSAGE }],
    Items: itemInfos,
    Promotions: Array.isArray(order.Promotions) ? order.Promotions : [],
    AdditionalFields: null,
    Currency: currency,
    NetPrice: net,
    GrossPrice: round2(net + vat),
    NetDiscountedPrice: net,
    GrossDiscountedPrice: round2(net + vat),
    Discount: 0,
    VAT: vat,
    AffiliateCommission: 0,
  };
  ctx.store.put(ctx.merchant, 'order', refNo, info);
  return info;
}
