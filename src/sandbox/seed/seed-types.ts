import type { SoapStruct } from '../xml/values';

/** One merchant of a seed, with its data (each entry in the shape the API returns). */
export interface SeedMerchant {
  /** The merchant code. */
  code: string;
  /** Its secret key (merchants given in options may set or override it). */
  secretKey?: string;
  /** Customers, validated like createCustomer input. */
  customers?: SoapStruct[];
  /** Subscriptions (with Product and EndUser). */
  subscriptions?: SoapStruct[];
  /** Products that orders may name. */
  products?: SoapStruct[];
  /** Price option groups. */
  priceOptionGroups?: SoapStruct[];
  /** Cross-sell campaigns. */
  crossSellCampaigns?: SoapStruct[];
  /** Additional fields. */
  additionalFields?: SoapStruct[];
}

/** The data a sandbox starts with (`seed` option, `--seed FILE`); see docs/sandbox.md. */
export interface SeedData {
  /** The merchants, each with its data. */
  merchants: SeedMerchant[];
}
