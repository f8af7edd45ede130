import { startSandbox, type Sandbox } from '../../src/sandbox';
import { faultOf, session, textOf, type Part } from './helpers';

let sb: Sandbox;
let call: Awaited<ReturnType<typeof session>>['call'];
beforeAll(async () => {
  sb = await startSandbox();
  call = (await session(sb.url)).call;
});
afterAll(() => sb.stop());

function order(overrides: Record<string, Part> = {}, card = '4111111111111111'): Record<string, Part> {
  return {
    Currency: 'EUR',
    Language: 'en',
    CustomerReference: 1002,
    Items: [{ Code: 'PRO', Quantity: 2, PriceOptions: ['MONTHLY'] }],
    BillingDetails: {
      FirstName: 'Grace',
      LastName: 'Hopper',
      Email: 'grace@example.com',
      Address1: 'Unter den Linden 1',
      City: 'Berlin',
      Zip: '10117',
      CountryCode: 'DE',
    },
    PaymentDetails: {
      Type: 'TEST',
      Currency: 'EUR',
      PaymentMethod: {
        CardNumber: card,
        CardType: 'VISA',
        ExpirationYear: '2099',
        ExpirationMonth: '12',
        CCID: '123',
        HolderName: 'Grace Hopper',
        RecurringEnabled: true,
      },
    },
    ...overrides,
  };
}

