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
 * Equality as the service means it:
 * - `null`, `undefined` and `''` are the same "no value": the service answers `''` for some unset
 *   fields (Language) and `null` for others, so treating them as different would report (and
 *   write) a change on every sync run.
 * - CountryCode and Language compare case-insensitively.
 * - Everything else compares exactly (a change of case in a name or e-mail is a real change).
 */
export function sameFieldValue(field: string, a: unknown, b: unknown): boolean {
  const na = a === undefined || a === null ? '' : a;
  const nb = b === undefined || b === null ? '' : b;
  if (typeof na === 'string' && typeof nb === 'string' && CASE_INSENSITIVE.has(field)) {
    return na.toLowerCase() === nb.toLowerCase();
  }
  return na === nb;
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
