// The public client: the core (src/client) with the customers API composed on top. This is the
// only module that knows both, so no import points back up from src/client to src/customers.
import { createClientCore, type TwoCheckoutClientCore } from '../client/client';
import type { TwoCheckoutClientOptions } from '../client/options';
import { createCustomersApi, type CustomersApi } from '../customers/api';

export interface TwoCheckoutClient extends TwoCheckoutClientCore {
  /** Customer reads and read-modify-write updates on top of `call()`. */
  readonly customers: CustomersApi;
}

/** A client for one merchant. Holds no global state: create as many as you need. */
export function createTwoCheckoutClient(options: TwoCheckoutClientOptions): TwoCheckoutClient {
  return createClientCore(options, (core) => ({ customers: createCustomersApi(core) }));
}
