export {
  createClientCore,
  type CallMetadata,
  type CallOptions,
  type CallResult,
  type ClientStats,
  type TwoCheckoutClientCore,
} from './client';
export { ENV_VARIABLES, optionsFromEnv, type Env, type FromEnvOptions } from './config';
export { LIVE_SOAP_URL, type TwoCheckoutClientOptions } from './options';
export * from './errors';
export {
  loginHash,
  formatLoginDate,
  HASH_ALGORITHMS,
  DEFAULT_HASH_ALGORITHM,
  type HashAlgorithm,
  type Clock,
} from './hash';
export type { CallEvent, CallOutcome, EventListener, LogFn, Logger } from './observability';
export { retryPolicy, type RetryClass } from './retry-policy';
export type { RetryOptions } from './retry-strategy';
export type { SessionTiming } from './session';
