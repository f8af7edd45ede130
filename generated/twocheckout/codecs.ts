// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.

import * as rt from '../../src/wire/encode';
import { arrayPlan, defineFields, defineItem, scalarPlan, structPlan } from '../../src/wire/plan';
import type { ResponsePlan } from '../../src/wire/plan';
import type { Login } from './definitions/Login';
import type { CreateCustomer } from './definitions/CreateCustomer';
import type { GetCustomerInformation } from './definitions/GetCustomerInformation';
import type { UpdateCustomerInformation } from './definitions/UpdateCustomerInformation';
import type { GetCustomerSubscriptions } from './definitions/GetCustomerSubscriptions';
import type { GetCustomerInformationBySsoToken } from './definitions/GetCustomerInformationBySsoToken';
import type { GetSingleSignOnInCart } from './definitions/GetSingleSignOnInCart';
import type { SetSubscriptionCustomer } from './definitions/SetSubscriptionCustomer';
import type { GetProductCrossSellCampaigns } from './definitions/GetProductCrossSellCampaigns';
import type { SearchPriceOptionGroups } from './definitions/SearchPriceOptionGroups';
import type { GetPriceOptionGroup } from './definitions/GetPriceOptionGroup';
import type { AssignAdditionalField } from './definitions/AssignAdditionalField';
import type { UnassignAdditionalField } from './definitions/UnassignAdditionalField';
import type { UpdateAdditionalField } from './definitions/UpdateAdditionalField';
import type { GetAdditionalField } from './definitions/GetAdditionalField';
import type { PlaceOrder } from './definitions/PlaceOrder';
import type { CopyPaymentInfo } from './definitions/CopyPaymentInfo';

/** A request value as a caller gives it, from a wsdl-tsclient interface: fields optional or null (xsi:nil), SOAP-ENC arrays as plain arrays. */
export type WireValue<T> = T extends string | number | boolean
  ? T
  : T extends { item?: Array<infer I> }
    ? keyof T extends 'item'
      ? readonly (WireValue<I> | null | undefined)[]
      : WireStruct<T>
    : WireStruct<T>;
export type WireStruct<T> = { [K in keyof T]?: WireValue<NonNullable<T[K]>> | null };
/** The arguments of an operation: its message parts but sessionID, which the client adds. */
export type RequestArgs<M> = { [K in Exclude<keyof M, 'sessionID'>]?: WireValue<NonNullable<M[K]>> | null };

export const targetNamespace = "urn:order";
const HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"  xmlns:tns=\"urn:order\"><soap:Body>";
const TAIL = '</soap:Body></soap:Envelope>';

