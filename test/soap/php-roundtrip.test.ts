// node-soap (createSoapStub + toWireArgs) → PHP's SoapServer over our WSDL → normalizeResult.
import axios from 'axios';
import { createSoapStub, normalizeResult, toWireArgs } from '../../src/soap';
import { startPhpSoapServer, type PhpCase, type PhpSoapServer } from './php-soap-server';

let php: PhpSoapServer;
let next: PhpCase;

beforeAll(async () => {
  php = await startPhpSoapServer(() => next);
});
afterAll(() => php.close());

test('getCustomerInformation: PHP decodes our ints/nils; we decode its nils, empty strings and 1-element arrays', async () => {
  next = {
    operation: 'getCustomerInformation',
    return: {
      AvangateCustomerReference: 1001,
      ExternalCustomerReference: null,
      FirstName: '',
      LastName: 'Doe',
      Enabled: true,
      Trial: false,
      ExistingCards: [{ CardType: 'VISA', LastDigits: '1111', TransientToken: { Token: 't' } }],
    },
  };
  const stub = await createSoapStub({ endpoint: php.url });
  const out = await stub.invoke(
    'getCustomerInformation',
    toWireArgs('getCustomerInformation', { AvangateCustomerReference: 1001 }, 'SID'),
  );
  expect(php.exchanges.at(-1)?.received).toEqual({
    operation: 'getCustomerInformation',
    args: ['SID', 1001, null],
  });
  const c = normalizeResult('getCustomerInformation', out.result);
  expect(c.AvangateCustomerReference).toBe(1001);
  expect(c.ExternalCustomerReference).toBeNull();
  expect(c.FirstName).toBe('');
  expect(c.Company).toBeNull();
  expect(c.Enabled).toBe(true);
  expect(c.Trial).toBe(false);
  expect(c.ExistingCards).toEqual([
    {
      TransientToken: { Token: 't' },
      CardType: 'VISA',
      FirstDigits: null,
      LastDigits: '1111',
      ExpirationMonth: null,
      ExpirationYear: null,
      HolderName: null,
    },
  ]);
});

test('placeOrder: PHP receives Items / PriceOptions as arrays with typed members', async () => {
  next = { operation: 'placeOrder', return: { RefNo: '900', OrderNo: 7, Items: [], Promotions: ['P'] } };
  const seen: string[] = [];
  const http = axios.create();
  http.interceptors.request.use((cfg) => {
    seen.push(String(cfg.url));
    return cfg;
  });
  const stub = await createSoapStub({ endpoint: php.url, httpClient: http });
  const wire = toWireArgs(
    'placeOrder',
    {
      Order: {
        Currency: 'EUR',
        Items: [
          { Code: 'A', Quantity: 2, PriceOptions: ['X', 'Y'], Price: { Amount: 9.5 } },
          { Code: 'B', Quantity: 1, PriceOptions: [] },
        ],
        BillingDetails: { FirstName: 'Ann', Company: null, Email: '' },
        PaymentDetails: { PaymentMethod: { RecurringEnabled: false } },
      },
    },
    'SID',
  );
  const out = await stub.invoke('placeOrder', wire);
  expect(seen).toEqual([php.url]);
  expect(php.exchanges.at(-1)?.received.args).toEqual([
    'SID',
    {
      Currency: 'EUR',
      Items: [
        { Code: 'A', Quantity: 2, PriceOptions: ['X', 'Y'], Price: { Amount: 9.5 } },
        { Code: 'B', Quantity: 1, PriceOptions: [] },
      ],
      BillingDetails: { FirstName: 'Ann', Company: null, Email: '' },
      PaymentDetails: { PaymentMethod: { RecurringEnabled: false } },
    },
  ]);
  const info = normalizeResult('placeOrder', out.result);
  expect(info.RefNo).toBe('900');
  expect(info.OrderNo).toBe(7);
  expect(info.Items).toEqual([]);
  expect(info.Promotions).toEqual(['P']);
  expect(info.Errors).toEqual([]);
  expect(info.BillingDetails).toBeNull();
});

test('two stubs with different endpoints coexist', async () => {
  const other = await startPhpSoapServer(() => ({ operation: 'login', return: 'OTHER' }));
  try {
    next = { operation: 'login', return: 'FIRST' };
    const a = await createSoapStub({ endpoint: php.url });
    const b = await createSoapStub({ endpoint: other.url });
    const args = toWireArgs('login', { merchantCode: 'M', date: 'd', hash: 'h' });
    const [ra, rb] = await Promise.all([a.invoke('login', args), b.invoke('login', args)]);
    expect(normalizeResult('login', ra.result)).toBe('FIRST');
    expect(normalizeResult('login', rb.result)).toBe('OTHER');
  } finally {
    await other.close();
  }
});

test('a PHP fault rejects with its code and string', async () => {
  next = {
    operation: 'getCustomerInformation',
    fault: { code: 'FORBIDDEN', string: 'Invalid hash provided or session expired' },
  };
  const stub = await createSoapStub({ endpoint: php.url });
  await expect(
    stub.invoke(
      'getCustomerInformation',
      toWireArgs('getCustomerInformation', { AvangateCustomerReference: 1 }, 'SID'),
    ),
  ).rejects.toThrow('FORBIDDEN: Invalid hash provided or session expired');
});

test('createSoapStub refuses a bad endpoint', async () => {
  await expect(createSoapStub({ endpoint: 'not a url' })).rejects.toThrow('Invalid SOAP endpoint URL');
  await expect(createSoapStub({ endpoint: 'ftp://x/' })).rejects.toThrow('SOAP endpoint must be http(s)');
});
