import fs from 'node:fs';
import { SoapFault } from '../faults/soap-fault';
import { FIRST_CUSTOMER_REFERENCE, saveCustomer } from '../model/customers';
import { saveSubscription } from '../model/subscriptions';
import type { OpContext } from '../ops/context';
import { WRITABLE_FIELDS } from '../../domain/customer-fields';
import { validateCustomer } from '../rules/customer-rules';
import type { SandboxStore } from '../store/store';
import type { SoapStruct } from '../xml/values';
import demo from './demo.json';
import type { SeedData, SeedMerchant } from './seed-types';

export const DEMO_SEED = demo as unknown as SeedData;

export function readSeedFile(file: string): SeedData {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read seed file ${file}: ${(err as Error).message}`, { cause: err });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`Seed file ${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  return checkSeed(data, file);
}

export function checkSeed(data: unknown, where: string): SeedData {
  const merchants = (data as { merchants?: unknown } | null)?.merchants;
  if (!Array.isArray(merchants)) throw new Error(`Seed ${where}: expected {"merchants": [...]}`);
  merchants.forEach((m: unknown, i) => {
    const code = (m as { code?: unknown } | null)?.code;
    if (typeof code !== 'string' || !/^[^\s\p{Cc}]{1,64}$/u.test(code)) {
      throw new Error(`Seed ${where}: merchants[${i}].code must be 1 to 64 characters without spaces`);
    }
    const key = (m as { secretKey?: unknown }).secretKey;
    if (key !== undefined && (typeof key !== 'string' || key === '')) {
      throw new Error(`Seed ${where}: merchants[${i}].secretKey must be a non-empty string`);
    }
  });
  return data as SeedData;
}

function keyed(
  list: SoapStruct[] | undefined,
  keyField: string,
  what: string,
  merchant: string,
): [string, SoapStruct][] {
  return (list ?? []).map((doc, i) => {
    const key = doc[keyField];
    if (typeof key !== 'string' && typeof key !== 'number') {
      throw new Error(`Seed merchant ${merchant}: ${what}[${i}].${keyField} is required`);
    }
    return [String(key), doc];
  });
}

/**
 * Loads a seed merchant's data. Insert-if-absent by key, so loading the same seed into an
 * existing `--db` file again never overwrites what the sandbox has since changed.
 */
export function loadSeedMerchant(store: SandboxStore, seed: SeedMerchant, now: () => number): void {
  const ctx: OpContext = { store, merchant: seed.code, now };
  store.transaction(() => {
    (seed.customers ?? []).forEach((input, i) => {
      const reference = input.AvangateCustomerReference;
      if (
        reference !== undefined &&
        (typeof reference !== 'number' || !Number.isInteger(reference) || reference <= 0)
      ) {
        throw new Error(
          `Seed merchant ${seed.code}: customers[${i}].AvangateCustomerReference must be a positive integer`,
        );
      }
      if (typeof reference === 'number' && store.get(seed.code, 'customer', String(reference))) return;
      const customer: SoapStruct = {};
      for (const field of WRITABLE_FIELDS) customer[field] = input[field] ?? null;
      try {
        validateCustomer(customer);
      } catch (err) {
        if (err instanceof SoapFault)
          throw new Error(`Seed merchant ${seed.code}: customers[${i}]: ${err.message}`, { cause: err });
        throw err;
      }
      const external =
        typeof customer.ExternalCustomerReference === 'string' ? customer.ExternalCustomerReference : null;
      if (external !== null && store.get(seed.code, 'customerByExternalRef', external)) return;
      customer.AvangateCustomerReference =
        typeof reference === 'number' ? reference : store.nextId('customer', FIRST_CUSTOMER_REFERENCE);
      if (typeof reference === 'number') store.bumpId('customer', reference);
      customer.ExistingCards = Array.isArray(input.ExistingCards) ? input.ExistingCards : [];
      saveCustomer(ctx, customer, null);
    });
    const lists: [
      SoapStruct[] | undefined,
      string,
      'subscription' | 'product' | 'priceOptionGroup' | 'crossSellCampaign' | 'additionalField',
    ][] = [
      [seed.subscriptions, 'SubscriptionReference', 'subscription'],
      [seed.products, 'ProductCode', 'product'],
      [seed.priceOptionGroups, 'Code', 'priceOptionGroup'],
      [seed.crossSellCampaigns, 'CampaignCode', 'crossSellCampaign'],
      [seed.additionalFields, 'Code', 'additionalField'],
    ];
    for (const [list, keyField, kind] of lists) {
      for (const [key, doc] of keyed(list, keyField, kind, seed.code)) {
        if (store.get(seed.code, kind, key)) continue;
        if (kind === 'subscription') {
          const owner = doc.AvangateCustomerReference;
          if (typeof owner !== 'number' || !store.get(seed.code, 'customer', String(owner))) {
            throw new Error(
              `Seed merchant ${seed.code}: subscription ${key} names no seeded customer (AvangateCustomerReference)`,
            );
          }
          saveSubscription(ctx, doc);
        } else store.put(seed.code, kind, key, doc);
      }
    }
  });
}