// ---- request writers, one per type a request can carry
const K_AdditionalField: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "Code": 1, "Label": 1, "Type": 1, "ApplyTo": 1, "Values": 1, "ValidationRule": 1, "Translations": 1 });
export function w_AdditionalField(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "AdditionalField", K_AdditionalField);
  let x = '';
  let f: unknown;
  f = o["Code"];
  if (f !== undefined) x += f === null ? "<Code xsi:nil=\"true\"></Code>" : "<Code>" + rt.str(f, op, path, ".Code") + "</Code>";
  f = o["Label"];
  if (f !== undefined) x += f === null ? "<Label xsi:nil=\"true\"></Label>" : "<Label>" + rt.str(f, op, path, ".Label") + "</Label>";
  f = o["Type"];
  if (f !== undefined) x += f === null ? "<Type xsi:nil=\"true\"></Type>" : "<Type>" + rt.str(f, op, path, ".Type") + "</Type>";
  f = o["ApplyTo"];
  if (f !== undefined) x += f === null ? "<ApplyTo xsi:nil=\"true\"></ApplyTo>" : "<ApplyTo>" + rt.str(f, op, path, ".ApplyTo") + "</ApplyTo>";
  f = o["Values"];
  if (f !== undefined) x += f === null ? "<Values xsi:nil=\"true\"></Values>" : "<Values>" + w_ArrayOfString(f, op, path + ".Values") + "</Values>";
  f = o["ValidationRule"];
  if (f !== undefined) x += f === null ? "<ValidationRule xsi:nil=\"true\"></ValidationRule>" : "<ValidationRule>" + rt.str(f, op, path, ".ValidationRule") + "</ValidationRule>";
  f = o["Translations"];
  if (f !== undefined) x += f === null ? "<Translations xsi:nil=\"true\"></Translations>" : "<Translations>" + w_ArrayOfAdditionalFieldTranslation(f, op, path + ".Translations") + "</Translations>";
  return x;
}
const K_AdditionalFieldTranslation: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "Label": 1, "Values": 1, "Language": 1 });
export function w_AdditionalFieldTranslation(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "AdditionalFieldTranslation", K_AdditionalFieldTranslation);
  let x = '';
  let f: unknown;
  f = o["Label"];
  if (f !== undefined) x += f === null ? "<Label xsi:nil=\"true\"></Label>" : "<Label>" + rt.str(f, op, path, ".Label") + "</Label>";
  f = o["Values"];
  if (f !== undefined) x += f === null ? "<Values xsi:nil=\"true\"></Values>" : "<Values>" + w_ArrayOfString(f, op, path + ".Values") + "</Values>";
  f = o["Language"];
  if (f !== undefined) x += f === null ? "<Language xsi:nil=\"true\"></Language>" : "<Language>" + rt.str(f, op, path, ".Language") + "</Language>";
  return x;
}
const K_AdditionalFieldValue: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "Code": 1, "Text": 1, "Value": 1 });
export function w_AdditionalFieldValue(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "AdditionalFieldValue", K_AdditionalFieldValue);
  let x = '';
  let f: unknown;
  f = o["Code"];
  if (f !== undefined) x += f === null ? "<Code xsi:nil=\"true\"></Code>" : "<Code>" + rt.str(f, op, path, ".Code") + "</Code>";
  f = o["Text"];
  if (f !== undefined) x += f === null ? "<Text xsi:nil=\"true\"></Text>" : "<Text>" + rt.str(f, op, path, ".Text") + "</Text>";
  f = o["Value"];
  if (f !== undefined) x += f === null ? "<Value xsi:nil=\"true\"></Value>" : "<Value>" + rt.str(f, op, path, ".Value") + "</Value>";
  return x;
}
export function w_ArrayOfAdditionalFieldTranslation(v: unknown, op: string, path: string): string {
  const a = rt.array(v, op, path, "ArrayOfAdditionalFieldTranslation");
  let x = '';
  for (let i = 0; i < a.length; i++) {
    const it = a[i];
    x += it === null || it === undefined ? "<item xsi:nil=\"true\"></item>" : '<item>' + w_AdditionalFieldTranslation(it, op, path + '[' + i + ']' + "") + '</item>';
  }
  return x;
}
export function w_ArrayOfAdditionalFieldValue(v: unknown, op: string, path: string): string {
  const a = rt.array(v, op, path, "ArrayOfAdditionalFieldValue");
  let x = '';
  for (let i = 0; i < a.length; i++) {
    const it = a[i];
    x += it === null || it === undefined ? "<item xsi:nil=\"true\"></item>" : '<item>' + w_AdditionalFieldValue(it, op, path + '[' + i + ']' + "") + '</item>';
  }
  return x;
}
export function w_ArrayOfExistingCard(v: unknown, op: string, path: string): string {
  const a = rt.array(v, op, path, "ArrayOfExistingCard");
  let x = '';
  for (let i = 0; i < a.length; i++) {
    const it = a[i];
    x += it === null || it === undefined ? "<item xsi:nil=\"true\"></item>" : '<item>' + w_ExistingCard(it, op, path + '[' + i + ']' + "") + '</item>';
  }
  return x;
}
export function w_ArrayOfOrderItem(v: unknown, op: string, path: string): string {
  const a = rt.array(v, op, path, "ArrayOfOrderItem");
  let x = '';
  for (let i = 0; i < a.length; i++) {
    const it = a[i];
    x += it === null || it === undefined ? "<item xsi:nil=\"true\"></item>" : '<item>' + w_OrderItem(it, op, path + '[' + i + ']' + "") + '</item>';
  }
  return x;
}
export function w_ArrayOfString(v: unknown, op: string, path: string): string {
  const a = rt.array(v, op, path, "ArrayOfString");
  let x = '';
  for (let i = 0; i < a.length; i++) {
    const it = a[i];
    x += it === null || it === undefined ? "<item xsi:nil=\"true\"></item>" : '<item>' + rt.str(it, op, path + '[' + i + ']', "") + '</item>';
  }
  return x;
}
const K_BillingDetails: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "FirstName": 1, "LastName": 1, "Company": 1, "FiscalCode": 1, "Email": 1, "Address1": 1, "Address2": 1, "City": 1, "State": 1, "Zip": 1, "CountryCode": 1, "Phone": 1 });
export function w_BillingDetails(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "BillingDetails", K_BillingDetails);
  let x = '';
  let f: unknown;
  f = o["FirstName"];
  if (f !== undefined) x += f === null ? "<FirstName xsi:nil=\"true\"></FirstName>" : "<FirstName>" + rt.str(f, op, path, ".FirstName") + "</FirstName>";
  f = o["LastName"];
  if (f !== undefined) x += f === null ? "<LastName xsi:nil=\"true\"></LastName>" : "<LastName>" + rt.str(f, op, path, ".LastName") + "</LastName>";
  f = o["Company"];
  if (f !== undefined) x += f === null ? "<Company xsi:nil=\"true\"></Company>" : "<Company>" + rt.str(f, op, path, ".Company") + "</Company>";
  f = o["FiscalCode"];
  if (f !== undefined) x += f === null ? "<FiscalCode xsi:nil=\"true\"></FiscalCode>" : "<FiscalCode>" + rt.str(f, op, path, ".FiscalCode") + "</FiscalCode>";
  f = o["Email"];
  if (f !== undefined) x += f === null ? "<Email xsi:nil=\"true\"></Email>" : "<Email>" + rt.str(f, op, path, ".Email") + "</Email>";
  f = o["Address1"];
  if (f !== undefined) x += f === null ? "<Address1 xsi:nil=\"true\"></Address1>" : "<Address1>" + rt.str(f, op, path, ".Address1") + "</Address1>";
  f = o["Address2"];
  if (f !== undefined) x += f === null ? "<Address2 xsi:nil=\"true\"></Address2>" : "<Address2>" + rt.str(f, op, path, ".Address2") + "</Address2>";
  f = o["City"];
  if (f !== undefined) x += f === null ? "<City xsi:nil=\"true\"></City>" : "<City>" + rt.str(f, op, path, ".City") + "</City>";
  f = o["State"];
  if (f !== undefined) x += f === null ? "<State xsi:nil=\"true\"></State>" : "<State>" + rt.str(f, op, path, ".State") + "</State>";
  f = o["Zip"];
  if (f !== undefined) x += f === null ? "<Zip xsi:nil=\"true\"></Zip>" : "<Zip>" + rt.str(f, op, path, ".Zip") + "</Zip>";
  f = o["CountryCode"];
  if (f !== undefined) x += f === null ? "<CountryCode xsi:nil=\"true\"></CountryCode>" : "<CountryCode>" + rt.str(f, op, path, ".CountryCode") + "</CountryCode>";
  f = o["Phone"];
  if (f !== undefined) x += f === null ? "<Phone xsi:nil=\"true\"></Phone>" : "<Phone>" + rt.str(f, op, path, ".Phone") + "</Phone>";
  return x;
}
const K_Customer: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "AvangateCustomerReference": 1, "ExternalCustomerReference": 1, "FirstName": 1, "LastName": 1, "Company": 1, "FiscalCode": 1, "Address1": 1, "Address2": 1, "City": 1, "State": 1, "Zip": 1, "CountryCode": 1, "Phone": 1, "Fax": 1, "Email": 1, "ExistingCards": 1, "Enabled": 1, "Trial": 1, "Language": 1 });
export function w_Customer(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "Customer", K_Customer);
  let x = '';
  let f: unknown;
  f = o["AvangateCustomerReference"];
  if (f !== undefined) x += f === null ? "<AvangateCustomerReference xsi:nil=\"true\"></AvangateCustomerReference>" : "<AvangateCustomerReference>" + rt.int(f, op, path, ".AvangateCustomerReference") + "</AvangateCustomerReference>";
  f = o["ExternalCustomerReference"];
  if (f !== undefined) x += f === null ? "<ExternalCustomerReference xsi:nil=\"true\"></ExternalCustomerReference>" : "<ExternalCustomerReference>" + rt.str(f, op, path, ".ExternalCustomerReference") + "</ExternalCustomerReference>";
  f = o["FirstName"];
  if (f !== undefined) x += f === null ? "<FirstName xsi:nil=\"true\"></FirstName>" : "<FirstName>" + rt.str(f, op, path, ".FirstName") + "</FirstName>";
  f = o["LastName"];
  if (f !== undefined) x += f === null ? "<LastName xsi:nil=\"true\"></LastName>" : "<LastName>" + rt.str(f, op, path, ".LastName") + "</LastName>";
  f = o["Company"];
  if (f !== undefined) x += f === null ? "<Company xsi:nil=\"true\"></Company>" : "<Company>" + rt.str(f, op, path, ".Company") + "</Company>";
  f = o["FiscalCode"];
  if (f !== undefined) x += f === null ? "<FiscalCode xsi:nil=\"true\"></FiscalCode>" : "<FiscalCode>" + rt.str(f, op, path, ".FiscalCode") + "</FiscalCode>";
  f = o["Address1"];
  if (f !== undefined) x += f === null ? "<Address1 xsi:nil=\"true\"></Address1>" : "<Address1>" + rt.str(f, op, path, ".Address1") + "</Address1>";
  f = o["Address2"];
  if (f !== undefined) x += f === null ? "<Address2 xsi:nil=\"true\"></Address2>" : "<Address2>" + rt.str(f, op, path, ".Address2") + "</Address2>";
  f = o["City"];
  if (f !== undefined) x += f === null ? "<City xsi:nil=\"true\"></City>" : "<City>" + rt.str(f, op, path, ".City") + "</City>";
  f = o["State"];
  if (f !== undefined) x += f === null ? "<State xsi:nil=\"true\"></State>" : "<State>" + rt.str(f, op, path, ".State") + "</State>";
  f = o["Zip"];
  if (f !== undefined) x += f === null ? "<Zip xsi:nil=\"true\"></Zip>" : "<Zip>" + rt.str(f, op, path, ".Zip") + "</Zip>";
  f = o["CountryCode"];
  if (f !== undefined) x += f === null ? "<CountryCode xsi:nil=\"true\"></CountryCode>" : "<CountryCode>" + rt.str(f, op, path, ".CountryCode") + "</CountryCode>";
  f = o["Phone"];
  if (f !== undefined) x += f === null ? "<Phone xsi:nil=\"true\"></Phone>" : "<Phone>" + rt.str(f, op, path, ".Phone") + "</Phone>";
  f = o["Fax"];
  if (f !== undefined) x += f === null ? "<Fax xsi:nil=\"true\"></Fax>" : "<Fax>" + rt.str(f, op, path, ".Fax") + "</Fax>";
  f = o["Email"];
  if (f !== undefined) x += f === null ? "<Email xsi:nil=\"true\"></Email>" : "<Email>" + rt.str(f, op, path, ".Email") + "</Email>";
  f = o["ExistingCards"];
  if (f !== undefined) x += f === null ? "<ExistingCards xsi:nil=\"true\"></ExistingCards>" : "<ExistingCards>" + w_ArrayOfExistingCard(f, op, path + ".ExistingCards") + "</ExistingCards>";
  f = o["Enabled"];
  if (f !== undefined) x += f === null ? "<Enabled xsi:nil=\"true\"></Enabled>" : "<Enabled>" + rt.bool(f, op, path, ".Enabled") + "</Enabled>";
  f = o["Trial"];
  if (f !== undefined) x += f === null ? "<Trial xsi:nil=\"true\"></Trial>" : "<Trial>" + rt.bool(f, op, path, ".Trial") + "</Trial>";
  f = o["Language"];
  if (f !== undefined) x += f === null ? "<Language xsi:nil=\"true\"></Language>" : "<Language>" + rt.str(f, op, path, ".Language") + "</Language>";
  return x;
}
const K_DeliveryDetails: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "FirstName": 1, "LastName": 1, "Company": 1, "Email": 1, "Address1": 1, "Address2": 1, "City": 1, "State": 1, "Zip": 1, "CountryCode": 1, "Phone": 1 });
export function w_DeliveryDetails(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "DeliveryDetails", K_DeliveryDetails);
  let x = '';
  let f: unknown;
  f = o["FirstName"];
  if (f !== undefined) x += f === null ? "<FirstName xsi:nil=\"true\"></FirstName>" : "<FirstName>" + rt.str(f, op, path, ".FirstName") + "</FirstName>";
  f = o["LastName"];
  if (f !== undefined) x += f === null ? "<LastName xsi:nil=\"true\"></LastName>" : "<LastName>" + rt.str(f, op, path, ".LastName") + "</LastName>";
  f = o["Company"];
  if (f !== undefined) x += f === null ? "<Company xsi:nil=\"true\"></Company>" : "<Company>" + rt.str(f, op, path, ".Company") + "</Company>";
  f = o["Email"];
  if (f !== undefined) x += f === null ? "<Email xsi:nil=\"true\"></Email>" : "<Email>" + rt.str(f, op, path, ".Email") + "</Email>";
  f = o["Address1"];
  if (f !== undefined) x += f === null ? "<Address1 xsi:nil=\"true\"></Address1>" : "<Address1>" + rt.str(f, op, path, ".Address1") + "</Address1>";
  f = o["Address2"];
  if (f !== undefined) x += f === null ? "<Address2 xsi:nil=\"true\"></Address2>" : "<Address2>" + rt.str(f, op, path, ".Address2") + "</Address2>";
  f = o["City"];
  if (f !== undefined) x += f === null ? "<City xsi:nil=\"true\"></City>" : "<City>" + rt.str(f, op, path, ".City") + "</City>";
  f = o["State"];
  if (f !== undefined) x += f === null ? "<State xsi:nil=\"true\"></State>" : "<State>" + rt.str(f, op, path, ".State") + "</State>";
  f = o["Zip"];
  if (f !== undefined) x += f === null ? "<Zip xsi:nil=\"true\"></Zip>" : "<Zip>" + rt.str(f, op, path, ".Zip") + "</Zip>";
  f = o["CountryCode"];
  if (f !== undefined) x += f === null ? "<CountryCode xsi:nil=\"true\"></CountryCode>" : "<CountryCode>" + rt.str(f, op, path, ".CountryCode") + "</CountryCode>";
  f = o["Phone"];
  if (f !== undefined) x += f === null ? "<Phone xsi:nil=\"true\"></Phone>" : "<Phone>" + rt.str(f, op, path, ".Phone") + "</Phone>";
  return x;
}
const K_ExistingCard: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "TransientToken": 1, "CardType": 1, "FirstDigits": 1, "LastDigits": 1, "ExpirationMonth": 1, "ExpirationYear": 1, "HolderName": 1 });
export function w_ExistingCard(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "ExistingCard", K_ExistingCard);
  let x = '';
  let f: unknown;
  f = o["TransientToken"];
  if (f !== undefined) x += f === null ? "<TransientToken xsi:nil=\"true\"></TransientToken>" : "<TransientToken>" + w_TransientToken(f, op, path + ".TransientToken") + "</TransientToken>";
  f = o["CardType"];
  if (f !== undefined) x += f === null ? "<CardType xsi:nil=\"true\"></CardType>" : "<CardType>" + rt.str(f, op, path, ".CardType") + "</CardType>";
  f = o["FirstDigits"];
  if (f !== undefined) x += f === null ? "<FirstDigits xsi:nil=\"true\"></FirstDigits>" : "<FirstDigits>" + rt.str(f, op, path, ".FirstDigits") + "</FirstDigits>";
  f = o["LastDigits"];
  if (f !== undefined) x += f === null ? "<LastDigits xsi:nil=\"true\"></LastDigits>" : "<LastDigits>" + rt.str(f, op, path, ".LastDigits") + "</LastDigits>";
  f = o["ExpirationMonth"];
  if (f !== undefined) x += f === null ? "<ExpirationMonth xsi:nil=\"true\"></ExpirationMonth>" : "<ExpirationMonth>" + rt.str(f, op, path, ".ExpirationMonth") + "</ExpirationMonth>";
  f = o["ExpirationYear"];
  if (f !== undefined) x += f === null ? "<ExpirationYear xsi:nil=\"true\"></ExpirationYear>" : "<ExpirationYear>" + rt.str(f, op, path, ".ExpirationYear") + "</ExpirationYear>";
  f = o["HolderName"];
  if (f !== undefined) x += f === null ? "<HolderName xsi:nil=\"true\"></HolderName>" : "<HolderName>" + rt.str(f, op, path, ".HolderName") + "</HolderName>";
  return x;
}
const K_Order: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "RefNo": 1, "Currency": 1, "Country": 1, "Language": 1, "CustomerIP": 1, "ExternalReference": 1, "Source": 1, "AffiliateId": 1, "CustomerReference": 1, "ExternalCustomerReference": 1, "LocalTime": 1, "Items": 1, "BillingDetails": 1, "DeliveryDetails": 1, "PaymentDetails": 1, "Promotions": 1 });
export function w_Order(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "Order", K_Order);
  let x = '';
  let f: unknown;
  f = o["RefNo"];
  if (f !== undefined) x += f === null ? "<RefNo xsi:nil=\"true\"></RefNo>" : "<RefNo>" + rt.str(f, op, path, ".RefNo") + "</RefNo>";
  f = o["Currency"];
  if (f !== undefined) x += f === null ? "<Currency xsi:nil=\"true\"></Currency>" : "<Currency>" + rt.str(f, op, path, ".Currency") + "</Currency>";
  f = o["Country"];
  if (f !== undefined) x += f === null ? "<Country xsi:nil=\"true\"></Country>" : "<Country>" + rt.str(f, op, path, ".Country") + "</Country>";
  f = o["Language"];
  if (f !== undefined) x += f === null ? "<Language xsi:nil=\"true\"></Language>" : "<Language>" + rt.str(f, op, path, ".Language") + "</Language>";
  f = o["CustomerIP"];
  if (f !== undefined) x += f === null ? "<CustomerIP xsi:nil=\"true\"></CustomerIP>" : "<CustomerIP>" + rt.str(f, op, path, ".CustomerIP") + "</CustomerIP>";
  f = o["ExternalReference"];
  if (f !== undefined) x += f === null ? "<ExternalReference xsi:nil=\"true\"></ExternalReference>" : "<ExternalReference>" + rt.str(f, op, path, ".ExternalReference") + "</ExternalReference>";
  f = o["Source"];
  if (f !== undefined) x += f === null ? "<Source xsi:nil=\"true\"></Source>" : "<Source>" + rt.str(f, op, path, ".Source") + "</Source>";
  f = o["AffiliateId"];
  if (f !== undefined) x += f === null ? "<AffiliateId xsi:nil=\"true\"></AffiliateId>" : "<AffiliateId>" + rt.int(f, op, path, ".AffiliateId") + "</AffiliateId>";
  f = o["CustomerReference"];
  if (f !== undefined) x += f === null ? "<CustomerReference xsi:nil=\"true\"></CustomerReference>" : "<CustomerReference>" + rt.int(f, op, path, ".CustomerReference") + "</CustomerReference>";
  f = o["ExternalCustomerReference"];
  if (f !== undefined) x += f === null ? "<ExternalCustomerReference xsi:nil=\"true\"></ExternalCustomerReference>" : "<ExternalCustomerReference>" + rt.str(f, op, path, ".ExternalCustomerReference") + "</ExternalCustomerReference>";
  f = o["LocalTime"];
  if (f !== undefined) x += f === null ? "<LocalTime xsi:nil=\"true\"></LocalTime>" : "<LocalTime>" + rt.str(f, op, path, ".LocalTime") + "</LocalTime>";
  f = o["Items"];
  if (f !== undefined) x += f === null ? "<Items xsi:nil=\"true\"></Items>" : "<Items>" + w_ArrayOfOrderItem(f, op, path + ".Items") + "</Items>";
  f = o["BillingDetails"];
  if (f !== undefined) x += f === null ? "<BillingDetails xsi:nil=\"true\"></BillingDetails>" : "<BillingDetails>" + w_BillingDetails(f, op, path + ".BillingDetails") + "</BillingDetails>";
  f = o["DeliveryDetails"];
  if (f !== undefined) x += f === null ? "<DeliveryDetails xsi:nil=\"true\"></DeliveryDetails>" : "<DeliveryDetails>" + w_DeliveryDetails(f, op, path + ".DeliveryDetails") + "</DeliveryDetails>";
  f = o["PaymentDetails"];
  if (f !== undefined) x += f === null ? "<PaymentDetails xsi:nil=\"true\"></PaymentDetails>" : "<PaymentDetails>" + w_PaymentDetails(f, op, path + ".PaymentDetails") + "</PaymentDetails>";
  f = o["Promotions"];
  if (f !== undefined) x += f === null ? "<Promotions xsi:nil=\"true\"></Promotions>" : "<Promotions>" + w_ArrayOfString(f, op, path + ".Promotions") + "</Promotions>";
  return x;
}
const K_OrderItem: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "Code": 1, "Quantity": 1, "PriceOptions": 1, "SKU": 1, "Price": 1, "CrossSell": 1, "Trial": 1, "AdditionalFields": 1, "Promotion": 1 });
export function w_OrderItem(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "OrderItem", K_OrderItem);
  let x = '';
  let f: unknown;
  f = o["Code"];
  if (f !== undefined) x += f === null ? "<Code xsi:nil=\"true\"></Code>" : "<Code>" + rt.str(f, op, path, ".Code") + "</Code>";
  f = o["Quantity"];
  if (f !== undefined) x += f === null ? "<Quantity xsi:nil=\"true\"></Quantity>" : "<Quantity>" + rt.int(f, op, path, ".Quantity") + "</Quantity>";
  f = o["PriceOptions"];
  if (f !== undefined) x += f === null ? "<PriceOptions xsi:nil=\"true\"></PriceOptions>" : "<PriceOptions>" + w_ArrayOfString(f, op, path + ".PriceOptions") + "</PriceOptions>";
  f = o["SKU"];
  if (f !== undefined) x += f === null ? "<SKU xsi:nil=\"true\"></SKU>" : "<SKU>" + rt.str(f, op, path, ".SKU") + "</SKU>";
  f = o["Price"];
  if (f !== undefined) x += f === null ? "<Price xsi:nil=\"true\"></Price>" : "<Price>" + w_OrderItemPrice(f, op, path + ".Price") + "</Price>";
  f = o["CrossSell"];
  if (f !== undefined) x += f === null ? "<CrossSell xsi:nil=\"true\"></CrossSell>" : "<CrossSell>" + w_OrderItemCrossSell(f, op, path + ".CrossSell") + "</CrossSell>";
  f = o["Trial"];
  if (f !== undefined) x += f === null ? "<Trial xsi:nil=\"true\"></Trial>" : "<Trial>" + w_OrderItemTrial(f, op, path + ".Trial") + "</Trial>";
  f = o["AdditionalFields"];
  if (f !== undefined) x += f === null ? "<AdditionalFields xsi:nil=\"true\"></AdditionalFields>" : "<AdditionalFields>" + w_ArrayOfAdditionalFieldValue(f, op, path + ".AdditionalFields") + "</AdditionalFields>";
  f = o["Promotion"];
  if (f !== undefined) x += f === null ? "<Promotion xsi:nil=\"true\"></Promotion>" : "<Promotion>" + rt.str(f, op, path, ".Promotion") + "</Promotion>";
  return x;
}
const K_OrderItemCrossSell: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "ParentCode": 1, "CampaignCode": 1 });
export function w_OrderItemCrossSell(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "OrderItemCrossSell", K_OrderItemCrossSell);
  let x = '';
  let f: unknown;
  f = o["ParentCode"];
  if (f !== undefined) x += f === null ? "<ParentCode xsi:nil=\"true\"></ParentCode>" : "<ParentCode>" + rt.str(f, op, path, ".ParentCode") + "</ParentCode>";
  f = o["CampaignCode"];
  if (f !== undefined) x += f === null ? "<CampaignCode xsi:nil=\"true\"></CampaignCode>" : "<CampaignCode>" + rt.str(f, op, path, ".CampaignCode") + "</CampaignCode>";
  return x;
}
const K_OrderItemPrice: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "Amount": 1, "Type": 1 });
export function w_OrderItemPrice(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "OrderItemPrice", K_OrderItemPrice);
  let x = '';
  let f: unknown;
  f = o["Amount"];
  if (f !== undefined) x += f === null ? "<Amount xsi:nil=\"true\"></Amount>" : "<Amount>" + rt.dbl(f, op, path, ".Amount") + "</Amount>";
  f = o["Type"];
  if (f !== undefined) x += f === null ? "<Type xsi:nil=\"true\"></Type>" : "<Type>" + rt.str(f, op, path, ".Type") + "</Type>";
  return x;
}
const K_OrderItemTrial: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "Period": 1, "PeriodUnit": 1, "Price": 1, "GrossPrice": 1 });
export function w_OrderItemTrial(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "OrderItemTrial", K_OrderItemTrial);
  let x = '';
  let f: unknown;
  f = o["Period"];
  if (f !== undefined) x += f === null ? "<Period xsi:nil=\"true\"></Period>" : "<Period>" + rt.int(f, op, path, ".Period") + "</Period>";
  f = o["PeriodUnit"];
  if (f !== undefined) x += f === null ? "<PeriodUnit xsi:nil=\"true\"></PeriodUnit>" : "<PeriodUnit>" + rt.str(f, op, path, ".PeriodUnit") + "</PeriodUnit>";
  f = o["Price"];
  if (f !== undefined) x += f === null ? "<Price xsi:nil=\"true\"></Price>" : "<Price>" + rt.dbl(f, op, path, ".Price") + "</Price>";
  f = o["GrossPrice"];
  if (f !== undefined) x += f === null ? "<GrossPrice xsi:nil=\"true\"></GrossPrice>" : "<GrossPrice>" + rt.dbl(f, op, path, ".GrossPrice") + "</GrossPrice>";
  return x;
}
const K_PaymentDetails: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "Type": 1, "Currency": 1, "CustomerIP": 1, "PaymentMethod": 1 });
export function w_PaymentDetails(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "PaymentDetails", K_PaymentDetails);
  let x = '';
  let f: unknown;
  f = o["Type"];
  if (f !== undefined) x += f === null ? "<Type xsi:nil=\"true\"></Type>" : "<Type>" + rt.str(f, op, path, ".Type") + "</Type>";
  f = o["Currency"];
  if (f !== undefined) x += f === null ? "<Currency xsi:nil=\"true\"></Currency>" : "<Currency>" + rt.str(f, op, path, ".Currency") + "</Currency>";
  f = o["CustomerIP"];
  if (f !== undefined) x += f === null ? "<CustomerIP xsi:nil=\"true\"></CustomerIP>" : "<CustomerIP>" + rt.str(f, op, path, ".CustomerIP") + "</CustomerIP>";
  f = o["PaymentMethod"];
  if (f !== undefined) x += f === null ? "<PaymentMethod xsi:nil=\"true\"></PaymentMethod>" : "<PaymentMethod>" + w_PaymentMethod(f, op, path + ".PaymentMethod") + "</PaymentMethod>";
  return x;
}
const K_PaymentMethod: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "CardNumber": 1, "CardType": 1, "ExpirationYear": 1, "ExpirationMonth": 1, "CCID": 1, "HolderName": 1, "RecurringEnabled": 1, "FirstDigits": 1, "LastDigits": 1 });
export function w_PaymentMethod(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "PaymentMethod", K_PaymentMethod);
  let x = '';
  let f: unknown;
  f = o["CardNumber"];
  if (f !== undefined) x += f === null ? "<CardNumber xsi:nil=\"true\"></CardNumber>" : "<CardNumber>" + rt.str(f, op, path, ".CardNumber") + "</CardNumber>";
  f = o["CardType"];
  if (f !== undefined) x += f === null ? "<CardType xsi:nil=\"true\"></CardType>" : "<CardType>" + rt.str(f, op, path, ".CardType") + "</CardType>";
  f = o["ExpirationYear"];
  if (f !== undefined) x += f === null ? "<ExpirationYear xsi:nil=\"true\"></ExpirationYear>" : "<ExpirationYear>" + rt.str(f, op, path, ".ExpirationYear") + "</ExpirationYear>";
  f = o["ExpirationMonth"];
  if (f !== undefined) x += f === null ? "<ExpirationMonth xsi:nil=\"true\"></ExpirationMonth>" : "<ExpirationMonth>" + rt.str(f, op, path, ".ExpirationMonth") + "</ExpirationMonth>";
  f = o["CCID"];
  if (f !== undefined) x += f === null ? "<CCID xsi:nil=\"true\"></CCID>" : "<CCID>" + rt.str(f, op, path, ".CCID") + "</CCID>";
  f = o["HolderName"];
  if (f !== undefined) x += f === null ? "<HolderName xsi:nil=\"true\"></HolderName>" : "<HolderName>" + rt.str(f, op, path, ".HolderName") + "</HolderName>";
  f = o["RecurringEnabled"];
  if (f !== undefined) x += f === null ? "<RecurringEnabled xsi:nil=\"true\"></RecurringEnabled>" : "<RecurringEnabled>" + rt.bool(f, op, path, ".RecurringEnabled") + "</RecurringEnabled>";
  f = o["FirstDigits"];
  if (f !== undefined) x += f === null ? "<FirstDigits xsi:nil=\"true\"></FirstDigits>" : "<FirstDigits>" + rt.str(f, op, path, ".FirstDigits") + "</FirstDigits>";
  f = o["LastDigits"];
  if (f !== undefined) x += f === null ? "<LastDigits xsi:nil=\"true\"></LastDigits>" : "<LastDigits>" + rt.str(f, op, path, ".LastDigits") + "</LastDigits>";
  return x;
}
const K_PriceOptionGroupSearchOptions: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "Name": 1, "Types": 1, "Limit": 1, "Page": 1 });
export function w_PriceOptionGroupSearchOptions(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "PriceOptionGroupSearchOptions", K_PriceOptionGroupSearchOptions);
  let x = '';
  let f: unknown;
  f = o["Name"];
  if (f !== undefined) x += f === null ? "<Name xsi:nil=\"true\"></Name>" : "<Name>" + rt.str(f, op, path, ".Name") + "</Name>";
  f = o["Types"];
  if (f !== undefined) x += f === null ? "<Types xsi:nil=\"true\"></Types>" : "<Types>" + w_ArrayOfString(f, op, path + ".Types") + "</Types>";
  f = o["Limit"];
  if (f !== undefined) x += f === null ? "<Limit xsi:nil=\"true\"></Limit>" : "<Limit>" + rt.int(f, op, path, ".Limit") + "</Limit>";
  f = o["Page"];
  if (f !== undefined) x += f === null ? "<Page xsi:nil=\"true\"></Page>" : "<Page>" + rt.int(f, op, path, ".Page") + "</Page>";
  return x;
}
const K_TransientToken: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "Token": 1 });
export function w_TransientToken(v: unknown, op: string, path: string): string {
  const o = rt.struct(v, op, path, "TransientToken", K_TransientToken);
  let x = '';
  let f: unknown;
  f = o["Token"];
  if (f !== undefined) x += f === null ? "<Token xsi:nil=\"true\"></Token>" : "<Token>" + rt.str(f, op, path, ".Token") + "</Token>";
  return x;
}

