import { diffCustomer, sameFieldValue } from '../../src/customers/diff';

describe('diffCustomer', () => {
  const current = {
    AvangateCustomerReference: 1,
    Email: 'a@example.com',
    CountryCode: 'us',
    Company: null,
    Language: '',
  };

  it('lists only the patched fields that change, with old and new values', () => {
    expect(diffCustomer(current, { Email: 'b@example.com', CountryCode: 'US' })).toEqual([
      { field: 'Email', from: 'a@example.com', to: 'b@example.com' },
    ]);
  });

  it("treats null, undefined and '' as the same empty value", () => {
    expect(diffCustomer(current, { Company: '', Language: null })).toEqual([]);
    expect(sameFieldValue('Fax', undefined, '')).toBe(true);
    expect(diffCustomer(current, { Company: 'ACME' })).toEqual([
      { field: 'Company', from: null, to: 'ACME' },
    ]);
  });

  it('compares codes case-insensitively but names and e-mails exactly', () => {
    expect(sameFieldValue('CountryCode', 'de', 'DE')).toBe(true);
    expect(sameFieldValue('Language', 'EN', 'en')).toBe(true);
    expect(sameFieldValue('Email', 'A@example.com', 'a@example.com')).toBe(false);
    expect(sameFieldValue('LastName', 'doe', 'Doe')).toBe(false);
  });

  it('ignores fields set to undefined in the patch', () => {
    expect(diffCustomer(current, { Email: undefined })).toEqual([]);
  });
});
