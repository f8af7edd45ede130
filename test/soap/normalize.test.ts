import { normalizeResult, normalizeValue, NormalizeError } from '../../src/soap';
import type { Customer, OperationResult } from '../../src/domain';

const t = (type: string, $value: unknown) => ({ attributes: { 'xsi:type': type }, $value });
const nilAttr = { attributes: { 'xsi:nil': 'true' } };
const emptyString = { attributes: { 'xsi:type': 'xsd:string' } };

function card(last: string) {
  return {
    attributes: { 'xsi:type': 'ns1:ExistingCard' },
    CardType: t('xsd:string', 'VISA'),
    LastDigits: t('xsd:string', last),
  };
}

function rawCustomer(cards: unknown) {
  return {
    getCustomerInformationReturn: {
      attributes: { 'xsi:type': 'ns1:Customer' },
      AvangateCustomerReference: t('xsd:int', 1001),
      ExternalCustomerReference: null,
      FirstName: emptyString,
      LastName: t('xsd:string', 'Doe'),
      Company: nilAttr,
      Email: '0123',
      ExistingCards: cards,
      Enabled: t('xsd:boolean', true),
      Trial: 'false',
      Language: t('xsd:string', 'en'),
      Unknown: 'dropped',
    },
  };
}

describe('normalizeResult', () => {
  test('unwraps PHP-style values, keeps nil as null and empty as empty string, fills absent fields', () => {
    const c: Customer = normalizeResult('getCustomerInformation', rawCustomer(undefined));
    expect(c).toEqual({
      AvangateCustomerReference: 1001,
      ExternalCustomerReference: null,
      FirstName: '',
      LastName: 'Doe',
      Company: null,
      FiscalCode: null,
      Address1: null,
      Address2: null,
      City: null,
      State: null,
      Zip: null,
      CountryCode: null,
      Phone: null,
      Fax: null,
      Email: '0123',
      ExistingCards: [],
      Enabled: true,
      Trial: false,
      Language: 'en',
    });
    expect(Object.keys(c)).not.toContain('Unknown');
  });

  test.each([
    ['missing item (empty array)', { attributes: { 'SOAP-ENC:arrayType': 'ns1:ExistingCard[0]' } }, []],
    ['nil array', null, []],
    ['one element as a bare object', { attributes: {}, item: card('1111') }, ['1111']],
    ['two elements', { attributes: {}, item: [card('1111'), card('2222')] }, ['1111', '2222']],
  ])('ExistingCards: %s', (_name, cards, lastDigits) => {
    const c = normalizeResult('getCustomerInformation', rawCustomer(cards));
    expect(Array.isArray(c.ExistingCards)).toBe(true);
    expect(c.ExistingCards.map((x) => x.LastDigits)).toEqual(lastDigits);
    for (const x of c.ExistingCards) expect(x.TransientToken).toBeNull();
  });

  test('scalar returns are unwrapped and coerced', () => {
    expect(normalizeResult('login', { loginReturn: t('xsd:string', 'abc') })).toBe('abc');
    expect(normalizeResult('createCustomer', { createCustomerReturn: '42' })).toBe(42);
    expect(
      normalizeResult('updateCustomerInformation', {
        updateCustomerInformationReturn: t('xsd:boolean', '1'),
      }),
    ).toBe(true);
  });

  test('array return: missing gives [], items normalized', () => {
    const none: OperationResult<'getCustomerSubscriptions'> = normalizeResult('getCustomerSubscriptions', {
      getCustomerSubscriptionsReturn: { attributes: {} },
    });
    expect(none).toEqual([]);
    const one = normalizeResult('getCustomerSubscriptions', {
      getCustomerSubscriptionsReturn: {
        item: { SubscriptionReference: t('xsd:string', 'S1'), Product: { PriceOptionCodes: { item: 'A' } } },
      },
    });
    expect(one).toHaveLength(1);
    expect(one[0].SubscriptionReference).toBe('S1');
    expect(one[0].Product?.PriceOptionCodes).toEqual(['A']);
    expect(one[0].EndUser).toBeNull();
  });

  test('a value that does not fit names the operation and the field path', () => {
    const raw = rawCustomer(undefined);
    raw.getCustomerInformationReturn.AvangateCustomerReference = t('xsd:int', 'abc');
    expect(() => normalizeResult('getCustomerInformation', raw)).toThrow(NormalizeError);
    expect(() => normalizeResult('getCustomerInformation', raw)).toThrow(
      'getCustomerInformation response: getCustomerInformationReturn.AvangateCustomerReference: expected xsd:int, got a string',
    );
  });

  test('an item path is named inside arrays', () => {
    const raw = rawCustomer({ item: [card('1'), { CardType: { nested: true } }] });
    expect(() => normalizeResult('getCustomerInformation', raw)).toThrow(
      'getCustomerInformationReturn.ExistingCards[1].CardType: expected xsd:string, got an element with children',
    );
  });

  test('a nil required field is rejected', () => {
    const raw = rawCustomer(undefined);
    raw.getCustomerInformationReturn.AvangateCustomerReference = nilAttr as never;
    expect(() => normalizeResult('getCustomerInformation', raw)).toThrow(
      /AvangateCustomerReference: required Customer field/,
    );
  });

  test('a nil or missing struct return is rejected', () => {
    expect(() => normalizeResult('getCustomerInformation', { getCustomerInformationReturn: null })).toThrow(
      'getCustomerInformation response: getCustomerInformationReturn: the Customer return value is missing or nil',
    );
    expect(() => normalizeResult('login', undefined)).toThrow(/loginReturn/);
  });

  test('booleans, ints and doubles refuse junk', () => {
    expect(() => normalizeValue('xsd:boolean', 'yes')).toThrow(
      'SOAP value: xsd:boolean: expected xsd:boolean, got a string',
    );
    expect(() => normalizeValue('xsd:int', '1.5')).toThrow(/expected xsd:int/);
    expect(() => normalizeValue('xsd:int', '99999999999999999999')).toThrow(/expected xsd:int/);
    expect(() => normalizeValue('xsd:double', '')).toThrow(/expected xsd:double, got an empty string/);
    expect(normalizeValue('xsd:double', '-1.5e2')).toBe(-150);
    expect(normalizeValue('xsd:double', 'INF')).toBe(Infinity);
  });

  test('normalizeValue handles nil and unknown types', () => {
    expect(normalizeValue('Customer', null)).toBeNull();
    expect(normalizeValue('ArrayOfString', nilAttr)).toEqual([]);
    expect(() => normalizeValue('Nope' as never, {})).toThrow('Unknown WSDL type "Nope"');
  });
});