// ---- serializers, one per operation
const K_login: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "merchantCode": 1, "date": 1, "hash": 1, "algo": 1 });
/** login: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeLogin(input: RequestArgs<Login>, _sessionID: string | undefined): string {
  const op = "login";
  const a = rt.args(input, op, K_login);
  const p0 = a["merchantCode"];
  const p1 = a["date"];
  const p2 = a["hash"];
  const p3 = a["algo"];
  const n = p3 !== undefined ? 4 : p2 !== undefined ? 3 : p1 !== undefined ? 2 : p0 !== undefined ? 1 : 0;
  let x = HEAD + "<tns:login>";
  if (n > 0) x += p0 === undefined || p0 === null ? "<merchantCode xsi:nil=\"true\"></merchantCode>" : "<merchantCode>" + rt.str(p0, op, '', "merchantCode") + "</merchantCode>";
  if (n > 1) x += p1 === undefined || p1 === null ? "<date xsi:nil=\"true\"></date>" : "<date>" + rt.str(p1, op, '', "date") + "</date>";
  if (n > 2) x += p2 === undefined || p2 === null ? "<hash xsi:nil=\"true\"></hash>" : "<hash>" + rt.str(p2, op, '', "hash") + "</hash>";
  if (n > 3) x += p3 === undefined || p3 === null ? "<algo xsi:nil=\"true\"></algo>" : "<algo>" + rt.str(p3, op, '', "algo") + "</algo>";
  return x + "</tns:login>" + TAIL;
}

const K_createCustomer: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "Customer": 1 });
/** createCustomer: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeCreateCustomer(input: RequestArgs<CreateCustomer>, sessionID: string | undefined): string {
  const op = "createCustomer";
  const a = rt.args(input, op, K_createCustomer);
  const p1 = a["Customer"];
  const n = p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:createCustomer>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<Customer xsi:nil=\"true\"></Customer>" : "<Customer>" + w_Customer(p1, op, "Customer") + "</Customer>";
  return x + "</tns:createCustomer>" + TAIL;
}

const K_getCustomerInformation: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "AvangateCustomerReference": 1, "ExternalCustomerReference": 1 });
/** getCustomerInformation: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeGetCustomerInformation(input: RequestArgs<GetCustomerInformation>, sessionID: string | undefined): string {
  const op = "getCustomerInformation";
  const a = rt.args(input, op, K_getCustomerInformation);
  const p1 = a["AvangateCustomerReference"];
  const p2 = a["ExternalCustomerReference"];
  const n = p2 !== undefined ? 3 : p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:getCustomerInformation>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<AvangateCustomerReference xsi:nil=\"true\"></AvangateCustomerReference>" : "<AvangateCustomerReference>" + rt.int(p1, op, '', "AvangateCustomerReference") + "</AvangateCustomerReference>";
  if (n > 2) x += p2 === undefined || p2 === null ? "<ExternalCustomerReference xsi:nil=\"true\"></ExternalCustomerReference>" : "<ExternalCustomerReference>" + rt.str(p2, op, '', "ExternalCustomerReference") + "</ExternalCustomerReference>";
  return x + "</tns:getCustomerInformation>" + TAIL;
}

const K_updateCustomerInformation: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "Customer": 1, "UpdateEndUserSubscriptions": 1 });
/** updateCustomerInformation: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeUpdateCustomerInformation(input: RequestArgs<UpdateCustomerInformation>, sessionID: string | undefined): string {
  const op = "updateCustomerInformation";
  const a = rt.args(input, op, K_updateCustomerInformation);
  const p1 = a["Customer"];
  const p2 = a["UpdateEndUserSubscriptions"];
  const n = p2 !== undefined ? 3 : p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:updateCustomerInformation>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<Customer xsi:nil=\"true\"></Customer>" : "<Customer>" + w_Customer(p1, op, "Customer") + "</Customer>";
  if (n > 2) x += p2 === undefined || p2 === null ? "<UpdateEndUserSubscriptions xsi:nil=\"true\"></UpdateEndUserSubscriptions>" : "<UpdateEndUserSubscriptions>" + rt.bool(p2, op, '', "UpdateEndUserSubscriptions") + "</UpdateEndUserSubscriptions>";
  return x + "</tns:updateCustomerInformation>" + TAIL;
}

const K_getCustomerSubscriptions: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "AvangateCustomerReference": 1, "ExternalCustomerReference": 1 });
/** getCustomerSubscriptions: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeGetCustomerSubscriptions(input: RequestArgs<GetCustomerSubscriptions>, sessionID: string | undefined): string {
  const op = "getCustomerSubscriptions";
  const a = rt.args(input, op, K_getCustomerSubscriptions);
  const p1 = a["AvangateCustomerReference"];
  const p2 = a["ExternalCustomerReference"];
  const n = p2 !== undefined ? 3 : p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:getCustomerSubscriptions>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<AvangateCustomerReference xsi:nil=\"true\"></AvangateCustomerReference>" : "<AvangateCustomerReference>" + rt.int(p1, op, '', "AvangateCustomerReference") + "</AvangateCustomerReference>";
  if (n > 2) x += p2 === undefined || p2 === null ? "<ExternalCustomerReference xsi:nil=\"true\"></ExternalCustomerReference>" : "<ExternalCustomerReference>" + rt.str(p2, op, '', "ExternalCustomerReference") + "</ExternalCustomerReference>";
  return x + "</tns:getCustomerSubscriptions>" + TAIL;
}

const K_getCustomerInformationBySSOToken: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "SingleSignOnToken": 1 });
/** getCustomerInformationBySSOToken: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeGetCustomerInformationBySSOToken(input: RequestArgs<GetCustomerInformationBySsoToken>, sessionID: string | undefined): string {
  const op = "getCustomerInformationBySSOToken";
  const a = rt.args(input, op, K_getCustomerInformationBySSOToken);
  const p1 = a["SingleSignOnToken"];
  const n = p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:getCustomerInformationBySSOToken>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<SingleSignOnToken xsi:nil=\"true\"></SingleSignOnToken>" : "<SingleSignOnToken>" + rt.str(p1, op, '', "SingleSignOnToken") + "</SingleSignOnToken>";
  return x + "</tns:getCustomerInformationBySSOToken>" + TAIL;
}

const K_getSingleSignOnInCart: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "IdCustomer": 1, "CustomerType": 1, "Url": 1, "ValidityTime": 1, "ValidationIp": 1 });
/** getSingleSignOnInCart: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeGetSingleSignOnInCart(input: RequestArgs<GetSingleSignOnInCart>, sessionID: string | undefined): string {
  const op = "getSingleSignOnInCart";
  const a = rt.args(input, op, K_getSingleSignOnInCart);
  const p1 = a["IdCustomer"];
  const p2 = a["CustomerType"];
  const p3 = a["Url"];
  const p4 = a["ValidityTime"];
  const p5 = a["ValidationIp"];
  const n = p5 !== undefined ? 6 : p4 !== undefined ? 5 : p3 !== undefined ? 4 : p2 !== undefined ? 3 : p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:getSingleSignOnInCart>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<IdCustomer xsi:nil=\"true\"></IdCustomer>" : "<IdCustomer>" + rt.str(p1, op, '', "IdCustomer") + "</IdCustomer>";
  if (n > 2) x += p2 === undefined || p2 === null ? "<CustomerType xsi:nil=\"true\"></CustomerType>" : "<CustomerType>" + rt.str(p2, op, '', "CustomerType") + "</CustomerType>";
  if (n > 3) x += p3 === undefined || p3 === null ? "<Url xsi:nil=\"true\"></Url>" : "<Url>" + rt.str(p3, op, '', "Url") + "</Url>";
  if (n > 4) x += p4 === undefined || p4 === null ? "<ValidityTime xsi:nil=\"true\"></ValidityTime>" : "<ValidityTime>" + rt.int(p4, op, '', "ValidityTime") + "</ValidityTime>";
  if (n > 5) x += p5 === undefined || p5 === null ? "<ValidationIp xsi:nil=\"true\"></ValidationIp>" : "<ValidationIp>" + rt.str(p5, op, '', "ValidationIp") + "</ValidationIp>";
  return x + "</tns:getSingleSignOnInCart>" + TAIL;
}

const K_setSubscriptionCustomer: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "SubscriptionReference": 1, "AvangateCustomerReference": 1, "ExternalCustomerReference": 1 });
/** setSubscriptionCustomer: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeSetSubscriptionCustomer(input: RequestArgs<SetSubscriptionCustomer>, sessionID: string | undefined): string {
  const op = "setSubscriptionCustomer";
  const a = rt.args(input, op, K_setSubscriptionCustomer);
  const p1 = a["SubscriptionReference"];
  const p2 = a["AvangateCustomerReference"];
  const p3 = a["ExternalCustomerReference"];
  const n = p3 !== undefined ? 4 : p2 !== undefined ? 3 : p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:setSubscriptionCustomer>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<SubscriptionReference xsi:nil=\"true\"></SubscriptionReference>" : "<SubscriptionReference>" + rt.str(p1, op, '', "SubscriptionReference") + "</SubscriptionReference>";
  if (n > 2) x += p2 === undefined || p2 === null ? "<AvangateCustomerReference xsi:nil=\"true\"></AvangateCustomerReference>" : "<AvangateCustomerReference>" + rt.int(p2, op, '', "AvangateCustomerReference") + "</AvangateCustomerReference>";
  if (n > 3) x += p3 === undefined || p3 === null ? "<ExternalCustomerReference xsi:nil=\"true\"></ExternalCustomerReference>" : "<ExternalCustomerReference>" + rt.str(p3, op, '', "ExternalCustomerReference") + "</ExternalCustomerReference>";
  return x + "</tns:setSubscriptionCustomer>" + TAIL;
}

const K_getProductCrossSellCampaigns: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "ProductCode": 1 });
/** getProductCrossSellCampaigns: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeGetProductCrossSellCampaigns(input: RequestArgs<GetProductCrossSellCampaigns>, sessionID: string | undefined): string {
  const op = "getProductCrossSellCampaigns";
  const a = rt.args(input, op, K_getProductCrossSellCampaigns);
  const p1 = a["ProductCode"];
  const n = p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:getProductCrossSellCampaigns>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<ProductCode xsi:nil=\"true\"></ProductCode>" : "<ProductCode>" + rt.str(p1, op, '', "ProductCode") + "</ProductCode>";
  return x + "</tns:getProductCrossSellCampaigns>" + TAIL;
}

const K_searchPriceOptionGroups: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "SearchOptions": 1 });
/** searchPriceOptionGroups: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeSearchPriceOptionGroups(input: RequestArgs<SearchPriceOptionGroups>, sessionID: string | undefined): string {
  const op = "searchPriceOptionGroups";
  const a = rt.args(input, op, K_searchPriceOptionGroups);
  const p1 = a["SearchOptions"];
  const n = p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:searchPriceOptionGroups>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<SearchOptions xsi:nil=\"true\"></SearchOptions>" : "<SearchOptions>" + w_PriceOptionGroupSearchOptions(p1, op, "SearchOptions") + "</SearchOptions>";
  return x + "</tns:searchPriceOptionGroups>" + TAIL;
}

const K_getPriceOptionGroup: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "PriceOptionGroupCode": 1 });
/** getPriceOptionGroup: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeGetPriceOptionGroup(input: RequestArgs<GetPriceOptionGroup>, sessionID: string | undefined): string {
  const op = "getPriceOptionGroup";
  const a = rt.args(input, op, K_getPriceOptionGroup);
  const p1 = a["PriceOptionGroupCode"];
  const n = p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:getPriceOptionGroup>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<PriceOptionGroupCode xsi:nil=\"true\"></PriceOptionGroupCode>" : "<PriceOptionGroupCode>" + rt.str(p1, op, '', "PriceOptionGroupCode") + "</PriceOptionGroupCode>";
  return x + "</tns:getPriceOptionGroup>" + TAIL;
}

const K_assignAdditionalField: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "FieldCode": 1, "Required": 1, "ProductCode": 1 });
/** assignAdditionalField: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeAssignAdditionalField(input: RequestArgs<AssignAdditionalField>, sessionID: string | undefined): string {
  const op = "assignAdditionalField";
  const a = rt.args(input, op, K_assignAdditionalField);
  const p1 = a["FieldCode"];
  const p2 = a["Required"];
  const p3 = a["ProductCode"];
  const n = p3 !== undefined ? 4 : p2 !== undefined ? 3 : p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:assignAdditionalField>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<FieldCode xsi:nil=\"true\"></FieldCode>" : "<FieldCode>" + rt.str(p1, op, '', "FieldCode") + "</FieldCode>";
  if (n > 2) x += p2 === undefined || p2 === null ? "<Required xsi:nil=\"true\"></Required>" : "<Required>" + rt.bool(p2, op, '', "Required") + "</Required>";
  if (n > 3) x += p3 === undefined || p3 === null ? "<ProductCode xsi:nil=\"true\"></ProductCode>" : "<ProductCode>" + rt.str(p3, op, '', "ProductCode") + "</ProductCode>";
  return x + "</tns:assignAdditionalField>" + TAIL;
}

const K_unassignAdditionalField: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "FieldCode": 1, "ProductCode": 1 });
/** unassignAdditionalField: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeUnassignAdditionalField(input: RequestArgs<UnassignAdditionalField>, sessionID: string | undefined): string {
  const op = "unassignAdditionalField";
  const a = rt.args(input, op, K_unassignAdditionalField);
  const p1 = a["FieldCode"];
  const p2 = a["ProductCode"];
  const n = p2 !== undefined ? 3 : p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:unassignAdditionalField>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<FieldCode xsi:nil=\"true\"></FieldCode>" : "<FieldCode>" + rt.str(p1, op, '', "FieldCode") + "</FieldCode>";
  if (n > 2) x += p2 === undefined || p2 === null ? "<ProductCode xsi:nil=\"true\"></ProductCode>" : "<ProductCode>" + rt.str(p2, op, '', "ProductCode") + "</ProductCode>";
  return x + "</tns:unassignAdditionalField>" + TAIL;
}

const K_updateAdditionalField: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "FieldCode": 1, "AdditionalField": 1 });
/** updateAdditionalField: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeUpdateAdditionalField(input: RequestArgs<UpdateAdditionalField>, sessionID: string | undefined): string {
  const op = "updateAdditionalField";
  const a = rt.args(input, op, K_updateAdditionalField);
  const p1 = a["FieldCode"];
  const p2 = a["AdditionalField"];
  const n = p2 !== undefined ? 3 : p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:updateAdditionalField>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<FieldCode xsi:nil=\"true\"></FieldCode>" : "<FieldCode>" + rt.str(p1, op, '', "FieldCode") + "</FieldCode>";
  if (n > 2) x += p2 === undefined || p2 === null ? "<AdditionalField xsi:nil=\"true\"></AdditionalField>" : "<AdditionalField>" + w_AdditionalField(p2, op, "AdditionalField") + "</AdditionalField>";
  return x + "</tns:updateAdditionalField>" + TAIL;
}

const K_getAdditionalField: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "FieldCode": 1 });
/** getAdditionalField: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeGetAdditionalField(input: RequestArgs<GetAdditionalField>, sessionID: string | undefined): string {
  const op = "getAdditionalField";
  const a = rt.args(input, op, K_getAdditionalField);
  const p1 = a["FieldCode"];
  const n = p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:getAdditionalField>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<FieldCode xsi:nil=\"true\"></FieldCode>" : "<FieldCode>" + rt.str(p1, op, '', "FieldCode") + "</FieldCode>";
  return x + "</tns:getAdditionalField>" + TAIL;
}

const K_placeOrder: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "Order": 1 });
/** placeOrder: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializePlaceOrder(input: RequestArgs<PlaceOrder>, sessionID: string | undefined): string {
  const op = "placeOrder";
  const a = rt.args(input, op, K_placeOrder);
  const p1 = a["Order"];
  const n = p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:placeOrder>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<Order xsi:nil=\"true\"></Order>" : "<Order>" + w_Order(p1, op, "Order") + "</Order>";
  return x + "</tns:placeOrder>" + TAIL;
}

const K_copyPaymentInfo: Readonly<Record<string, 1>> = Object.assign(Object.create(null), { "TargetSubscriptionReference": 1, "SubscriptionReference": 1 });
/** copyPaymentInfo: every part in WSDL order; trailing parts that are not given are not sent, a missing or null part before a given one is sent as xsi:nil. */
export function serializeCopyPaymentInfo(input: RequestArgs<CopyPaymentInfo>, sessionID: string | undefined): string {
  const op = "copyPaymentInfo";
  const a = rt.args(input, op, K_copyPaymentInfo);
  const p1 = a["TargetSubscriptionReference"];
  const p2 = a["SubscriptionReference"];
  const n = p2 !== undefined ? 3 : p1 !== undefined ? 2 : 1;
  let x = HEAD + "<tns:copyPaymentInfo>";
  x += '<sessionID>' + rt.session(sessionID, op) + '</sessionID>';
  if (n > 1) x += p1 === undefined || p1 === null ? "<TargetSubscriptionReference xsi:nil=\"true\"></TargetSubscriptionReference>" : "<TargetSubscriptionReference>" + rt.str(p1, op, '', "TargetSubscriptionReference") + "</TargetSubscriptionReference>";
  if (n > 2) x += p2 === undefined || p2 === null ? "<SubscriptionReference xsi:nil=\"true\"></SubscriptionReference>" : "<SubscriptionReference>" + rt.str(p2, op, '', "SubscriptionReference") + "</SubscriptionReference>";
  return x + "</tns:copyPaymentInfo>" + TAIL;
}

