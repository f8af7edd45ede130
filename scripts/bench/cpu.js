'use strict';
// Client CPU per read+update pair: the facade (customers.update: read, validate, diff, write) against
// the raw generated stub doing the same two calls. Same sandbox, same keep-alive, same concurrency.
const http = require('node:http');
const axios = require('axios');
const { createTwoCheckoutClient } = require('../../dist/src');
const { createSoapStub } = require('../../dist/src/soap');
const { loginCredentials } = require('../../dist/src/client/hash');
const { MERCHANT, customer } = require('./data');

const CONCURRENCY = 8;

async function pool(count, worker) {
  let next = 0;
  const lane = async () => {
    while (next < count) await worker(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
}

function cpuMs(fn) {
  return async (...args) => {
    const before = process.cpuUsage();
    await fn(...args);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
}

async function facadeRunner(url, customers) {
  const client = createTwoCheckoutClient({ merchantCode: MERCHANT.code, secretKey: MERCHANT.secretKey, url });
  let round = 0;
  const run = cpuMs(async (pairs) => {
    round++;
    await pool(pairs, (i) =>
      client.customers.update(100000 + (i % customers), { Email: `f${round}-${i}@example.com` }),
    );
  });
  return { run, close: () => client.close() };
}

const withoutNulls = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));

async function rawRunner(url, customers) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const stub = await createSoapStub({ endpoint: url, httpClient: axios.create({ httpAgent: agent }) });
  const c = stub.client;
  // The 2024 login: HMAC-SHA256 with algo as the 4th part (the sandbox refuses MD5, as the service does).
  const { date, hash, algo } = loginCredentials(
    MERCHANT.code,
    MERCHANT.secretKey,
    () => new Date(),
    'sha256',
  );
  const [login] = await c.loginAsync({ merchantCode: MERCHANT.code, date, hash, algo });
  const sessionID = login.loginReturn.$value ?? login.loginReturn;
  let round = 0;
  const run = cpuMs(async (pairs) => {
    round++;
    await pool(pairs, async (i) => {
      const n = i % customers;
      const ref = 100000 + n;
      await c.getCustomerInformationAsync({ sessionID, AvangateCustomerReference: ref });
      // A raw user rebuilds the customer by hand: node-soap's result is wrapped ({attributes,$value}).
      // node-soap cannot send a bare null, so the nil fields are left out.
      const Customer = withoutNulls({ ...customer(n), Email: `r${round}-${i}@example.com` });
      await c.updateCustomerInformationAsync({ sessionID, Customer, UpdateEndUserSubscriptions: false });
    });
  });
  return { run, close: async () => agent.destroy() };
}

/** Alternates facade and raw rounds; returns ms of client CPU per pair for each. */
async function cpuCost(url, { customers, pairs, rounds }) {
  const facade = await facadeRunner(url, customers);
  const raw = await rawRunner(url, customers);
  await facade.run(300); // warm-up: JIT, sockets, session
  await raw.run(300);
  const f = [];
  const r = [];
  for (let i = 0; i < rounds; i++) {
    r.push((await raw.run(pairs)) / pairs);
    f.push((await facade.run(pairs)) / pairs);
  }
  await facade.close();
  await raw.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { facade: f, raw: r, facadeMedian: median(f), rawMedian: median(r), ratio: median(f) / median(r) };
}

module.exports = { cpuCost };
