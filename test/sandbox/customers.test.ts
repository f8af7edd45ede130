import { startSandbox, type Sandbox } from '../../src/sandbox';
import { faultOf, session, textOf, type Part } from './helpers';

let sb: Sandbox;
let call: Awaited<ReturnType<typeof session>>['call'];
beforeAll(async () => {
  sb = await startSandbox();
  call = (await session(sb.url)).call;
});
afterAll(() => sb.stop());

let counter = 0;
function newCustomer(overrides: Record<string, Part> = {}): Record<string, Part> {
  counter += 1;
  return {
    ExternalCustomerReference: `T-${counter}`,
    FirstName: 'Test',
    LastName: 'Person',
    Address1: '1 Main St',
    City: 'Springfield',
    Zip: '12345',
    CountryCode: 'US',
    Email: `t${counter}@example.com`,
    ...overrides,
  };
}

async function create(customer: Record<string, Part>) {
  return call('createCustomer', [['Customer', customer]]);
}

function dump(ref: number) {
  return sb.customers('DEMO')?.find((c) => c.AvangateCustomerReference === ref);
}

async function createOk(overrides: Record<string, Part> = {}): Promise<number> {
  const res = await create(newCustomer(overrides));
  expect(res.status).toBe(200);
  return Number(textOf(res.body, 'createCustomerReturn'));
}