describe('placeOrder', () => {
  test('an approved order is COMPLETE, priced with VAT, and creates a subscription for the customer', async () => {
    const res = await call('placeOrder', [['Order', order()]]);
    expect(res.status).toBe(200);
    expect(textOf(res.body, 'Status')).toBe('COMPLETE');
    expect(res.body).toContain(
      '<Errors SOAP-ENC:arrayType="ns1:OrderError[0]" xsi:type="ns1:ArrayOfOrderError"/>',
    );
    expect(res.body).toContain('<UnitNetPrice xsi:type="xsd:double">19.5</UnitNetPrice>');
    expect(res.body).toContain('<UnitVAT xsi:type="xsd:double">3.71</UnitVAT>');
    expect(res.body).toMatch(
      /<\/Items>.*<NetPrice xsi:type="xsd:double">39<\/NetPrice><GrossPrice xsi:type="xsd:double">46.42<\/GrossPrice>/,
    );
    const subs = await call('getCustomerSubscriptions', [['AvangateCustomerReference', 1002]]);
    expect(subs.body).toContain('SOAP-ENC:arrayType="ns1:Subscription[1]"');
    expect(textOf(subs.body, 'ProductQuantity')).toBe('2');
    const customer = await call('getCustomerInformation', [['AvangateCustomerReference', 1002]]);
    expect(customer.body).toContain('<Enabled xsi:type="xsd:boolean">true</Enabled>');
    expect(customer.body).toContain('<LastDigits xsi:type="xsd:string">1111</LastDigits>');
  });

  test('a declined card (4111111111111112) is not a fault: PENDING with Errors, nothing created', async () => {
    const before = (await call('getCustomerSubscriptions', [['AvangateCustomerReference', 1006]])).body;
    const res = await call('placeOrder', [['Order', order({ CustomerReference: 1006 }, '4111111111111112')]]);
    expect(res.status).toBe(200);
    expect(textOf(res.body, 'Status')).toBe('PENDING');
    expect(res.body).toContain('<Code xsi:type="xsd:string">CARD_PAYMENT_ERROR</Code>');
    expect(res.body).toContain("Couldn't complete the payment validation process");
    expect((await call('getCustomerSubscriptions', [['AvangateCustomerReference', 1006]])).body).toBe(before);
  });

  test('price options, a yearly option and the cross-sell discount are applied', async () => {
    const res = await call('placeOrder', [
      [
        'Order',
        order({
          Items: [
            { Code: 'PRO', Quantity: 1, PriceOptions: ['YEARLY', 'PREMIUM'] },
            { Code: 'ADDON', Quantity: 1, CrossSell: { ParentCode: 'PRO', CampaignCode: 'XS1' } },
          ],
          BillingDetails: { FirstName: 'A', LastName: 'B', Email: 'a@example.com', CountryCode: 'us' },
          CustomerReference: 1002,
        }),
      ],
    ]);
    expect(res.status).toBe(200);
    const units = [...res.body.matchAll(/<UnitNetPrice xsi:type="xsd:double">([^<]+)</g)].map((m) => m[1]);
    expect(units).toEqual(['205', '4']);
  });

  test('without a customer reference a new customer is created from BillingDetails', async () => {
    const before = sb.customers('DEMO')?.length ?? 0;
    const res = await call('placeOrder', [
      ['Order', order({ CustomerReference: null, ExternalCustomerReference: 'SHOP-1' })],
    ]);
    expect(res.status).toBe(200);
    expect(sb.customers('DEMO')).toHaveLength(before + 1);
    expect(sb.customers('DEMO')?.find((c) => c.ExternalCustomerReference === 'SHOP-1')).toMatchObject({
      FirstName: 'Grace',
      CountryCode: 'de',
      Enabled: true,
    });
  });

  test.each([
    [{ Items: [] }, 'ORDER_PRODUCTS_EMPTY'],
    [{ Items: [{ Code: 'NOPE', Quantity: 1 }] }, 'ORDER_PRODUCT_CODE_INVALID'],
    [{ Items: [{ Code: 'LEGACY', Quantity: 1 }] }, 'ORDER_PRODUCT_CODE_INVALID'],
    [{ Items: [{ Code: 'PRO', Quantity: 0 }] }, 'ORDER_ITEMS_QUANTITY_INVALID'],
    [{ Items: [{ Code: 'PRO', Quantity: 100000 }] }, 'ORDER_ITEMS_QUANTITY_INVALID'],
    [{ Items: [{ Code: 'PRO', Quantity: 1, PriceOptions: ['NOPE'] }] }, 'ORDER_PRICE_OPTIONS_INVALID'],
    [
      { Items: [{ Code: 'PRO', Quantity: 1, PriceOptions: ['MONTHLY', 'YEARLY'] }] },
      'ORDER_PRICE_OPTIONS_INVALID',
    ],
    [{ Currency: 'JPY' }, 'ORDER_CURRENCY_INVALID'],
    [{ BillingDetails: null }, 'ORDER_BILLING_DETAILS_EMPTY'],
    [
      { BillingDetails: { FirstName: 'A', LastName: 'B', Email: 'bad', CountryCode: 'de' } },
      'ORDER_BILLING_DETAILS_INVALID',
    ],
    [{ PaymentDetails: { Type: 'BITCOIN' } }, 'ORDER_PAYMENT_DETAILS_INVALID'],
    [
      { PaymentDetails: { Type: 'CC', PaymentMethod: { CardNumber: '12' } } },
      'ORDER_PAYMENT_DETAILS_INVALID',
    ],
    [{ CustomerReference: 424242 }, 'NOT_FOUND_CUSTOMER'],
    [
      { Items: [{ Code: 'ADDON', Quantity: 1, CrossSell: { ParentCode: 'PRO', CampaignCode: 'XS1' } }] },
      'ORDER_CROSS_SELL_INVALID',
    ],
  ] as [Record<string, Part>, string][])('invalid order %j → %s', async (overrides, code) => {
    const res = await call('placeOrder', [['Order', order(overrides)]]);
    expect(res.status).toBe(500);
    expect(faultOf(res.body).code).toBe(code);
  });

  test('additional fields assigned to a product are validated on orders', async () => {
    expect(
      (
        await call('assignAdditionalField', [
          ['FieldCode', 'SEATS'],
          ['Required', true],
          ['ProductCode', 'BASIC'],
        ])
      ).status,
    ).toBe(200);
    const missing = await call('placeOrder', [['Order', order({ Items: [{ Code: 'BASIC', Quantity: 1 }] })]]);
    expect(faultOf(missing.body).code).toBe('ORDER_ADDITIONAL_FIELD_INVALID');
    const bad = await call('placeOrder', [
      [
        'Order',
        order({
          Items: [{ Code: 'BASIC', Quantity: 1, AdditionalFields: [{ Code: 'SEATS', Value: 'many' }] }],
        }),
      ],
    ]);
    expect(faultOf(bad.body).string).toContain('does not match its ValidationRule');
    const ok = await call('placeOrder', [
      [
        'Order',
        order({ Items: [{ Code: 'BASIC', Quantity: 1, AdditionalFields: [{ Code: 'SEATS', Value: '5' }] }] }),
      ],
    ]);
    expect(ok.status).toBe(200);
  });
});

