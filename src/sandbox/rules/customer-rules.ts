import { SoapFault } from '../faults/soap-fault';
import type { SoapStruct, SoapValue } from '../xml/values';
import { isIsoCountryCode } from '../../domain/country-codes';
import {
  EMAIL_PATTERN,
  LANGUAGE_PATTERN,
  MAX_LENGTHS,
  REQUIRED_FIELDS,
  WRITABLE_FIELDS,
} from '../../domain/customer-fields';
import { upperSnake } from './text-rules';

/**
 * Validates a complete customer (after merging an update) and normalizes it in place. The field
 * facts are the client's (src/domain); the behaviour is the server's: the first problem becomes a
 * fault, and CountryCode and Language are stored in lower case as the service returns them.
 */
export function validateCustomer(customer: SoapStruct): void {
  for (const field of REQUIRED_FIELDS) {
    const value = customer[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new SoapFault(`EMPTY_${upperSnake(field)}`, `Required field is empty: ${field}`);
    }
  }
  for (const field of WRITABLE_FIELDS) {
    const value = customer[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string')
      throw new SoapFault(`INVALID_${upperSnake(field)}`, `${field} must be a string`);
    if ([...value].length > MAX_LENGTHS[field]) {
      throw new SoapFault(
        `INVALID_${upperSnake(field)}`,
        `${field} is longer than ${MAX_LENGTHS[field]} characters`,
      );
    }
  }
  const country = customer.CountryCode as string;
  if (!isIsoCountryCode(country)) {
    throw new SoapFault(
      'INVALID_COUNTRY_CODE',
      `Invalid country code: CountryCode must be an ISO 3166-1 alpha-2 code, got "${country}"`,
    );
  }
  customer.CountryCode = country.toLowerCase();
  if (!EMAIL_PATTERN.test(customer.Email as string)) {
    throw new SoapFault('INVALID_EMAIL', 'Invalid email address: Email');
  }
  const language = customer.Language;
  if (typeof language === 'string' && language !== '') {
    if (!LANGUAGE_PATTERN.test(language)) {
      throw new SoapFault(
        'INVALID_LANGUAGE',
        'Invalid language: Language must be an ISO 639-1 two-letter code',
      );
    }
    customer.Language = language.toLowerCase();
  }
  if (isFilled(customer.FiscalCode) && !isFilled(customer.Company)) {
    throw new SoapFault('INVALID_FISCAL_CODE', 'FiscalCode requires Company');
  }
}

function isFilled(value: SoapValue | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
