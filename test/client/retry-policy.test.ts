import { schema } from '../../generated/twocheckout/schema';
import { retryClassOf, retryPolicy } from '../../src/client/retry-policy';

describe('retry policy table', () => {
  const operations = Object.keys(schema.operations);

  it('classifies every operation of the WSDL', () => {
    const missing = operations.filter((op) => !(op in retryPolicy));
    expect(missing).toEqual([]);
  });

  it('has no rows for operations the WSDL does not have', () => {
    const extra = Object.keys(retryPolicy).filter((op) => !operations.includes(op));
    expect(extra).toEqual([]);
  });

  it('marks the writes that can do work twice as unsafe', () => {
    expect(retryPolicy.createCustomer).toBe('unsafe-write');
    expect(retryPolicy.placeOrder).toBe('unsafe-write');
    expect(retryPolicy.copyPaymentInfo).toBe('unsafe-write');
    expect(retryPolicy.updateCustomerInformation).toBe('idempotent-write');
    expect(retryPolicy.getCustomerInformation).toBe('read');
  });

  it('treats an unknown operation as unsafe', () => {
    expect(retryClassOf('somethingNew')).toBe('unsafe-write');
  });
});