// ---- response plans: scalars, then every type a response can carry, then their links
const S_boolean = scalarPlan("xsd:boolean", 3);
const S_double = scalarPlan("xsd:double", 2);
const S_int = scalarPlan("xsd:int", 1);
const S_string = scalarPlan("xsd:string", 0);
const T_AdditionalField = structPlan("AdditionalField", () => ({ "Code": null, "Label": null, "Type": null, "ApplyTo": null, "Values": [], "ValidationRule": null, "Translations": [] }));
const T_AdditionalFieldTranslation = structPlan("AdditionalFieldTranslation", () => ({ "Label": null, "Values": [], "Language": null }));
const T_AdditionalFieldValue = structPlan("AdditionalFieldValue", () => ({ "Code": null, "Text": null, "Value": null }));
const T_ArrayOfAdditionalFieldTranslation = arrayPlan("ArrayOfAdditionalFieldTranslation");
const T_ArrayOfAdditionalFieldValue = arrayPlan("ArrayOfAdditionalFieldValue");
const T_ArrayOfCrossSellCampaign = arrayPlan("ArrayOfCrossSellCampaign");
const T_ArrayOfCrossSellProduct = arrayPlan("ArrayOfCrossSellProduct");
const T_ArrayOfExistingCard = arrayPlan("ArrayOfExistingCard");
const T_ArrayOfOrderError = arrayPlan("ArrayOfOrderError");
const T_ArrayOfOrderItemInformation = arrayPlan("ArrayOfOrderItemInformation");
const T_ArrayOfOrderItemPriceOption = arrayPlan("ArrayOfOrderItemPriceOption");
const T_ArrayOfOrderSubscription = arrayPlan("ArrayOfOrderSubscription");
const T_ArrayOfPriceOption = arrayPlan("ArrayOfPriceOption");
const T_ArrayOfPriceOptionAmount = arrayPlan("ArrayOfPriceOptionAmount");
const T_ArrayOfPriceOptionGroup = arrayPlan("ArrayOfPriceOptionGroup");
const T_ArrayOfPriceOptionTranslation = arrayPlan("ArrayOfPriceOptionTranslation");
const T_ArrayOfString = arrayPlan("ArrayOfString");
const T_ArrayOfSubscription = arrayPlan("ArrayOfSubscription");
const T_BillingDetails = structPlan("BillingDetails", () => ({ "FirstName": null, "LastName": null, "Company": null, "FiscalCode": null, "Email": null, "Address1": null, "Address2": null, "City": null, "State": null, "Zip": null, "CountryCode": null, "Phone": null }));
const T_CrossSellCampaign = structPlan("CrossSellCampaign", () => ({ "CampaignCode": null, "Name": null, "MasterProducts": [], "DisplayType": null, "DisplayInEmail": null, "Products": [], "StartDate": null, "EndDate": null }));
const T_CrossSellProduct = structPlan("CrossSellProduct", () => ({ "ProductCode": null, "Discount": null, "DiscountType": null }));
const T_Customer = structPlan("Customer", () => ({ "AvangateCustomerReference": undefined, "ExternalCustomerReference": null, "FirstName": null, "LastName": null, "Company": null, "FiscalCode": null, "Address1": null, "Address2": null, "City": null, "State": null, "Zip": null, "CountryCode": null, "Phone": null, "Fax": null, "Email": null, "ExistingCards": [], "Enabled": null, "Trial": null, "Language": null }));
const T_DeliveryDetails = structPlan("DeliveryDetails", () => ({ "FirstName": null, "LastName": null, "Company": null, "Email": null, "Address1": null, "Address2": null, "City": null, "State": null, "Zip": null, "CountryCode": null, "Phone": null }));
const T_EndUser = structPlan("EndUser", () => ({ "FirstName": null, "LastName": null, "Company": null, "Email": null, "Address1": null, "Address2": null, "City": null, "State": null, "Zip": null, "CountryCode": null, "Phone": null, "Fax": null, "Language": null }));
const T_ExistingCard = structPlan("ExistingCard", () => ({ "TransientToken": null, "CardType": null, "FirstDigits": null, "LastDigits": null, "ExpirationMonth": null, "ExpirationYear": null, "HolderName": null }));
const T_OrderError = structPlan("OrderError", () => ({ "Code": null, "Message": null }));
const T_OrderExtraInformation = structPlan("OrderExtraInformation", () => ({ "PaymentLink": null }));
const T_OrderInformation = structPlan("OrderInformation", () => ({ "RefNo": null, "OrderNo": null, "ExternalReference": null, "ShopperRefNo": null, "Status": null, "ApproveStatus": null, "VendorApproveStatus": null, "Language": null, "OrderDate": null, "FinishDate": null, "Source": null, "AffiliateSource": null, "AffiliateId": null, "AffiliateName": null, "AffiliateUrl": null, "RecurringEnabled": null, "HasShipping": null, "BillingDetails": null, "DeliveryDetails": null, "PaymentDetails": null, "CustomerDetails": null, "Origin": null, "AvangateCommission": null, "OrderFlow": null, "ExtraInformation": null, "PartnerCode": null, "PartnerMargin": null, "PartnerMarginPercent": null, "ExtraMargin": null, "ExtraMarginPercent": null, "ExtraDiscount": null, "ExtraDiscountPercent": null, "LocalTime": null, "TestOrder": null, "Errors": [], "Items": [], "Promotions": [], "AdditionalFields": [], "Currency": null, "NetPrice": null, "GrossPrice": null, "NetDiscountedPrice": null, "GrossDiscountedPrice": null, "Discount": null, "VAT": null, "AffiliateCommission": null }));
const T_OrderItemCrossSell = structPlan("OrderItemCrossSell", () => ({ "ParentCode": null, "CampaignCode": null }));
const T_OrderItemInformation = structPlan("OrderItemInformation", () => ({ "ProductDetails": null, "PriceOptions": [], "Price": null, "Code": null, "Quantity": null, "SKU": null, "CrossSell": null, "Trial": null, "AdditionalFields": [], "Promotion": null }));
const T_OrderItemPriceOption = structPlan("OrderItemPriceOption", () => ({ "Code": null, "Required": null, "Options": [] }));
const T_OrderItemTrial = structPlan("OrderItemTrial", () => ({ "Period": null, "PeriodUnit": null, "Price": null, "GrossPrice": null }));
const T_OrderProductDetails = structPlan("OrderProductDetails", () => ({ "Name": null, "ExtraInfo": null, "RenewalStatus": null, "Subscriptions": [] }));
const T_OrderSubscription = structPlan("OrderSubscription", () => ({ "SubscriptionReference": null, "PurchaseDate": null, "SubscriptionStartDate": null, "ExpirationDate": null, "Lifetime": null, "Trial": null, "LicenseCode": null }));
const T_PaymentDetails = structPlan("PaymentDetails", () => ({ "Type": null, "Currency": null, "CustomerIP": null, "PaymentMethod": null }));
const T_PaymentMethod = structPlan("PaymentMethod", () => ({ "CardNumber": null, "CardType": null, "ExpirationYear": null, "ExpirationMonth": null, "CCID": null, "HolderName": null, "RecurringEnabled": null, "FirstDigits": null, "LastDigits": null }));
const T_Price = structPlan("Price", () => ({ "UnitNetPrice": null, "UnitGrossPrice": null, "UnitVAT": null, "UnitDiscount": null, "UnitNetDiscountedPrice": null, "UnitGrossDiscountedPrice": null, "UnitAffiliateCommission": null, "Currency": null, "NetPrice": null, "GrossPrice": null, "NetDiscountedPrice": null, "GrossDiscountedPrice": null, "Discount": null, "VAT": null, "AffiliateCommission": null }));
const T_PriceOption = structPlan("PriceOption", () => ({ "Code": null, "Name": null, "Description": null, "Translations": [], "ScaleMin": null, "ScaleMax": null, "SubscriptionImpact": null, "PriceImpact": null, "Default": null }));
const T_PriceOptionAmount = structPlan("PriceOptionAmount", () => ({ "Currency": null, "Amount": null }));
const T_PriceOptionGroup = structPlan("PriceOptionGroup", () => ({ "Code": null, "Name": null, "Description": null, "Translations": [], "Type": null, "Required": null, "Options": [] }));
const T_PriceOptionPriceImpact = structPlan("PriceOptionPriceImpact", () => ({ "ImpactOn": null, "Method": null, "Percent": null, "Amounts": [], "Impact": null }));
const T_PriceOptionSubscriptionImpact = structPlan("PriceOptionSubscriptionImpact", () => ({ "Months": null, "Impact": null }));
const T_PriceOptionTranslation = structPlan("PriceOptionTranslation", () => ({ "Name": null, "Description": null, "Language": null }));
const T_Subscription = structPlan("Subscription", () => ({ "SubscriptionReference": undefined, "AvangateCustomerReference": null, "ExternalCustomerReference": null, "MerchantCode": null, "StartDate": null, "ExpirationDate": null, "RecurringEnabled": null, "SubscriptionEnabled": null, "Lifetime": null, "TestSubscription": null, "IsTrial": null, "SKU": null, "ReceiveNotifications": null, "PartnerCode": null, "Product": null, "EndUser": null }));
const T_SubscriptionProduct = structPlan("SubscriptionProduct", () => ({ "ProductCode": null, "ProductId": null, "ProductName": null, "ProductQuantity": null, "ProductVersion": null, "PriceOptionCodes": [] }));
const T_TransientToken = structPlan("TransientToken", () => ({ "Token": null }));
defineFields(T_AdditionalField, [["Code", S_string, true], ["Label", S_string, true], ["Type", S_string, true], ["ApplyTo", S_string, true], ["Values", T_ArrayOfString, true], ["ValidationRule", S_string, true], ["Translations", T_ArrayOfAdditionalFieldTranslation, true]]);
defineFields(T_AdditionalFieldTranslation, [["Label", S_string, true], ["Values", T_ArrayOfString, true], ["Language", S_string, true]]);
defineFields(T_AdditionalFieldValue, [["Code", S_string, true], ["Text", S_string, true], ["Value", S_string, true]]);
defineItem(T_ArrayOfAdditionalFieldTranslation, T_AdditionalFieldTranslation);
defineItem(T_ArrayOfAdditionalFieldValue, T_AdditionalFieldValue);
defineItem(T_ArrayOfCrossSellCampaign, T_CrossSellCampaign);
defineItem(T_ArrayOfCrossSellProduct, T_CrossSellProduct);
defineItem(T_ArrayOfExistingCard, T_ExistingCard);
defineItem(T_ArrayOfOrderError, T_OrderError);
defineItem(T_ArrayOfOrderItemInformation, T_OrderItemInformation);
defineItem(T_ArrayOfOrderItemPriceOption, T_OrderItemPriceOption);
defineItem(T_ArrayOfOrderSubscription, T_OrderSubscription);
defineItem(T_ArrayOfPriceOption, T_PriceOption);
defineItem(T_ArrayOfPriceOptionAmount, T_PriceOptionAmount);
defineItem(T_ArrayOfPriceOptionGroup, T_PriceOptionGroup);
defineItem(T_ArrayOfPriceOptionTranslation, T_PriceOptionTranslation);
defineItem(T_ArrayOfString, S_string);
defineItem(T_ArrayOfSubscription, T_Subscription);
defineFields(T_BillingDetails, [["FirstName", S_string, true], ["LastName", S_string, true], ["Company", S_string, true], ["FiscalCode", S_string, true], ["Email", S_string, true], ["Address1", S_string, true], ["Address2", S_string, true], ["City", S_string, true], ["State", S_string, true], ["Zip", S_string, true], ["CountryCode", S_string, true], ["Phone", S_string, true]]);
defineFields(T_CrossSellCampaign, [["CampaignCode", S_string, true], ["Name", S_string, true], ["MasterProducts", T_ArrayOfString, true], ["DisplayType", S_string, true], ["DisplayInEmail", S_boolean, true], ["Products", T_ArrayOfCrossSellProduct, true], ["StartDate", S_string, true], ["EndDate", S_string, true]]);
defineFields(T_CrossSellProduct, [["ProductCode", S_string, true], ["Discount", S_double, true], ["DiscountType", S_string, true]]);
defineFields(T_Customer, [["AvangateCustomerReference", S_int, false], ["ExternalCustomerReference", S_string, true], ["FirstName", S_string, true], ["LastName", S_string, true], ["Company", S_string, true], ["FiscalCode", S_string, true], ["Address1", S_string, true], ["Address2", S_string, true], ["City", S_string, true], ["State", S_string, true], ["Zip", S_string, true], ["CountryCode", S_string, true], ["Phone", S_string, true], ["Fax", S_string, true], ["Email", S_string, true], ["ExistingCards", T_ArrayOfExistingCard, true], ["Enabled", S_boolean, true], ["Trial", S_boolean, true], ["Language", S_string, true]]);
defineFields(T_DeliveryDetails, [["FirstName", S_string, true], ["LastName", S_string, true], ["Company", S_string, true], ["Email", S_string, true], ["Address1", S_string, true], ["Address2", S_string, true], ["City", S_string, true], ["State", S_string, true], ["Zip", S_string, true], ["CountryCode", S_string, true], ["Phone", S_string, true]]);
defineFields(T_EndUser, [["FirstName", S_string, true], ["LastName", S_string, true], ["Company", S_string, true], ["Email", S_string, true], ["Address1", S_string, true], ["Address2", S_string, true], ["City", S_string, true], ["State", S_string, true], ["Zip", S_string, true], ["CountryCode", S_string, true], ["Phone", S_string, true], ["Fax", S_string, true], ["Language", S_string, true]]);
defineFields(T_ExistingCard, [["TransientToken", T_TransientToken, true], ["CardType", S_string, true], ["FirstDigits", S_string, true], ["LastDigits", S_string, true], ["ExpirationMonth", S_string, true], ["ExpirationYear", S_string, true], ["HolderName", S_string, true]]);
defineFields(T_OrderError, [["Code", S_string, true], ["Message", S_string, true]]);
defineFields(T_OrderExtraInformation, [["PaymentLink", S_string, true]]);
defineFields(T_OrderInformation, [["RefNo", S_string, true], ["OrderNo", S_int, true], ["ExternalReference", S_string, true], ["ShopperRefNo", S_string, true], ["Status", S_string, true], ["ApproveStatus", S_string, true], ["VendorApproveStatus", S_string, true], ["Language", S_string, true], ["OrderDate", S_string, true], ["FinishDate", S_string, true], ["Source", S_string, true], ["AffiliateSource", S_string, true], ["AffiliateId", S_int, true], ["AffiliateName", S_string, true], ["AffiliateUrl", S_string, true], ["RecurringEnabled", S_boolean, true], ["HasShipping", S_boolean, true], ["BillingDetails", T_BillingDetails, true], ["DeliveryDetails", T_DeliveryDetails, true], ["PaymentDetails", T_PaymentDetails, true], ["CustomerDetails", T_Customer, true], ["Origin", S_string, true], ["AvangateCommission", S_double, true], ["OrderFlow", S_string, true], ["ExtraInformation", T_OrderExtraInformation, true], ["PartnerCode", S_string, true], ["PartnerMargin", S_double, true], ["PartnerMarginPercent", S_double, true], ["ExtraMargin", S_double, true], ["ExtraMarginPercent", S_double, true], ["ExtraDiscount", S_double, true], ["ExtraDiscountPercent", S_double, true], ["LocalTime", S_string, true], ["TestOrder", S_boolean, true], ["Errors", T_ArrayOfOrderError, true], ["Items", T_ArrayOfOrderItemInformation, true], ["Promotions", T_ArrayOfString, true], ["AdditionalFields", T_ArrayOfAdditionalFieldValue, true], ["Currency", S_string, true], ["NetPrice", S_double, true], ["GrossPrice", S_double, true], ["NetDiscountedPrice", S_double, true], ["GrossDiscountedPrice", S_double, true], ["Discount", S_double, true], ["VAT", S_double, true], ["AffiliateCommission", S_double, true]]);
defineFields(T_OrderItemCrossSell, [["ParentCode", S_string, true], ["CampaignCode", S_string, true]]);
defineFields(T_OrderItemInformation, [["ProductDetails", T_OrderProductDetails, true], ["PriceOptions", T_ArrayOfOrderItemPriceOption, true], ["Price", T_Price, true], ["Code", S_string, true], ["Quantity", S_int, true], ["SKU", S_string, true], ["CrossSell", T_OrderItemCrossSell, true], ["Trial", T_OrderItemTrial, true], ["AdditionalFields", T_ArrayOfAdditionalFieldValue, true], ["Promotion", S_string, true]]);
defineFields(T_OrderItemPriceOption, [["Code", S_string, true], ["Required", S_boolean, true], ["Options", T_ArrayOfString, true]]);
defineFields(T_OrderItemTrial, [["Period", S_int, true], ["PeriodUnit", S_string, true], ["Price", S_double, true], ["GrossPrice", S_double, true]]);
defineFields(T_OrderProductDetails, [["Name", S_string, true], ["ExtraInfo", S_string, true], ["RenewalStatus", S_boolean, true], ["Subscriptions", T_ArrayOfOrderSubscription, true]]);
defineFields(T_OrderSubscription, [["SubscriptionReference", S_string, true], ["PurchaseDate", S_string, true], ["SubscriptionStartDate", S_string, true], ["ExpirationDate", S_string, true], ["Lifetime", S_boolean, true], ["Trial", S_boolean, true], ["LicenseCode", S_string, true]]);
defineFields(T_PaymentDetails, [["Type", S_string, true], ["Currency", S_string, true], ["CustomerIP", S_string, true], ["PaymentMethod", T_PaymentMethod, true]]);
defineFields(T_PaymentMethod, [["CardNumber", S_string, true], ["CardType", S_string, true], ["ExpirationYear", S_string, true], ["ExpirationMonth", S_string, true], ["CCID", S_string, true], ["HolderName", S_string, true], ["RecurringEnabled", S_boolean, true], ["FirstDigits", S_string, true], ["LastDigits", S_string, true]]);
defineFields(T_Price, [["UnitNetPrice", S_double, true], ["UnitGrossPrice", S_double, true], ["UnitVAT", S_double, true], ["UnitDiscount", S_double, true], ["UnitNetDiscountedPrice", S_double, true], ["UnitGrossDiscountedPrice", S_double, true], ["UnitAffiliateCommission", S_double, true], ["Currency", S_string, true], ["NetPrice", S_double, true], ["GrossPrice", S_double, true], ["NetDiscountedPrice", S_double, true], ["GrossDiscountedPrice", S_double, true], ["Discount", S_double, true], ["VAT", S_double, true], ["AffiliateCommission", S_double, true]]);
defineFields(T_PriceOption, [["Code", S_string, true], ["Name", S_string, true], ["Description", S_string, true], ["Translations", T_ArrayOfPriceOptionTranslation, true], ["ScaleMin", S_int, true], ["ScaleMax", S_int, true], ["SubscriptionImpact", T_PriceOptionSubscriptionImpact, true], ["PriceImpact", T_PriceOptionPriceImpact, true], ["Default", S_boolean, true]]);
defineFields(T_PriceOptionAmount, [["Currency", S_string, true], ["Amount", S_double, true]]);
defineFields(T_PriceOptionGroup, [["Code", S_string, true], ["Name", S_string, true], ["Description", S_string, true], ["Translations", T_ArrayOfPriceOptionTranslation, true], ["Type", S_string, true], ["Required", S_boolean, true], ["Options", T_ArrayOfPriceOption, true]]);
defineFields(T_PriceOptionPriceImpact, [["ImpactOn", S_string, true], ["Method", S_string, true], ["Percent", S_double, true], ["Amounts", T_ArrayOfPriceOptionAmount, true], ["Impact", S_string, true]]);
defineFields(T_PriceOptionSubscriptionImpact, [["Months", S_string, true], ["Impact", S_string, true]]);
defineFields(T_PriceOptionTranslation, [["Name", S_string, true], ["Description", S_string, true], ["Language", S_string, true]]);
defineFields(T_Subscription, [["SubscriptionReference", S_string, false], ["AvangateCustomerReference", S_int, true], ["ExternalCustomerReference", S_string, true], ["MerchantCode", S_string, true], ["StartDate", S_string, true], ["ExpirationDate", S_string, true], ["RecurringEnabled", S_boolean, true], ["SubscriptionEnabled", S_boolean, true], ["Lifetime", S_boolean, true], ["TestSubscription", S_boolean, true], ["IsTrial", S_boolean, true], ["SKU", S_string, true], ["ReceiveNotifications", S_boolean, true], ["PartnerCode", S_string, true], ["Product", T_SubscriptionProduct, true], ["EndUser", T_EndUser, true]]);
defineFields(T_SubscriptionProduct, [["ProductCode", S_string, true], ["ProductId", S_int, true], ["ProductName", S_string, true], ["ProductQuantity", S_int, true], ["ProductVersion", S_string, true], ["PriceOptionCodes", T_ArrayOfString, true]]);
defineFields(T_TransientToken, [["Token", S_string, true]]);

