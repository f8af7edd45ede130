import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox } from '../../src/sandbox';
import { faultOf, session, textOf } from './helpers';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-db-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const customer = {
  ExternalCustomerReference: 'PERSIST-1',
  FirstName: 'Per',
  LastName: 'Sist',
  Address1: '1 Disk Rd',
  City: 'Oslo',
  Zip: '0150',
  CountryCode: 'NO',
  Email: 'per@example.no',
};

test('--db: state survives a restart; the seed does not overwrite changes; references keep counting', async () => {
  const db = path.join(dir, 'state.sqlite');
  const first = await startSandbox({ db });
  let ref: number;
  try {
    const s = await session(first.url);
    ref = Number(
      textOf((await s.call('createCustomer', [['Customer', customer]])).body, 'createCustomerReturn'),
    );
    await s.call('updateCustomerInformation', [
      ['Customer', { AvangateCustomerReference: 1002, City: 'Changed' }],
    ]);
  } finally {
    await first.stop();
  }
  const second = await startSandbox({ db });
  try {
    const s = await session(second.url);
    const read = await s.call('getCustomerInformation', [['ExternalCustomerReference', 'PERSIST-1']]);
    expect(textOf(read.body, 'AvangateCustomerReference')).toBe(String(ref));
    expect(second.customers('DEMO')?.find((c) => c.AvangateCustomerReference === 1002)?.City).toBe('Changed');
    const dup = await s.call('createCustomer', [['Customer', customer]]);
    expect(faultOf(dup.body).code).toBe('DUPLICATE_EXTERNAL_REFERENCE');
    const next = await s.call('createCustomer', [
      ['Customer', { ...customer, ExternalCustomerReference: 'PERSIST-2' }],
    ]);
    expect(Number(textOf(next.body, 'createCustomerReturn'))).toBe(ref + 1);
    const subs = await s.call('getCustomerSubscriptions', [['AvangateCustomerReference', 1001]]);
    expect(subs.body).toContain('ns1:Subscription[2]');
  } finally {
    await second.stop();
  }
});

test('a failed operation leaves no partial writes (SQLite transaction)', async () => {
  const db = path.join(dir, 'tx.sqlite');
  const sb = await startSandbox({ db });
  try {
    const s = await session(sb.url);
    const before = sb.customers('DEMO');
    const res = await s.call('placeOrder', [
      [
        'Order',
        {
          Currency: 'EUR',
          ExternalCustomerReference: 'NEW-BUT-FAILS',
          Items: [{ Code: 'PRO', Quantity: 1 }],
          BillingDetails: {
            FirstName: 'A',
            LastName: 'B',
            Email: 'a@example.com',
            Address1: 'x',
            City: 'y',
            Zip: '1',
            CountryCode: 'de',
          },
          PaymentDetails: {
            Type: 'CC',
            PaymentMethod: { CardNumber: '4111111111111111', ExpirationMonth: '13', ExpirationYear: '2099' },
          },
        },
      ],
    ]);
    expect(faultOf(res.body).code).toBe('ORDER_PAYMENT_DETAILS_INVALID');
    expect(sb.customers('DEMO')).toEqual(before);
  } finally {
    await sb.stop();
  }
});

test('the memory store also rolls back a failed operation', async () => {
  const sb = await startSandbox();
  try {
    const s = await session(sb.url);
    const before = sb.customers('DEMO');
    await s.call('placeOrder', [
      [
        'Order',
        {
          Currency: 'EUR',
          ExternalCustomerReference: 'NEW-BUT-FAILS',
          Items: [{ Code: 'PRO', Quantity: 1 }],
          BillingDetails: {
            FirstName: 'A',
            LastName: 'B',
            Email: 'a@example.com',
            Address1: 'x',
            City: 'y',
            Zip: '1',
            CountryCode: 'de',
          },
          PaymentDetails: { Type: 'BITCOIN' },
        },
      ],
    ]);
    expect(sb.customers('DEMO')).toEqual(before);
  } finally {
    await sb.stop();
  }
});

describe('seeding', () => {
  test('a seed file provides merchants and data; seed: false starts empty', async () => {
    const file = path.join(dir, 'seed.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        merchants: [
          {
            code: 'ACME',
            secretKey: 'ACME_KEY',
            customers: [
              {
                ExternalCustomerReference: 'A-1',
                FirstName: 'A',
                LastName: 'B',
                Address1: 'x',
                City: 'y',
                Zip: '1',
                CountryCode: 'US',
                Email: 'a@example.com',
              },
            ],
          },
        ],
      }),
    );
    const sb = await startSandbox({ seed: file });
    try {
      expect(sb.customers('DEMO')).toBeUndefined();
      expect(sb.customers('ACME')).toEqual([
        expect.objectContaining({ ExternalCustomerReference: 'A-1', CountryCode: 'us' }),
      ]);
      await expect(session(sb.url, 'ACME', 'ACME_KEY')).resolves.toBeDefined();
    } finally {
      await sb.stop();
    }
    const empty = await startSandbox({ seed: false, merchants: [{ code: 'M', secretKey: 'K' }] });
    try {
      expect(empty.customers('M')).toEqual([]);
      expect(empty.customers('DEMO')).toBeUndefined();
    } finally {
      await empty.stop();
    }
  });

  test('bad seeds fail at start with a message naming the problem', async () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"merchants": [{"code": "X", "customers": [{"FirstName": "A"}]}]}');
    await expect(startSandbox({ seed: bad })).rejects.toThrow(
      'Seed merchant X: customers[0]: Required field is empty: LastName',
    );
    fs.writeFileSync(bad, '{nope');
    await expect(startSandbox({ seed: bad })).rejects.toThrow(`Seed file ${bad} is not valid JSON`);
    await expect(startSandbox({ seed: path.join(dir, 'missing.json') })).rejects.toThrow(
      'Cannot read seed file',
    );
    await expect(startSandbox({ merchants: [{ code: 'M', secretKey: '' }] })).rejects.toThrow(
      'merchants[0].secretKey',
    );
  });

  test('the bundled demo seed has the documented content', async () => {
    const sb = await startSandbox();
    try {
      const customers = sb.customers('DEMO') ?? [];
      expect(customers.length).toBeGreaterThanOrEqual(10);
      expect(
        customers.filter(
          (c) =>
            typeof c.ExternalCustomerReference === 'string' &&
            /^CRM-\d{4}$/.test(c.ExternalCustomerReference),
        ).length,
      ).toBeGreaterThanOrEqual(5);
      expect(
        customers.some((c) => c.ExternalCustomerReference === null && c.Company === null && c.Phone === null),
      ).toBe(true);
      expect(customers.some((c) => c.Enabled === true)).toBe(true);
      await expect(session(sb.url, 'DEMO', 'DEMO_SECRET_KEY')).resolves.toBeDefined();
    } finally {
      await sb.stop();
    }
  });
});
