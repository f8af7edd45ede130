'use strict';
// "One login serves 1,000 concurrent calls": a fresh client fires 1,000 reads at once against a
// sandbox with injected latency (so they really overlap), then the sandbox expires every session
// and the same client fires 1,000 more. Logins are counted by the sandbox, not by the client.
const { createTwoCheckoutClient } = require('../../dist/src');
const { MERCHANT } = require('./data');

async function burst(client, calls, customers, offset) {
  const started = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: calls }, (_, i) => client.customers.get(100000 + ((offset + i) % customers))),
  );
  const failed = results.filter((r) => r.status === 'rejected');
  return {
    calls,
    failed: failed.length,
    firstFailure: failed[0] ? String(failed[0].reason?.message ?? failed[0].reason) : undefined,
    wallMs: performance.now() - started,
  };
}

/** sandbox: a child sandbox from ./sandbox (stats(), expireSessions()). */
async function loginsUnderConcurrency(sandbox, { calls = 1000, customers }) {
  const client = createTwoCheckoutClient({
    merchantCode: MERCHANT.code,
    secretKey: MERCHANT.secretKey,
    url: sandbox.url,
    proxy: null,
  });
  try {
    const before = (await sandbox.stats()).logins;
    const cold = await burst(client, calls, customers, 0);
    const afterCold = (await sandbox.stats()).logins;
    const expired = await sandbox.expireSessions();
    const renewed = await burst(client, calls, customers, calls);
    const afterRenewal = (await sandbox.stats()).logins;
    return {
      cold: { ...cold, logins: afterCold - before },
      renewal: { ...renewed, logins: afterRenewal - afterCold, sessionsExpired: expired },
    };
  } finally {
    await client.close();
  }
}

module.exports = { loginsUnderConcurrency };
