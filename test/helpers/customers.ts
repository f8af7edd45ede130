import type { NewCustomer } from '../../src/customers';

/** A complete, valid new customer; `external` becomes its ExternalCustomerReference when given. */
export function janeDoe(external?: string): NewCustomer {
  return {
    ...(external === undefined ? {} : { ExternalCustomerReference: external }),
    FirstName: 'Jane',
    LastName: 'Doe',
    Address1: '1 Main St',
    City: 'Springfield',
    Zip: '12345',
    CountryCode: 'US',
    Email: 'jane@example.com',
  };
}
