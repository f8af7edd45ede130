import { validateCustomerPatch, validateNewCustomer } from '../../src/customers/validate';
import { janeDoe } from '../helpers/customers';

const fields = (problems: { field: string }[]): string[] => problems.map((p) => p.field);

describe('validateCustomerPatch', () => {
  it('accepts a valid patch, including null to clear an optional field', () => {
    expect(
      validateCustomerPatch({ Email: 'jane.doe@example.com', CountryCode: 'de', Company: null, Phone: '' }),
    ).toEqual([]);
  });

  it.each(['AvangateCustomerReference', 'Enabled', 'Trial', 'ExistingCards'])(
    'rejects read-only %s',
    (field) => {
      const problems = validateCustomerPatch({ [field]: field === 'ExistingCards' ? [] : 1 });
      expect(problems).toEqual([{ field, message: expect.stringContaining('read-only') }]);
    },
  );

  it('rejects unknown fields, naming them', () => {
    const problems = validateCustomerPatch({ email: 'x@example.com', Nickname: 'J' });
    expect(fields(problems)).toEqual(['email', 'Nickname']);
    expect(problems[0]?.message).toContain('not a Customer field');
  });

  it.each(['not-an-email', 'a@b', 'a b@example.com', 'x@@example.com', '@example.com'])(
    'rejects e-mail %p',
    (Email) => {
      expect(fields(validateCustomerPatch({ Email }))).toEqual(['Email']);
    },
  );

  it('checks CountryCode against the real ISO 3166-1 list, case-insensitively', () => {
    expect(validateCustomerPatch({ CountryCode: 'us' })).toEqual([]);
    expect(validateCustomerPatch({ CountryCode: 'GB' })).toEqual([]);
    expect(fields(validateCustomerPatch({ CountryCode: 'UK' }))).toEqual(['CountryCode']);
    expect(fields(validateCustomerPatch({ CountryCode: 'USA' }))).toEqual(['CountryCode', 'CountryCode']);
    expect(fields(validateCustomerPatch({ CountryCode: 'XX' }))).toEqual(['CountryCode']);
    // 'ß' upper-cases to 'SS' (South Sudan) and 'ﬆ' to 'ST': one character each, not a code.
    expect(fields(validateCustomerPatch({ CountryCode: 'ß' }))).toEqual(['CountryCode']);
    expect(fields(validateCustomerPatch({ CountryCode: 'ﬆ' }))).toEqual(['CountryCode']);
  });

  it('enforces lengths in characters (not bytes)', () => {
    expect(validateCustomerPatch({ FirstName: 'é'.repeat(100) })).toEqual([]);
    const problems = validateCustomerPatch({ FirstName: 'x'.repeat(101) });
    expect(problems).toEqual([
      { field: 'FirstName', message: 'FirstName is 101 characters long; the maximum is 100' },
    ]);
  });

  it('rejects clearing a required field', () => {
    expect(fields(validateCustomerPatch({ Email: null, LastName: ' ' }))).toEqual(['LastName', 'Email']);
  });

  it('rejects FiscalCode without Company when both are in the patch', () => {
    expect(fields(validateCustomerPatch({ FiscalCode: 'DE123456789', Company: '' }))).toEqual(['FiscalCode']);
    expect(validateCustomerPatch({ FiscalCode: 'DE123456789', Company: 'ACME GmbH' })).toEqual([]);
  });

  it('rejects non-string values and non-object patches', () => {
    expect(fields(validateCustomerPatch({ Zip: 12345 }))).toEqual(['Zip']);
    expect(fields(validateCustomerPatch(null))).toEqual(['(root)']);
    expect(fields(validateCustomerPatch(['Email']))).toEqual(['(root)']);
  });
});

describe('validateNewCustomer', () => {
  const valid = janeDoe();

  it('accepts a complete customer, with read-only fields as null', () => {
    expect(validateNewCustomer(valid)).toEqual([]);
    expect(validateNewCustomer({ ...valid, AvangateCustomerReference: null, Enabled: null })).toEqual([]);
  });

  it('lists every missing required field', () => {
    expect(fields(validateNewCustomer({ FirstName: 'Jane' }))).toEqual([
      'LastName',
      'Address1',
      'City',
      'Zip',
      'CountryCode',
      'Email',
    ]);
  });

  it('rejects a read-only field with a value and FiscalCode without Company', () => {
    expect(fields(validateNewCustomer({ ...valid, AvangateCustomerReference: 5, FiscalCode: 'X1' }))).toEqual(
      ['AvangateCustomerReference', 'FiscalCode'],
    );
  });
});

describe('characters XML cannot carry', () => {
  it.each([
    [
      'a lone high surrogate',
      'Jo\ud800hn',
      /FirstName contains an unpaired surrogate \(U\+D800 at character 3\)/,
    ],
    ['a lone low surrogate', '\udc00', /unpaired surrogate \(U\+DC00 at character 1\)/],
    ['a reversed pair', '\ude00\ud83d', /unpaired surrogate \(U\+DE00/],
    ['U+FFFE', 'a\ufffe', /FirstName contains U\+FFFE, which XML cannot carry \(at character 2\)/],
    ['U+FFFF', '\uffff', /FirstName contains U\+FFFF, which XML cannot carry/],
  ])('%s is refused locally, naming the code point', (_what, value, message) => {
    const problems = validateCustomerPatch({ FirstName: value });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(message);
    expect(problems[0].message).not.toContain(value);
  });

  it('everything else Unicode, pairs included, is fine', () => {
    for (const value of ['😀 Zoë', 'Ia\u0219i', '\ufffd', '\ue000', '\u{10ffff}', 'tab\there']) {
      expect(validateCustomerPatch({ FirstName: value })).toEqual([]);
    }
  });
});
