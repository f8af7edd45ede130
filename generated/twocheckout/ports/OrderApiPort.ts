// GENERATED FILE - DO NOT EDIT.
// Source: wsdl/2checkout-soap-4.0.wsdl (sha256 520facbfc559c9e1a21d9a9bdc1e4d6a7cc2b15293c29889f56d35f2c15474bd)
// Regenerate with `npm run generate`; `npm run generate:check` fails when this file is stale.

import { Login } from "../definitions/Login";
import { LoginResponse } from "../definitions/LoginResponse";
import { CreateCustomer } from "../definitions/CreateCustomer";
import { CreateCustomerResponse } from "../definitions/CreateCustomerResponse";
import { GetCustomerInformation } from "../definitions/GetCustomerInformation";
import { GetCustomerInformationResponse } from "../definitions/GetCustomerInformationResponse";
import { UpdateCustomerInformation } from "../definitions/UpdateCustomerInformation";
import { UpdateCustomerInformationResponse } from "../definitions/UpdateCustomerInformationResponse";
import { GetCustomerSubscriptions } from "../definitions/GetCustomerSubscriptions";
import { GetCustomerSubscriptionsResponse } from "../definitions/GetCustomerSubscriptionsResponse";
import { GetCustomerInformationBySsoToken } from "../definitions/GetCustomerInformationBySsoToken";
import { GetCustomerInformationBySsoTokenResponse } from "../definitions/GetCustomerInformationBySsoTokenResponse";
import { GetSingleSignOnInCart } from "../definitions/GetSingleSignOnInCart";
import { GetSingleSignOnInCartResponse } from "../definitions/GetSingleSignOnInCartResponse";
import { SetSubscriptionCustomer } from "../definitions/SetSubscriptionCustomer";
import { SetSubscriptionCustomerResponse } from "../definitions/SetSubscriptionCustomerResponse";
import { GetProductCrossSellCampaigns } from "../definitions/GetProductCrossSellCampaigns";
import { GetProductCrossSellCampaignsResponse } from "../definitions/GetProductCrossSellCampaignsResponse";
import { SearchPriceOptionGroups } from "../definitions/SearchPriceOptionGroups";
import { SearchPriceOptionGroupsResponse } from "../definitions/SearchPriceOptionGroupsResponse";
import { GetPriceOptionGroup } from "../definitions/GetPriceOptionGroup";
import { GetPriceOptionGroupResponse } from "../definitions/GetPriceOptionGroupResponse";
import { AssignAdditionalField } from "../definitions/AssignAdditionalField";
import { AssignAdditionalFieldResponse } from "../definitions/AssignAdditionalFieldResponse";
import { UnassignAdditionalField } from "../definitions/UnassignAdditionalField";
import { UnassignAdditionalFieldResponse } from "../definitions/UnassignAdditionalFieldResponse";
import { UpdateAdditionalField } from "../definitions/UpdateAdditionalField";
import { UpdateAdditionalFieldResponse } from "../definitions/UpdateAdditionalFieldResponse";
import { GetAdditionalField } from "../definitions/GetAdditionalField";
import { GetAdditionalFieldResponse } from "../definitions/GetAdditionalFieldResponse";
import { PlaceOrder } from "../definitions/PlaceOrder";
import { PlaceOrderResponse } from "../definitions/PlaceOrderResponse";
import { CopyPaymentInfo } from "../definitions/CopyPaymentInfo";
import { CopyPaymentInfoResponse } from "../definitions/CopyPaymentInfoResponse";

export interface OrderApiPort {
    login(login: Login, callback: (err: unknown, result: LoginResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    createCustomer(createCustomer: CreateCustomer, callback: (err: unknown, result: CreateCustomerResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    getCustomerInformation(getCustomerInformation: GetCustomerInformation, callback: (err: unknown, result: GetCustomerInformationResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    updateCustomerInformation(updateCustomerInformation: UpdateCustomerInformation, callback: (err: unknown, result: UpdateCustomerInformationResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    getCustomerSubscriptions(getCustomerSubscriptions: GetCustomerSubscriptions, callback: (err: unknown, result: GetCustomerSubscriptionsResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    getCustomerInformationBySSOToken(getCustomerInformationBySsoToken: GetCustomerInformationBySsoToken, callback: (err: unknown, result: GetCustomerInformationBySsoTokenResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    getSingleSignOnInCart(getSingleSignOnInCart: GetSingleSignOnInCart, callback: (err: unknown, result: GetSingleSignOnInCartResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    setSubscriptionCustomer(setSubscriptionCustomer: SetSubscriptionCustomer, callback: (err: unknown, result: SetSubscriptionCustomerResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    getProductCrossSellCampaigns(getProductCrossSellCampaigns: GetProductCrossSellCampaigns, callback: (err: unknown, result: GetProductCrossSellCampaignsResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    searchPriceOptionGroups(searchPriceOptionGroups: SearchPriceOptionGroups, callback: (err: unknown, result: SearchPriceOptionGroupsResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    getPriceOptionGroup(getPriceOptionGroup: GetPriceOptionGroup, callback: (err: unknown, result: GetPriceOptionGroupResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    assignAdditionalField(assignAdditionalField: AssignAdditionalField, callback: (err: unknown, result: AssignAdditionalFieldResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    unassignAdditionalField(unassignAdditionalField: UnassignAdditionalField, callback: (err: unknown, result: UnassignAdditionalFieldResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    updateAdditionalField(updateAdditionalField: UpdateAdditionalField, callback: (err: unknown, result: UpdateAdditionalFieldResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    getAdditionalField(getAdditionalField: GetAdditionalField, callback: (err: unknown, result: GetAdditionalFieldResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    placeOrder(placeOrder: PlaceOrder, callback: (err: unknown, result: PlaceOrderResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
    copyPaymentInfo(copyPaymentInfo: CopyPaymentInfo, callback: (err: unknown, result: CopyPaymentInfoResponse, rawResponse: string, soapHeader: unknown, rawRequest: string) => void): void;
}
