import type { ValidationProblem } from '../client/errors';
import { isIsoCountryCode } from '../domain/country-codes';
import {
  CUSTOMER_FIELDS,
  EMAIL_PATTERN,
  LANGUAGE_PATTERN,
  MAX_LENGTHS,
  READ_ONLY_FIELDS,
  REQUIRED_FIELDS,
  WRITABLE_FIELDS,
  type WritableField,
} from './fields';

export type { ValidationProblem };

// Messages name the field and the rule, never the value: values are personal data and end up in
// logs and reports (and a misplaced secret must not be echoed).
//
// The field facts (names, required, read-only, lengths, formats) are shared with the sandbox's
// server-side rules through src/domain. What differs on purpose: this side collects every problem
// instead of stopping at the first fault, and rejects control characters (the sandbox has no such
// rule: XML 1.0 cannot carry most of them); only the sandbox, playing the server, normalizes values.

// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * What else XML 1.0 cannot carry (its `Char` production), beyond the controls: an unpaired
 * surrogate (a JSON `\ud800` escape; UTF-8 cannot encode it, so it would arrive as U+FFFD and
 * differ on every run) and the noncharacters U+FFFE and U+FFFF (valid UTF-8 the service refuses).
 * With the `u` flag a surrogate range only matches an unpaired surrogate.
 */
const NOT_XML_CHARS = /[\ud800-\udfff\ufffe\uffff]/u;

/** Any character either rule above could object to (a surrogate may still be part of a valid pair). */
// eslint-disable-next-line no-control-regex
const SUSPECT_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff\ufffe\uffff]/;

/** Why `value` cannot travel in XML, naming the character (a code point, never the value), or undefined. */
export function xmlCharProblem(value: string): string | undefined {
  const m = NOT_XML_CHARS.exec(value);
  if (!m) return undefined;
  const code = `U+${m[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
  const at = [...value.slice(0, m.index)].length + 1;
  return m[0] >= '\ud800' && m[0] <= '\udfff'
    ? `contains an unpaired surrogate (${code} at character ${at}): the text is not valid Unicode`
    : `contains ${code}, which XML cannot carry (at character ${at})`;
}

const readOnly = new Set<string>(READ_ONLY_FIELDS);
const known = new Set<string>(CUSTOMER_FIELDS);
const writable = new Set<string>(WRITABLE_FIELDS);

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Checks one field's value on its own (type, length, format). */
function checkValue(field: WritableField, value: unknown, problems: ValidationProblem[]): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'string') {
    problems.push({ field, message: `${field} must be a string or null, got ${typeof value}` });
    return;
  }
  // One test for both rules below: most values hold none of these characters.
  if (SUSPECT_CHARS.test(value)) {
    if (CONTROL_CHARS.test(value)) {
      problems.push({ field, message: `${field} contains control characters` });
    }
    const xml = xmlCharProblem(value);
    if (xml) problems.push({ field, message: `${field} ${xml}` });
  }
  const max = MAX_LENGTHS[field];
  // Characters (code points) are never more than UTF-16 units: only a long string needs counting.
  const length = value.length > max ? [...value].length : value.length;
  if (length > max) {
    problems.push({ field, message: `${field} is ${length} characters long; the maximum is ${max}` });
  }
  if (value === '') return;
  if (field === 'Email' && !EMAIL_PATTERN.test(value)) {
    problems.push({ field, message: 'Email is not a valid e-mail address' });
  }
  if (field === 'CountryCode' && !isIsoCountryCode(value)) {
    problems.push({
      field,
      message: 'CountryCode must be an ISO 3166-1 alpha-2 code such as "US" or "de"',
    });
  }
  if (field === 'Language' && !LANGUAGE_PATTERN.test(value)) {
    problems.push({
      field,
      message: 'Language must be an ISO 639-1 two-letter code such as "en"',
    });
  }
}

function checkShape(
  input: unknown,
  what: string,
  problems: ValidationProblem[],
): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push({ field: '(root)', message: `${what} must be an object of Customer fields` });
    return false;
  }
  return true;
}

function checkFields(
  record: Record<string, unknown>,
  problems: ValidationProblem[],
  allowNullReadOnly: boolean,
): void {
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (readOnly.has(field)) {
      // A new customer may carry the read-only fields as null (the vendor samples send every field).
      if (allowNullReadOnly && value === null) continue;
      problems.push({ field, message: `${field} is read-only: the service sets it, it cannot be written` });
    } else if (!known.has(field)) {
      problems.push({ field, message: `${field} is not a Customer field (fields are case-sensitive)` });
    } else if (writable.has(field)) {
      checkValue(field as WritableField, value, problems);
    }
  }
}

/** Rules that involve several fields, checked on the customer as it would be written. */
function checkCrossField(customer: Record<string, unknown>, problems: ValidationProblem[]): void {
  if (!isBlank(customer.FiscalCode) && isBlank(customer.Company)) {
    problems.push({ field: 'FiscalCode', message: 'FiscalCode (VAT ID) requires Company to be set' });
  }
}

/**
 * Problems with a partial update (empty list = valid). Rejects read-only and unknown fields,
 * invalid values, clearing a required field, and FiscalCode without Company when both are in the
 * patch. Used by `customers.update` and by the sync CLI before anything is sent.
 */
export function validateCustomerPatch(patch: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (!checkShape(patch, 'A customer patch', problems)) return problems;
  checkFields(patch, problems, false);
  for (const field of REQUIRED_FIELDS) {
    if (field in patch && patch[field] !== undefined && isBlank(patch[field])) {
      problems.push({ field, message: `${field} is required and cannot be cleared` });
    }
  }
  if ('FiscalCode' in patch && 'Company' in patch) checkCrossField(patch, problems);
  return problems;
}

/** Problems with a customer to create: the patch rules plus every required field present. */
export function validateNewCustomer(customer: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (!checkShape(customer, 'A new customer', problems)) return problems;
  checkFields(customer, problems, true);
  for (const field of REQUIRED_FIELDS) {
    if (isBlank(customer[field])) problems.push({ field, message: `${field} is required` });
  }
  checkCrossField(customer, problems);
  return problems;
}

/** Cross-field rules on the full object an update will send (current values + patch). */
export function validateMergedCustomer(customer: Record<string, unknown>): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  checkCrossField(customer, problems);
  return problems;
}