const R_login: ResponsePlan = { operation: "login", element: "loginResponse", part: "loginReturn", plan: S_string };
const R_createCustomer: ResponsePlan = { operation: "createCustomer", element: "createCustomerResponse", part: "createCustomerReturn", plan: S_int };
const R_getCustomerInformation: ResponsePlan = { operation: "getCustomerInformation", element: "getCustomerInformationResponse", part: "getCustomerInformationReturn", plan: T_Customer };
const R_updateCustomerInformation: ResponsePlan = { operation: "updateCustomerInformation", element: "updateCustomerInformationResponse", part: "updateCustomerInformationReturn", plan: S_boolean };
const R_getCustomerSubscriptions: ResponsePlan = { operation: "getCustomerSubscriptions", element: "getCustomerSubscriptionsResponse", part: "getCustomerSubscriptionsReturn", plan: T_ArrayOfSubscription };
const R_getCustomerInformationBySSOToken: ResponsePlan = { operation: "getCustomerInformationBySSOToken", element: "getCustomerInformationBySSOTokenResponse", part: "getCustomerInformationBySSOTokenReturn", plan: T_Customer };
const R_getSingleSignOnInCart: ResponsePlan = { operation: "getSingleSignOnInCart", element: "getSingleSignOnInCartResponse", part: "getSingleSignOnInCartReturn", plan: S_string };
const R_setSubscriptionCustomer: ResponsePlan = { operation: "setSubscriptionCustomer", element: "setSubscriptionCustomerResponse", part: "setSubscriptionCustomerReturn", plan: S_boolean };
const R_getProductCrossSellCampaigns: ResponsePlan = { operation: "getProductCrossSellCampaigns", element: "getProductCrossSellCampaignsResponse", part: "getProductCrossSellCampaignsReturn", plan: T_ArrayOfCrossSellCampaign };
const R_searchPriceOptionGroups: ResponsePlan = { operation: "searchPriceOptionGroups", element: "searchPriceOptionGroupsResponse", part: "searchPriceOptionGroupsReturn", plan: T_ArrayOfPriceOptionGroup };
const R_getPriceOptionGroup: ResponsePlan = { operation: "getPriceOptionGroup", element: "getPriceOptionGroupResponse", part: "getPriceOptionGroupReturn", plan: T_PriceOptionGroup };
const R_assignAdditionalField: ResponsePlan = { operation: "assignAdditionalField", element: "assignAdditionalFieldResponse", part: "assignAdditionalFieldReturn", plan: S_boolean };
const R_unassignAdditionalField: ResponsePlan = { operation: "unassignAdditionalField", element: "unassignAdditionalFieldResponse", part: "unassignAdditionalFieldReturn", plan: S_boolean };
const R_updateAdditionalField: ResponsePlan = { operation: "updateAdditionalField", element: "updateAdditionalFieldResponse", part: "updateAdditionalFieldReturn", plan: S_boolean };
const R_getAdditionalField: ResponsePlan = { operation: "getAdditionalField", element: "getAdditionalFieldResponse", part: "getAdditionalFieldReturn", plan: T_AdditionalField };
const R_placeOrder: ResponsePlan = { operation: "placeOrder", element: "placeOrderResponse", part: "placeOrderReturn", plan: T_OrderInformation };
const R_copyPaymentInfo: ResponsePlan = { operation: "copyPaymentInfo", element: "copyPaymentInfoResponse", part: "copyPaymentInfoReturn", plan: S_boolean };

