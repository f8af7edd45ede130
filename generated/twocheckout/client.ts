// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.

import { Client as SoapClient, createClientAsync as soapCreateClientAsync, IExOptions as ISoapExOptions } from "soap";
import { Login } from "./definitions/Login";
import { LoginResponse } from "./definitions/LoginResponse";
import { CreateCustomer } from "./definitions/CreateCustomer";
import { CreateCustomerResponse } from "./definitions/CreateCustomerResponse";
import { GetCustomerInformation } from "./definitions/GetCustomerInformation";
import { GetCustomerInformationResponse } from "./definitions/GetCustomerInformationResponse";
import { UpdateCustomerInformation } from "./definitions/UpdateCustomerInformation";
import { UpdateCustomerInformationResponse } from "./definitions/UpdateCustomerInformationResponse";
import { GetCustomerSubscriptions } from "./definitions/GetCustomerSubscriptions";
import { GetCustomerSubscriptionsResponse } from "./definitions/GetCustomerSubscriptionsResponse";
import { GetCustomerInformationBySsoToken } from "./definitions/GetCustomerInformationBySsoToken";
import { GetCustomerInformationBySsoTokenResponse } from "./definitions/GetCustomerInformationBySsoTokenResponse";
import { GetSingleSignOnInCart } from "./definitions/GetSingleSignOnInCart";
import { GetSingleSignOnInCartResponse } from "./definitions/GetSingleSignOnInCartResponse";
import { SetSubscriptionCustomer } from "./definitions/SetSubscriptionCustomer";
import { SetSubscriptionCustomerResponse } from "./definitions/SetSubscriptionCustomerResponse";
import { GetProductCrossSellCampaigns } from "./definitions/GetProductCrossSellCampaigns";
import { GetProductCrossSellCampaignsResponse } from "./definitions/GetProductCrossSellCampaignsResponse";
import { SearchPriceOptionGroups } from "./definitions/SearchPriceOptionGroups";
import { SearchPriceOptionGroupsResponse } from "./definitions/SearchPriceOptionGroupsResponse";
import { GetPriceOptionGroup } from "./definitions/GetPriceOptionGroup";
import { GetPriceOptionGroupResponse } from "./definitions/GetPriceOptionGroupResponse";
import { AssignAdditionalField } from "./definitions/AssignAdditionalField";
import { AssignAdditionalFieldResponse } from "./definitions/AssignAdditionalFieldResponse";
import { UnassignAdditionalField } from "./definitions/UnassignAdditionalField";
import { UnassignAdditionalFieldResponse } from "./definitions/UnassignAdditionalFieldResponse";
import { UpdateAdditionalField } from "./definitions/UpdateAdditionalField";
import { UpdateAdditionalFieldResponse } from "./definitions/UpdateAdditionalFieldResponse";
import { GetAdditionalField } from "./definitions/GetAdditionalField";
import { GetAdditionalFieldResponse } from "./definitions/GetAdditionalFieldResponse";
import { PlaceOrder } from "./definitions/PlaceOrder";
import { PlaceOrderResponse } from "./definitions/PlaceOrderResponse";
import { CopyPaymentInfo } from "./definitions/CopyPaymentInfo";
import { CopyPaymentInfoResponse } from "./definitions/CopyPaymentInfoResponse";
import { OrderApiService } from "./services/OrderApiService";

export interface TwocheckoutClient extends SoapClient {
    OrderApiService: OrderApiService;
    loginAsync(login: Login, options?: ISoapExOptions): Promise<[result: LoginResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    createCustomerAsync(createCustomer: CreateCustomer, options?: ISoapExOptions): Promise<[result: CreateCustomerResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    getCustomerInformationAsync(getCustomerInformation: GetCustomerInformation, options?: ISoapExOptions): Promise<[result: GetCustomerInformationResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    updateCustomerInformationAsync(updateCustomerInformation: UpdateCustomerInformation, options?: ISoapExOptions): Promise<[result: UpdateCustomerInformationResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    getCustomerSubscriptionsAsync(getCustomerSubscriptions: GetCustomerSubscriptions, options?: ISoapExOptions): Promise<[result: GetCustomerSubscriptionsResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    getCustomerInformationBySSOTokenAsync(getCustomerInformationBySsoToken: GetCustomerInformationBySsoToken, options?: ISoapExOptions): Promise<[result: GetCustomerInformationBySsoTokenResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    getSingleSignOnInCartAsync(getSingleSignOnInCart: GetSingleSignOnInCart, options?: ISoapExOptions): Promise<[result: GetSingleSignOnInCartResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    setSubscriptionCustomerAsync(setSubscriptionCustomer: SetSubscriptionCustomer, options?: ISoapExOptions): Promise<[result: SetSubscriptionCustomerResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    getProductCrossSellCampaignsAsync(getProductCrossSellCampaigns: GetProductCrossSellCampaigns, options?: ISoapExOptions): Promise<[result: GetProductCrossSellCampaignsResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    searchPriceOptionGroupsAsync(searchPriceOptionGroups: SearchPriceOptionGroups, options?: ISoapExOptions): Promise<[result: SearchPriceOptionGroupsResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    getPriceOptionGroupAsync(getPriceOptionGroup: GetPriceOptionGroup, options?: ISoapExOptions): Promise<[result: GetPriceOptionGroupResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    assignAdditionalFieldAsync(assignAdditionalField: AssignAdditionalField, options?: ISoapExOptions): Promise<[result: AssignAdditionalFieldResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    unassignAdditionalFieldAsync(unassignAdditionalField: UnassignAdditionalField, options?: ISoapExOptions): Promise<[result: UnassignAdditionalFieldResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    updateAdditionalFieldAsync(updateAdditionalField: UpdateAdditionalField, options?: ISoapExOptions): Promise<[result: UpdateAdditionalFieldResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    getAdditionalFieldAsync(getAdditionalField: GetAdditionalField, options?: ISoapExOptions): Promise<[result: GetAdditionalFieldResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    placeOrderAsync(placeOrder: PlaceOrder, options?: ISoapExOptions): Promise<[result: PlaceOrderResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
    copyPaymentInfoAsync(copyPaymentInfo: CopyPaymentInfo, options?: ISoapExOptions): Promise<[result: CopyPaymentInfoResponse, rawResponse: string, soapHeader: unknown, rawRequest: string]>;
}

/** Create TwocheckoutClient */
export function createClientAsync(...args: Parameters<typeof soapCreateClientAsync>): Promise<TwocheckoutClient> {
    return soapCreateClientAsync(args[0], args[1], args[2]) as unknown as Promise<TwocheckoutClient>;
}
