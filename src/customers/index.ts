export {
  createCustomersApi,
  type CustomerKey,
  type CustomerPatch,
  type CustomersApi,
  type NewCustomer,
  type OperationCaller,
  type UpdateOptions,
  type UpdateResult,
} from './api';
export { diffCustomer, sameFieldValue, type FieldChange } from './diff';
export { validateCustomerPatch, validateNewCustomer, type ValidationProblem } from './validate';
export { isIsoCountryCode, ISO_COUNTRY_CODES } from '../domain/country-codes';
export {
  CUSTOMER_FIELDS,
  READ_ONLY_FIELDS,
  REQUIRED_FIELDS,
  WRITABLE_FIELDS,
  type CustomerField,
  type WritableField,
} from './fields';
