// The package's root entry point (`twocheckout-soap`): the client only. The sandbox and the sync
// are subpaths (`twocheckout-soap/sandbox`, `twocheckout-soap/sync`), so a service that only calls
// 2Checkout never loads them (test/package/consumer.test.ts checks what `require` loads).
export * from './domain';
export * from './client';
export * from './customers';
