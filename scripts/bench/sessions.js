'use strict';
// Logins over a run several (shortened) session lifetimes long.
const { createTwoCheckoutClient } = require('../../dist/src');
const { MERCHANT } = require('./data');

async function sessionRun(url, { ttlMs, renewMarginMs, durationMs, concurrency, customers }) {
  const client = createTwoCheckoutClient({
    merchantCode: MERCHANT.code,
    secretKey: MERCHANT.secretKey,
    url,
    session: { ttlMs, renewMarginMs },
  });
  const started = Date.now();
  let calls = 0;
  let failures = 0;
  const lane = async (l) => {
    for (let i = l; Date.now() - started < durationMs; i += concurrency) {
      try {
        await client.customers.get(100000 + (i % customers));
        calls++;
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, l) => lane(l)));
  const elapsedMs = Date.now() - started;
  const stats = client.stats();
  await client.close();
  const renewalIntervalMs = ttlMs - renewMarginMs;
  const expected = Math.ceil(elapsedMs / renewalIntervalMs);
  return {
    elapsedMs,
    calls,
    failures,
    logins: stats.logins,
    expected,
    renewalIntervalMs,
    ttlMs,
    renewMarginMs,
  };
}

module.exports = { sessionRun };
