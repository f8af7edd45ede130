import type { CustomerField } from './fields';

/** One changed field of a customer. */
export interface FieldChange {
  /** The Customer field. */
  field: CustomerField;
  /** The stored value before. */
  from: unknown;
  /** The value after. */
  to: unknown;
}

/** Fields whose values are codes the service returns in lower case (`"us"`, `"en"`). */
const CASE_INSENSITIVE = new Set<string>(['CountryCode', 'Language']);

/**
 * A field's value as the service compares it: `null`, `undefined` and `''` are the same "no
 * value" (the service answers `''` for some unset fields, Language, and `null` for others), and
 * CountryCode and Language are case-insensitive codes (`"US"` comes back `"us"`). Two values are
 * the same for the service exactly when these are equal; the sync's state hashes this form, so a
 * row that round-trips through the service still matches the next night.
 */
export function comparableValue(field: string, value: unknown): unknown {
  const v = value === undefined || value === null ? '' : value;
  return typeof v === 'string' && CASE_INSENSITIVE.has(field) ? v.toLowerCase() : v;
}

/**
 * Equality as the service means it (see `comparableValue`): treating `null` and `''` as
 * different would report (and write) a change on every sync run; a change of case in a name or
 * e-mail is a real change.
 */
export function sameFieldValue(field: string, a: unknown, b: unknown): boolean {
  return comparableValue(field, a) === comparableValue(field, b);
}

/** The fields of `patch` whose value differs from `current`, in patch order. */
export function diffCustomer(
  current: Readonly<Partial<Record<CustomerField, unknown>>>,
  patch: Readonly<Partial<Record<CustomerField, unknown>>>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(patch) as CustomerField[]) {
    const to = patch[field];
    if (to === undefined) continue;
    const from = current[field] ?? null;
    if (!sameFieldValue(field, from, to)) changes.push({ field, from, to });
  }
  return changes;
}
