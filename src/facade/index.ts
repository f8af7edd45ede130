export { createTwoCheckoutClient, type TwoCheckoutClient } from './create-client';
export { fromEnv } from './from-env';
