'use strict';
// Synthetic merchants, customers and sync inputs for the benchmarks.
const fs = require('node:fs');

const MERCHANT = { code: 'BENCH', secretKey: 'BENCH_SECRET_KEY' };

function customer(i) {
  return {
    AvangateCustomerReference: 100000 + i,
    ExternalCustomerReference: `BENCH-${String(i).padStart(6, '0')}`,
    FirstName: 'Bench',
    LastName: `Customer ${i}`,
    Company: null,
    Address1: `${i} Benchmark Street`,
    City: 'Bucharest',
    Zip: '010101',
    CountryCode: 'ro',
    Email: `customer${i}@example.com`,
    Language: 'en',
  };
}

function seed(count) {
  const customers = [];
  for (let i = 0; i < count; i++) customers.push(customer(i));
  return { merchants: [{ ...MERCHANT, customers }] };
}

/**
 * A CSV that changes the Email of `rows` customers (cycling over `customers` of them). With
 * `validEvery` > 1 only every validEvery-th row is a valid change; the others carry an e-mail the
 * sync refuses locally (so a million-row run stays within the bench's time, see docs/bench.md).
 */
function writeEmailChanges(file, rows, customers, tag, validEvery = 1) {
  const out = fs.createWriteStream(file);
  out.write('ExternalCustomerReference,Email\n');
  let i = 0;
  return new Promise((resolve, reject) => {
    out.on('error', reject);
    const pump = () => {
      while (i < rows) {
        const n = i % customers;
        const email = i % validEvery === 0 ? `${tag}-${i}@example.com` : `not-an-email-${i}`;
        const line = `BENCH-${String(n).padStart(6, '0')},${email}\n`;
        i++;
        if (!out.write(line)) return out.once('drain', pump);
      }
      out.end(resolve);
    };
    pump();
  });
}

module.exports = { MERCHANT, customer, seed, writeEmailChanges };