/** Per operation: its serializer, its response plan and its SOAPAction. */
export const codecs = {
  login: { serialize: serializeLogin, response: R_login, soapAction: "urn:order#login" },
  createCustomer: { serialize: serializeCreateCustomer, response: R_createCustomer, soapAction: "urn:order#createCustomer" },
  getCustomerInformation: { serialize: serializeGetCustomerInformation, response: R_getCustomerInformation, soapAction: "urn:order#getCustomerInformation" },
  updateCustomerInformation: { serialize: serializeUpdateCustomerInformation, response: R_updateCustomerInformation, soapAction: "urn:order#updateCustomerInformation" },
  getCustomerSubscriptions: { serialize: serializeGetCustomerSubscriptions, response: R_getCustomerSubscriptions, soapAction: "urn:order#getCustomerSubscriptions" },
  getCustomerInformationBySSOToken: { serialize: serializeGetCustomerInformationBySSOToken, response: R_getCustomerInformationBySSOToken, soapAction: "urn:order#getCustomerInformationBySSOToken" },
  getSingleSignOnInCart: { serialize: serializeGetSingleSignOnInCart, response: R_getSingleSignOnInCart, soapAction: "urn:order#getSingleSignOnInCart" },
  setSubscriptionCustomer: { serialize: serializeSetSubscriptionCustomer, response: R_setSubscriptionCustomer, soapAction: "urn:order#setSubscriptionCustomer" },
  getProductCrossSellCampaigns: { serialize: serializeGetProductCrossSellCampaigns, response: R_getProductCrossSellCampaigns, soapAction: "urn:order#getProductCrossSellCampaigns" },
  searchPriceOptionGroups: { serialize: serializeSearchPriceOptionGroups, response: R_searchPriceOptionGroups, soapAction: "urn:order#searchPriceOptionGroups" },
  getPriceOptionGroup: { serialize: serializeGetPriceOptionGroup, response: R_getPriceOptionGroup, soapAction: "urn:order#getPriceOptionGroup" },
  assignAdditionalField: { serialize: serializeAssignAdditionalField, response: R_assignAdditionalField, soapAction: "urn:order#assignAdditionalField" },
  unassignAdditionalField: { serialize: serializeUnassignAdditionalField, response: R_unassignAdditionalField, soapAction: "urn:order#unassignAdditionalField" },
  updateAdditionalField: { serialize: serializeUpdateAdditionalField, response: R_updateAdditionalField, soapAction: "urn:order#updateAdditionalField" },
  getAdditionalField: { serialize: serializeGetAdditionalField, response: R_getAdditionalField, soapAction: "urn:order#getAdditionalField" },
  placeOrder: { serialize: serializePlaceOrder, response: R_placeOrder, soapAction: "urn:order#placeOrder" },
  copyPaymentInfo: { serialize: serializeCopyPaymentInfo, response: R_copyPaymentInfo, soapAction: "urn:order#copyPaymentInfo" },
} as const;

/** Operations the generator could not compile, with the reason: the client sends them through node-soap. */
export const uncompiled: Readonly<Record<string, string>> = {};
