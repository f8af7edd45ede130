// Request side of the normalizer, as the sandbox uses it: node-soap's own server decodes what our
// client sends (scalars inside structs arrive as strings, arrays as {item}), normalizeArgs types it.
import fs from 'node:fs';
import http from 'node:http';
import { listen } from 'soap';
import {
  createSoapStub,
  normalizeArgs,
  normalizeInput,
  NormalizeError,
  toWireArgs,
  vendoredWsdlPath,
} from '../../src/soap';

let server: http.Server;
let url: string;
const received: Record<string, unknown>[] = [];

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const record = (ret: Record<string, unknown>) => (args: Record<string, unknown>) => {
    received.push(args);
    return ret;
  };
  listen(
    server,
    '/soap/4.0/',
    {
      OrderAPIService: {
        OrderAPIPort: {
          createCustomer: record({ createCustomerReturn: 7 }),
          placeOrder: record({ placeOrderReturn: { RefNo: '1' } }),
        },
      },
    },
    fs.readFileSync(vendoredWsdlPath(), 'utf8'),
  );
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/soap/4.0/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('createCustomer as node-soap server decodes it: typed, absent fields stay absent, no required check', async () => {
  const stub = await createSoapStub({ endpoint: url });
  await stub.invoke(
    'createCustomer',
    toWireArgs(
      'createCustomer',
      { Customer: { AvangateCustomerReference: null, FirstName: 'Ada', Enabled: true, Trial: false } },
      'SID',
    ),
  );
  const { sessionID, args } = normalizeArgs('createCustomer', received.at(-1));
  expect(sessionID).toBe('SID');
  expect(args.Customer.FirstName).toBe('Ada');
  expect(args.Customer.Enabled).toBe(true);
  expect(args.Customer.Trial).toBe(false);
  expect(args.Customer).not.toHaveProperty('Email');
});

test('placeOrder items arrive as arrays with numbers', async () => {
  const stub = await createSoapStub({ endpoint: url });
  await stub.invoke(
    'placeOrder',
    toWireArgs(
      'placeOrder',
      {
        Order: {
          Currency: 'EUR',
          Items: [
            { Code: 'A', Quantity: 2, PriceOptions: ['X'] },
            { Code: 'B', Quantity: 1 },
          ],
        },
      },
      'SID',
    ),
  );
  const { args } = normalizeArgs('placeOrder', received.at(-1));
  expect(args.Order.Items).toEqual([
    { Code: 'A', Quantity: 2, PriceOptions: ['X'] },
    { Code: 'B', Quantity: 1 },
  ]);
});

test('normalizeInput and normalizeArgs name the field of a bad value', () => {
  expect(() => normalizeInput('Customer', { AvangateCustomerReference: 'x1' })).toThrow(
    'SOAP value: Customer.AvangateCustomerReference: expected xsd:int, got a string',
  );
  expect(() =>
    normalizeArgs('getCustomerInformation', { sessionID: 'S', AvangateCustomerReference: 'abc' }),
  ).toThrow(
    new NormalizeError(
      'getCustomerInformation',
      'request',
      'AvangateCustomerReference',
      'expected xsd:int, got a string',
    ),
  );
  expect(normalizeArgs('getCustomerInformation', {})).toEqual({
    args: { AvangateCustomerReference: null, ExternalCustomerReference: null },
  });
});
