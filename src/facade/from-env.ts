import { optionsFromEnv, type Env, type FromEnvOptions } from '../client/config';
import { createTwoCheckoutClient, type TwoCheckoutClient } from './create-client';

/**
 * A client configured from TWOCHECKOUT_* variables (and `.env` when `env` is not given; see
 * optionsFromEnv). `overrides` win over the environment.
 */
export function fromEnv(env?: Env, overrides?: FromEnvOptions): TwoCheckoutClient {
  return createTwoCheckoutClient(optionsFromEnv(env, overrides));
}
