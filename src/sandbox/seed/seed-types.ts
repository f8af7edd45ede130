import type { SoapStruct } from '../xml/values';

export interface SeedMerchant {
  code: string;
  secretKey?: string;
  customers?: SoapStruct[];
  subscriptions?: SoapStruct[];
  products?: SoapStruct[];
  priceOptionGroups?: SoapStruct[];
  crossSellCampaigns?: SoapStruct[];
  additionalFields?: SoapStruct[];
}

export interface SeedData {
  merchants: SeedMerchant[];
}