describe('subscriptions', () => {
  test('setSubscriptionCustomer moves a subscription to another customer', async () => {
    const res = await call('setSubscriptionCustomer', [
      ['SubscriptionReference', '7C8D9E0F1A'],
      ['AvangateCustomerReference', 1008],
      ['ExternalCustomerReference', 'CRM-0008'],
    ]);
    expect(textOf(res.body, 'setSubscriptionCustomerReturn')).toBe('true');
    const subs = await call('getCustomerSubscriptions', [['AvangateCustomerReference', 1008]]);
    expect(subs.body).toContain(
      '<SubscriptionReference xsi:type="xsd:string">7C8D9E0F1A</SubscriptionReference>',
    );
    expect(textOf(subs.body, 'ExternalCustomerReference')).toBe('CRM-0008');
  });

  test('setSubscriptionCustomer faults: unknown subscription, unknown customer, mismatched refs', async () => {
    const a = await call('setSubscriptionCustomer', [
      ['SubscriptionReference', 'NOPE'],
      ['AvangateCustomerReference', 1008],
    ]);
    expect(faultOf(a.body).code).toBe('NOT_FOUND_SUBSCRIPTION');
    const b = await call('setSubscriptionCustomer', [
      ['SubscriptionReference', '7C8D9E0F1A'],
      ['AvangateCustomerReference', 5],
    ]);
    expect(faultOf(b.body).code).toBe('NOT_FOUND_CUSTOMER');
    const c = await call('setSubscriptionCustomer', [
      ['SubscriptionReference', '7C8D9E0F1A'],
      ['AvangateCustomerReference', 1008],
      ['ExternalCustomerReference', 'CRM-0001'],
    ]);
    expect(faultOf(c.body).code).toBe('CUSTOMER_REFERENCE_MISMATCH');
  });

  test('copyPaymentInfo copies between subscriptions of the same customer only', async () => {
    const ok = await call('copyPaymentInfo', [
      ['TargetSubscriptionReference', '5F6A7B8C9D'],
      ['SubscriptionReference', '4A1B2C3D4E'],
    ]);
    expect(textOf(ok.body, 'copyPaymentInfoReturn')).toBe('true');
    const other = await call('copyPaymentInfo', [
      ['TargetSubscriptionReference', '7C8D9E0F1A'],
      ['SubscriptionReference', '4A1B2C3D4E'],
    ]);
    expect(faultOf(other.body)).toEqual({
      code: 'INVALID_SUBSCRIPTION',
      string: 'Both subscriptions must belong to the same customer',
    });
    const missing = await call('copyPaymentInfo', [
      ['TargetSubscriptionReference', 'NOPE'],
      ['SubscriptionReference', '4A1B2C3D4E'],
    ]);
    expect(faultOf(missing.body).code).toBe('NOT_FOUND_SUBSCRIPTION');
  });
});

describe('single sign-on', () => {
  test('getSingleSignOnInCart returns the Url with a logintoken; the token reads the customer once', async () => {
    const res = await call('getSingleSignOnInCart', [
      ['IdCustomer', '1001'],
      ['CustomerType', 'AvangateCustomerReference'],
      ['Url', 'https://store.example.com/cart?x=1'],
      ['ValidityTime', 60],
      ['ValidationIp', '192.0.2.1'],
    ]);
    const url = new URL(textOf(res.body, 'getSingleSignOnInCartReturn')?.replace(/&amp;/g, '&') ?? '');
    expect(url.origin + url.pathname).toBe('https://store.example.com/cart');
    expect(url.searchParams.get('x')).toBe('1');
    const token = url.searchParams.get('logintoken') ?? '';
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const info = await call('getCustomerInformationBySSOToken', [['SingleSignOnToken', token]]);
    expect(textOf(info.body, 'FirstName')).toBe('Ada');
    expect(info.body).toMatch(
      /<TransientToken xsi:type="ns1:TransientToken"><Token xsi:type="xsd:string">[0-9a-f]+<\/Token>/,
    );
    const again = await call('getCustomerInformationBySSOToken', [['SingleSignOnToken', token]]);
    expect(faultOf(again.body).code).toBe('INVALID_SSO_TOKEN');
  });

  test('by ExternalCustomerReference; bad type, unknown customer, bad Url, bad ValidityTime', async () => {
    const ok = await call('getSingleSignOnInCart', [
      ['IdCustomer', 'CRM-0002'],
      ['CustomerType', 'ExternalCustomerReference'],
      ['Url', 'https://x.example/'],
    ]);
    expect(ok.status).toBe(200);
    const cases: [[string, Part][], string][] = [
      [
        [
          ['IdCustomer', '1001'],
          ['CustomerType', 'Email'],
        ],
        'INVALID_CUSTOMER_TYPE',
      ],
      [
        [
          ['IdCustomer', '99'],
          ['CustomerType', 'AvangateCustomerReference'],
        ],
        'NOT_FOUND_CUSTOMER',
      ],
      [
        [
          ['IdCustomer', '1001'],
          ['Url', 'javascript:alert(1)'],
        ],
        'INVALID_URL',
      ],
      [
        [
          ['IdCustomer', '1001'],
          ['ValidityTime', 0],
        ],
        'INVALID_VALIDITY_TIME',
      ],
    ];
    for (const [parts, code] of cases) {
      expect(faultOf((await call('getSingleSignOnInCart', parts)).body).code).toBe(code);
    }
  });
});

