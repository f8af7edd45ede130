'use strict';
// The flow of 2Checkout's own samples, per record: a new SOAP client from the service's ?wsdl,
// login (the 2024 way: 4 parts, sha256), getCustomerInformation, change Email,
// updateCustomerInformation. Sequential.
const soap = require('soap');
const { loginCredentials } = require('../../dist/src/client/hash');
const { toWireArgs, normalizeResult } = require('../../dist/src/soap');
const { MERCHANT } = require('./data');

async function naiveUpdate(wsdlUrl, endpoint, ref, email) {
  const client = await soap.createClientAsync(wsdlUrl, { disableCache: true, handleNilAsNull: true });
  client.setEndpoint(endpoint);
  const call = async (op, args, sessionID) => {
    const [result] = await client[`${op}Async`](toWireArgs(op, args, sessionID), { timeout: 30_000 });
    return normalizeResult(op, result);
  };
  // As the vendor's pages show it since MD5 was retired (2024): hash_hmac('sha256', …) plus algo.
  const { date, hash, algo } = loginCredentials(
    MERCHANT.code,
    MERCHANT.secretKey,
    () => new Date(),
    'sha256',
  );
  const sessionID = await call('login', { merchantCode: MERCHANT.code, date, hash, algo });
  const customer = await call('getCustomerInformation', { AvangateCustomerReference: ref }, sessionID);
  await call('updateCustomerInformation', { Customer: { ...customer, Email: email } }, sessionID);
}

/** Updates `count` customers the naive way; resolves to updates per second. */
async function naiveThroughput(url, count, firstRef) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    await naiveUpdate(`${url}?wsdl`, url, firstRef + i, `naive-${i}@example.com`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { records: count, seconds, perSecond: count / seconds };
}

module.exports = { naiveThroughput };
