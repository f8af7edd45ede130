// PHP's SoapServer is the judge of wire fidelity: the sandbox's response bytes must equal what
// ext/soap writes for the same return value over the same WSDL.
import fs from 'node:fs';
import path from 'node:path';
import { schema } from '../../generated/twocheckout/schema';
import { startSandbox, type Sandbox, type SoapValue } from '../../src/sandbox';
import { encodeFault, encodeResponse } from '../../src/sandbox/xml/encode-response';
import { runPhpSoapServer } from '../soap/php-soap-server';
import { envelope, session, type Part } from './helpers';

type OpName = keyof typeof schema.operations;

function encode(op: OpName, value: SoapValue): string {
  const out = schema.operations[op].output;
  return encodeResponse(op, out.name, out.type, value);
}

const SAMPLES = path.resolve(__dirname, '../samples');

describe('the encoder reproduces the captured PHP fixtures byte for byte', () => {
  const dirs = fs.readdirSync(SAMPLES).filter((d) => fs.existsSync(path.join(SAMPLES, d, 'php-return.json')));
  test('there are fixtures to compare with', () => {
    expect(dirs.length).toBeGreaterThan(10);
  });
  test.each(dirs)('%s', (dir) => {
    const op = dir.split('__')[0] as OpName;
    const phpCase = JSON.parse(fs.readFileSync(path.join(SAMPLES, dir, 'php-return.json'), 'utf8')) as {
      return?: SoapValue;
      fault?: { code: string; string: string };
    };
    const expected = fs.readFileSync(path.join(SAMPLES, dir, 'response.xml'), 'utf8');
    const actual = phpCase.fault
      ? encodeFault(phpCase.fault.code, phpCase.fault.string)
      : encode(op, phpCase.return as SoapValue);
    expect(actual).toBe(expected);
  });
});

const ANY_SESSION_REQUEST = (op: OpName, parts: [string, Part][]): string =>
  envelope(op, [['sessionID', 'S'], ...parts]);

describe('live PHP SoapServer comparisons', () => {
  const cases: { name: string; op: OpName; request: string; value: SoapValue }[] = [
    {
      name: 'doubles PHP formats with precision 14',
      op: 'getProductCrossSellCampaigns',
      request: ANY_SESSION_REQUEST('getProductCrossSellCampaigns', [['ProductCode', 'PRO']]),
      value: [
        {
          CampaignCode: 'C',
          Name: null,
          MasterProducts: [],
          DisplayType: null,
          DisplayInEmail: false,
          Products: [0.1 + 0.2, 1e25, 1.5e-7, 39, -2.5, 0, 123456789012345.67, 0.0001].map((d) => ({
            ProductCode: 'P',
            Discount: d,
            DiscountType: 'PERCENT',
          })),
          StartDate: null,
          EndDate: null,
        },
      ],
    },
    {
      name: 'escaping: markup, quotes, CDATA end, CR, tab, newline, astral characters',
      op: 'getCustomerInformation',
      request: ANY_SESSION_REQUEST('getCustomerInformation', [
        ['AvangateCustomerReference', 1],
        ['ExternalCustomerReference', null],
      ]),
      value: {
        AvangateCustomerReference: null,
        FirstName: `a&b<c>d"e'f]]>g`,
        LastName: 'line1\r\nline2\ttab',
        Company: '😀 Zürich 東京',
        ExistingCards: [],
      },
    },
    {
      name: 'a struct whose first field is nil and an empty top-level string array',
      op: 'getAdditionalField',
      request: ANY_SESSION_REQUEST('getAdditionalField', [['FieldCode', 'X']]),
      value: {
        Code: null,
        Label: 'L',
        Values: [],
        Translations: [{ Label: null, Values: ['a'], Language: 'de' }],
      },
    },
    {
      name: 'an empty top-level array',
      op: 'searchPriceOptionGroups',
      request: ANY_SESSION_REQUEST('searchPriceOptionGroups', [['SearchOptions', { Name: 'x' }]]),
      value: [],
    },
    {
      name: 'booleans and ints as top-level returns',
      op: 'createCustomer',
      request: ANY_SESSION_REQUEST('createCustomer', [['Customer', { FirstName: 'A' }]]),
      value: 2147483647,
    },
  ];

  test.each(cases)('$name', async ({ op, request, value }) => {
    const php = await runPhpSoapServer(request, { operation: op, return: value });
    expect(encode(op, value)).toBe(php.responseXml);
  });

  test('a fault with characters to escape', async () => {
    const request = ANY_SESSION_REQUEST('getAdditionalField', [['FieldCode', 'X']]);
    const php = await runPhpSoapServer(request, {
      operation: 'getAdditionalField',
      fault: { code: 'INVALID_EMAIL', string: 'Bad <value> & "quotes"' },
    });
    expect(encodeFault('INVALID_EMAIL', 'Bad <value> & "quotes"')).toBe(php.responseXml);
  });
});

describe('a sandbox answer equals PHP for the same data', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.stop());

  test.each([1001, 1003, 1005])('getCustomerInformation for seeded customer %i', async (ref) => {
    const s = await session(sb.url);
    const res = await s.call('getCustomerInformation', [
      ['AvangateCustomerReference', ref],
      ['ExternalCustomerReference', null],
    ]);
    expect(res.status).toBe(200);
    const customer = sb.customers('DEMO')?.find((c) => c.AvangateCustomerReference === ref);
    expect(customer).toBeDefined();
    const php = await runPhpSoapServer(
      envelope('getCustomerInformation', [
        ['sessionID', 'S'],
        ['AvangateCustomerReference', ref],
        ['ExternalCustomerReference', null],
      ]),
      { operation: 'getCustomerInformation', return: customer },
    );
    expect(res.body).toBe(php.responseXml);
  });
});
