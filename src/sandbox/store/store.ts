import type { SoapStruct } from '../xml/values';

/** What the sandbox keeps per merchant. */
export type EntityKind =
  | 'customer'
  | 'customerByExternalRef'
  | 'subscription'
  | 'subscriptionsByCustomer'
  | 'product'
  | 'priceOptionGroup'
  | 'crossSellCampaign'
  | 'additionalField'
  | 'fieldAssignment'
  | 'order'
  | 'ssoToken';

/**
 * A small document store: JSON documents per (merchant, kind, key). Every method is synchronous,
 * so one operation runs without interleaving in the memory store and inside one transaction in
 * SQLite. Documents are copied in and out: callers never share objects with the store.
 */
export interface SandboxStore {
  get(merchant: string, kind: EntityKind, key: string): SoapStruct | undefined;
  put(merchant: string, kind: EntityKind, key: string, doc: SoapStruct): void;
  delete(merchant: string, kind: EntityKind, key: string): void;
  list(merchant: string, kind: EntityKind): SoapStruct[];
  count(merchant: string, kind: EntityKind): number;
  /** Next value of a sequence shared by all merchants (customer references, order numbers). */
  nextId(sequence: string, floor: number): number;
  /** Makes sure the sequence never hands out `value` or anything below it again. */
  bumpId(sequence: string, value: number): void;
  transaction<T>(fn: () => T): T;
  close(): void;
}