describe('createCustomer', () => {
  test('returns a new AvangateCustomerReference; the customer reads back with lower-case country', async () => {
    const ref = await createOk({ CountryCode: 'De', Language: 'DE' });
    expect(ref).toBeGreaterThanOrEqual(1_000_001);
    const res = await call('getCustomerInformation', [['AvangateCustomerReference', ref]]);
    expect(textOf(res.body, 'CountryCode')).toBe('de');
    expect(textOf(res.body, 'Language')).toBe('de');
    expect(res.body).toContain('<Enabled xsi:type="xsd:boolean">false</Enabled>');
    expect(res.body).toContain('SOAP-ENC:arrayType="ns1:ExistingCard[0]"');
  });

  test.each(['FirstName', 'LastName', 'Address1', 'City', 'Zip', 'CountryCode', 'Email'])(
    'required field %s: missing, nil or blank → EMPTY_*',
    async (field) => {
      const code = `EMPTY_${field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
      for (const value of [undefined, null, '   ']) {
        const customer = newCustomer();
        if (value === undefined) delete customer[field];
        else customer[field] = value;
        const res = await create(customer);
        expect(res.status).toBe(500);
        expect(faultOf(res.body)).toEqual({ code, string: `Required field is empty: ${field}` });
      }
    },
  );

  test.each([
    ['AvangateCustomerReference', 5],
    ['Enabled', true],
    ['Trial', false],
    ['ExistingCards', [{ CardType: 'VISA', LastDigits: '1111' }]],
  ] as [string, Part][])('read-only %s cannot be written on create', async (field, value) => {
    const res = await create(newCustomer({ [field]: value }));
    expect(faultOf(res.body).code).toBe('READONLY_FIELD');
    expect(faultOf(res.body).string).toContain(field);
  });

  test('ExternalCustomerReference is unique per merchant', async () => {
    const res = await create(newCustomer({ ExternalCustomerReference: 'CRM-0002' }));
    expect(faultOf(res.body)).toEqual({
      code: 'DUPLICATE_EXTERNAL_REFERENCE',
      string: 'ExternalCustomerReference CRM-0002 is already used by another customer',
    });
  });

  test('CountryCode must be ISO 3166-1 alpha-2', async () => {
    for (const bad of ['XX', 'USA', 'u', 'UK']) {
      const res = await create(newCustomer({ CountryCode: bad }));
      expect(faultOf(res.body).code).toBe('INVALID_COUNTRY_CODE');
    }
  });

  test('Email must look like an address', async () => {
    for (const bad of ['nope', 'a@b', 'a b@example.com', '@example.com']) {
      const res = await create(newCustomer({ Email: bad }));
      expect(faultOf(res.body)).toEqual({ code: 'INVALID_EMAIL', string: 'Invalid email address: Email' });
    }
  });

  test('FiscalCode requires Company', async () => {
    const res = await create(newCustomer({ FiscalCode: 'RO123' }));
    expect(faultOf(res.body)).toEqual({ code: 'INVALID_FISCAL_CODE', string: 'FiscalCode requires Company' });
    await createOk({ FiscalCode: 'RO123', Company: 'Acme SRL' });
  });

  test('field lengths are limited (counted in characters)', async () => {
    const res = await create(newCustomer({ FirstName: 'x'.repeat(101) }));
    expect(faultOf(res.body)).toEqual({
      code: 'INVALID_FIRST_NAME',
      string: 'FirstName is longer than 100 characters',
    });
    await createOk({ FirstName: '😀'.repeat(100) });
  });

  test('Language must be a two-letter code', async () => {
    const res = await create(newCustomer({ Language: 'english' }));
    expect(faultOf(res.body).code).toBe('INVALID_LANGUAGE');
  });

  test('unicode and markup characters are stored and returned intact', async () => {
    const ref = await createOk({ Company: 'Smith & Sons <Ltd> "Q" ]]>', City: 'Zürich 東京' });
    expect(dump(ref)).toMatchObject({ Company: 'Smith & Sons <Ltd> "Q" ]]>', City: 'Zürich 東京' });
    const res = await call('getCustomerInformation', [['AvangateCustomerReference', ref]]);
    expect(res.body).toContain('Smith &amp; Sons &lt;Ltd&gt; "Q" ]]&gt;');
  });
});

describe('getCustomerInformation', () => {
  test('by AvangateCustomerReference, by ExternalCustomerReference, by both', async () => {
    for (const parts of [
      [['AvangateCustomerReference', 1002]],
      [
        ['AvangateCustomerReference', null],
        ['ExternalCustomerReference', 'CRM-0002'],
      ],
      [
        ['AvangateCustomerReference', 0],
        ['ExternalCustomerReference', 'CRM-0002'],
      ],
      [
        ['AvangateCustomerReference', 1002],
        ['ExternalCustomerReference', 'CRM-0002'],
      ],
    ] as [string, Part][][]) {
      const res = await call('getCustomerInformation', parts);
      expect(res.status).toBe(200);
      expect(textOf(res.body, 'FirstName')).toBe('Grace');
    }
  });

  test('both references must belong to the same customer', async () => {
    const res = await call('getCustomerInformation', [
      ['AvangateCustomerReference', 1002],
      ['ExternalCustomerReference', 'CRM-0001'],
    ]);
    expect(faultOf(res.body).code).toBe('CUSTOMER_REFERENCE_MISMATCH');
  });

  test('unknown references are NOT_FOUND_CUSTOMER; no reference at all is EMPTY_CUSTOMER_REFERENCE', async () => {
    const a = await call('getCustomerInformation', [['AvangateCustomerReference', 999]]);
    expect(faultOf(a.body)).toEqual({
      code: 'NOT_FOUND_CUSTOMER',
      string: 'No customer with AvangateCustomerReference 999',
    });
    const b = await call('getCustomerInformation', [['ExternalCustomerReference', 'NOPE']]);
    expect(faultOf(b.body).code).toBe('NOT_FOUND_CUSTOMER');
    const c = await call('getCustomerInformation', [
      ['AvangateCustomerReference', null],
      ['ExternalCustomerReference', null],
    ]);
    expect(faultOf(c.body).code).toBe('EMPTY_CUSTOMER_REFERENCE');
  });

  test('a customer with nil fields returns xsi:nil for them', async () => {
    const res = await call('getCustomerInformation', [['AvangateCustomerReference', 1005]]);
    expect(res.body).toContain('<Company xsi:nil="true"/>');
    expect(res.body).toContain('<ExternalCustomerReference xsi:nil="true"/>');
  });
});

describe('updateCustomerInformation', () => {
  async function read(ref: number): Promise<Record<string, Part>> {
    const c = dump(ref);
    if (!c) throw new Error(`no customer ${ref}`);
    return JSON.parse(JSON.stringify(c)) as Record<string, Part>;
  }

  test('the full object as read back, with one field changed, updates that field only', async () => {
    const ref = await createOk();
    const customer = await read(ref);
    const res = await call('updateCustomerInformation', [
      ['Customer', { ...customer, Email: 'changed@example.com' }],
      ['UpdateEndUserSubscriptions', false],
    ]);
    expect(res.status).toBe(200);
    expect(textOf(res.body, 'updateCustomerInformationReturn')).toBe('true');
    expect(dump(ref)).toEqual({ ...customer, Email: 'changed@example.com' });
  });

  test('absent fields stay, nil clears an optional field, nil on a required one is EMPTY_*', async () => {
    const ref = await createOk({ Phone: '+1 555', Company: 'Acme' });
    await call('updateCustomerInformation', [['Customer', { AvangateCustomerReference: ref, Phone: null }]]);
    expect(dump(ref)).toMatchObject({ Phone: null, Company: 'Acme' });
    const res = await call('updateCustomerInformation', [
      ['Customer', { AvangateCustomerReference: ref, City: null }],
    ]);
    expect(faultOf(res.body).code).toBe('EMPTY_CITY');
  });

  test.each([
    ['Enabled', true],
    ['Trial', true],
    ['ExistingCards', [{ CardType: 'VISA', FirstDigits: '4111', LastDigits: '1111' }]],
  ] as [string, Part][])(
    'changing read-only %s is READONLY_FIELD; nothing is written',
    async (field, value) => {
      const ref = await createOk();
      const before = await read(ref);
      const res = await call('updateCustomerInformation', [
        ['Customer', { ...before, [field]: value, FirstName: 'Changed' }],
      ]);
      expect(faultOf(res.body)).toEqual({
        code: 'READONLY_FIELD',
        string: `${field} is read-only and cannot be changed`,
      });
      expect(dump(ref)).toEqual(before);
    },
  );

  test('read-only values sent back unchanged (cards included) are accepted', async () => {
    const before = await read(1001);
    expect((before.ExistingCards as Part[]).length).toBe(1);
    const res = await call('updateCustomerInformation', [['Customer', { ...before, Phone: '+44 1' }]]);
    expect(res.status).toBe(200);
    expect(dump(1001)?.Phone).toBe('+44 1');
  });

  test('ExternalCustomerReference can change to a free value but not to another customer', async () => {
    const ref = await createOk();
    const ok = await call('updateCustomerInformation', [
      ['Customer', { AvangateCustomerReference: ref, ExternalCustomerReference: `NEW-${ref}` }],
    ]);
    expect(ok.status).toBe(200);
    const byNew = await call('getCustomerInformation', [['ExternalCustomerReference', `NEW-${ref}`]]);
    expect(textOf(byNew.body, 'AvangateCustomerReference')).toBe(String(ref));
    const taken = await call('updateCustomerInformation', [
      ['Customer', { AvangateCustomerReference: ref, ExternalCustomerReference: 'CRM-0002' }],
    ]);
    expect(faultOf(taken.body).code).toBe('CUSTOMER_REFERENCE_MISMATCH');
  });

  test('a customer can be found by ExternalCustomerReference alone', async () => {
    const ref = await createOk({ ExternalCustomerReference: 'BY-EXT-ONLY' });
    const res = await call('updateCustomerInformation', [
      ['Customer', { ExternalCustomerReference: 'BY-EXT-ONLY', City: 'Shelbyville' }],
    ]);
    expect(res.status).toBe(200);
    expect(dump(ref)?.City).toBe('Shelbyville');
  });

  test('validation applies to updates (country, email)', async () => {
    const ref = await createOk();
    const a = await call('updateCustomerInformation', [
      ['Customer', { AvangateCustomerReference: ref, CountryCode: 'ZZ' }],
    ]);
    expect(faultOf(a.body).code).toBe('INVALID_COUNTRY_CODE');
    const b = await call('updateCustomerInformation', [
      ['Customer', { AvangateCustomerReference: ref, Email: 'x' }],
    ]);
    expect(faultOf(b.body).code).toBe('INVALID_EMAIL');
  });

  test('unknown customer → NOT_FOUND_CUSTOMER; no Customer part → INVALID_CUSTOMER', async () => {
    const a = await call('updateCustomerInformation', [['Customer', { AvangateCustomerReference: 7 }]]);
    expect(faultOf(a.body).code).toBe('NOT_FOUND_CUSTOMER');
    const b = await call('updateCustomerInformation', []);
    expect(faultOf(b.body).code).toBe('INVALID_CUSTOMER');
  });

  test('UpdateEndUserSubscriptions=true copies changed contact fields to every subscription end user', async () => {
    const before = await read(1001);
    const res = await call('updateCustomerInformation', [
      ['Customer', { ...before, Email: 'ada.new@example.com', City: 'Cambridge' }],
      ['UpdateEndUserSubscriptions', true],
    ]);
    expect(res.status).toBe(200);
    const subs = await call('getCustomerSubscriptions', [['AvangateCustomerReference', 1001]]);
    expect(subs.body).toContain('SOAP-ENC:arrayType="ns1:Subscription[2]"');
    const endUsers = subs.body.match(/<EndUser xsi:type="ns1:EndUser">.*?<\/EndUser>/g) ?? [];
    expect(endUsers).toHaveLength(2);
    for (const e of endUsers) {
      expect(textOf(e, 'Email')).toBe('ada.new@example.com');
      expect(textOf(e, 'City')).toBe('Cambridge');
      expect(textOf(e, 'FirstName')).toBe('Ada');
    }
  });

  test('UpdateEndUserSubscriptions=false leaves the end users alone', async () => {
    const before = await read(1001);
    await call('updateCustomerInformation', [
      ['Customer', { ...before, Email: 'ada.other@example.com' }],
      ['UpdateEndUserSubscriptions', false],
    ]);
    const subs = await call('getCustomerSubscriptions', [['AvangateCustomerReference', 1001]]);
    expect(subs.body).not.toContain('ada.other@example.com');
  });
});

describe('getCustomerSubscriptions', () => {
  test('none is an empty SOAP-ENC array', async () => {
    const res = await call('getCustomerSubscriptions', [['AvangateCustomerReference', 1002]]);
    expect(res.body).toContain(
      '<getCustomerSubscriptionsReturn SOAP-ENC:arrayType="ns1:Subscription[0]" xsi:type="ns1:ArrayOfSubscription"/>',
    );
  });

  test('a trial-only customer reads as Trial=true', async () => {
    const res = await call('getCustomerInformation', [['AvangateCustomerReference', 1004]]);
    expect(res.body).toContain('<Trial xsi:type="xsd:boolean">true</Trial>');
    expect(res.body).toContain('<Enabled xsi:type="xsd:boolean">true</Enabled>');
  });
});