describe('catalog: cross-sell, price option groups, additional fields', () => {
  test('getProductCrossSellCampaigns', async () => {
    const res = await call('getProductCrossSellCampaigns', [['ProductCode', 'PRO']]);
    expect(res.body).toContain('SOAP-ENC:arrayType="ns1:CrossSellCampaign[1]"');
    expect(textOf(res.body, 'CampaignCode')).toBe('XS1');
    expect(res.body).toContain('<Discount xsi:type="xsd:double">20</Discount>');
    const none = await call('getProductCrossSellCampaigns', [['ProductCode', 'BASIC']]);
    expect(none.body).toContain('SOAP-ENC:arrayType="ns1:CrossSellCampaign[0]"');
    expect(faultOf((await call('getProductCrossSellCampaigns', [['ProductCode', 'NOPE']])).body).code).toBe(
      'NOT_FOUND_PRODUCT',
    );
  });

  test('getPriceOptionGroup and searchPriceOptionGroups', async () => {
    const g = await call('getPriceOptionGroup', [['PriceOptionGroupCode', 'BILLING']]);
    expect(textOf(g.body, 'Type')).toBe('RADIO');
    expect(g.body).toContain('SOAP-ENC:arrayType="ns1:PriceOption[2]"');
    expect(faultOf((await call('getPriceOptionGroup', [['PriceOptionGroupCode', 'NOPE']])).body).code).toBe(
      'NOT_FOUND_PRICE_OPTION_GROUP',
    );
    const byName = await call('searchPriceOptionGroups', [['SearchOptions', { Name: 'support' }]]);
    expect(byName.body).toContain('SOAP-ENC:arrayType="ns1:PriceOptionGroup[1]"');
    const paged = await call('searchPriceOptionGroups', [['SearchOptions', { Limit: 1, Page: 2 }]]);
    expect(textOf(paged.body, 'Code')).toBe('SUPPORT');
    const typed = await call('searchPriceOptionGroups', [['SearchOptions', { Types: ['CHECKBOX'] }]]);
    expect(typed.body).toContain('SOAP-ENC:arrayType="ns1:PriceOptionGroup[0]"');
    expect(
      faultOf((await call('searchPriceOptionGroups', [['SearchOptions', { Limit: 0 }]])).body).code,
    ).toBe('INVALID_LIMIT');
  });

  test('getAdditionalField, updateAdditionalField, assign and unassign', async () => {
    const f = await call('getAdditionalField', [['FieldCode', 'REFERRAL']]);
    expect(f.body).toContain('SOAP-ENC:arrayType="xsd:string[3]"');
    expect(faultOf((await call('getAdditionalField', [['FieldCode', 'NOPE']])).body).code).toBe(
      'NOT_FOUND_ADDITIONAL_FIELD',
    );

    const upd = await call('updateAdditionalField', [
      ['FieldCode', 'REFERRAL'],
      ['AdditionalField', { Label: 'Where from?' }],
    ]);
    expect(textOf(upd.body, 'updateAdditionalFieldReturn')).toBe('true');
    expect(textOf((await call('getAdditionalField', [['FieldCode', 'REFERRAL']])).body, 'Label')).toBe(
      'Where from?',
    );
    const badType = await call('updateAdditionalField', [
      ['FieldCode', 'REFERRAL'],
      ['AdditionalField', { Type: 'SLIDER' }],
    ]);
    expect(faultOf(badType.body).code).toBe('INVALID_TYPE');
    const rename = await call('updateAdditionalField', [
      ['FieldCode', 'REFERRAL'],
      ['AdditionalField', { Code: 'OTHER' }],
    ]);
    expect(faultOf(rename.body).code).toBe('READONLY_FIELD');
    const badRule = await call('updateAdditionalField', [
      ['FieldCode', 'SEATS'],
      ['AdditionalField', { ValidationRule: '([' }],
    ]);
    expect(faultOf(badRule.body).code).toBe('INVALID_VALIDATION_RULE');

    expect(
      (
        await call('assignAdditionalField', [
          ['FieldCode', 'SEATS'],
          ['Required', false],
          ['ProductCode', 'PRO'],
        ])
      ).status,
    ).toBe(200);
    const orderField = await call('assignAdditionalField', [
      ['FieldCode', 'REFERRAL'],
      ['Required', false],
      ['ProductCode', 'PRO'],
    ]);
    expect(faultOf(orderField.body).code).toBe('INVALID_APPLY_TO');
    expect(
      faultOf(
        (
          await call('assignAdditionalField', [
            ['FieldCode', 'SEATS'],
            ['ProductCode', 'NOPE'],
          ])
        ).body,
      ).code,
    ).toBe('NOT_FOUND_PRODUCT');
    expect(
      (
        await call('unassignAdditionalField', [
          ['FieldCode', 'SEATS'],
          ['ProductCode', 'PRO'],
        ])
      ).status,
    ).toBe(200);
    const twice = await call('unassignAdditionalField', [
      ['FieldCode', 'SEATS'],
      ['ProductCode', 'PRO'],
    ]);
    expect(faultOf(twice.body).code).toBe('NOT_FOUND_ADDITIONAL_FIELD');
  });
});
