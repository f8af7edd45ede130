/**
 * The client for 2Checkout's SOAP API 4.0: {@link createTwoCheckoutClient}, {@link fromEnv}, the
 * error classes and the domain types. The sandbox and the sync are the subpaths
 * `twocheckout-soap/sandbox` and `twocheckout-soap/sync`, so a service that only calls 2Checkout
 * never loads them (test/package/consumer.test.ts checks what `require` loads).
 * @module twocheckout-soap
 */
export * from './domain';
export * from './client';
export * from './facade';
export * from './customers';
