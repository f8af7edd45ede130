import type { OperationName } from '../xml/decode-request';
import type { SoapValue } from '../xml/values';
import type { Args } from './args';
import {
  assignAdditionalField,
  getAdditionalField,
  getPriceOptionGroup,
  getProductCrossSellCampaigns,
  searchPriceOptionGroups,
  unassignAdditionalField,
  updateAdditionalField,
} from './catalog-ops';
import type { OpContext } from './context';
import {
  createCustomer,
  getCustomerInformation,
  getCustomerSubscriptions,
  updateCustomerInformation,
} from './customer-ops';
import { placeOrder } from './order-ops';
import { getCustomerInformationBySSOToken, getSingleSignOnInCart } from './sso-ops';
import { copyPaymentInfo, setSubscriptionCustomer } from './subscription-ops';

export type Handler = (ctx: OpContext, args: Args) => SoapValue;

/** Every operation but login (which needs no session and is handled by the service itself). */
export const HANDLERS: Record<Exclude<OperationName, 'login'>, Handler> = {
  createCustomer,
  getCustomerInformation,
  updateCustomerInformation,
  getCustomerSubscriptions,
  getCustomerInformationBySSOToken,
  getSingleSignOnInCart,
  setSubscriptionCustomer,
  getProductCrossSellCampaigns,
  searchPriceOptionGroups,
  getPriceOptionGroup,
  assignAdditionalField,
  unassignAdditionalField,
  updateAdditionalField,
  getAdditionalField,
  placeOrder,
  copyPaymentInfo,
};
