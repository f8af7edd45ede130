import type { CustomerKey, CustomerPatch } from '../customers/api';
import { CONTROL_CHARS, validateCustomerPatch, xmlCharProblem } from '../customers/validate';
import { dataRecord, targetOf, type ColumnMap, type KeyField } from './column-map';

/** What an empty CSV cell (or JSON "") means: leave the field as it is, or clear it. */
export type EmptyMeans = 'skip' | 'clear';

/** A cell holding exactly this clears the field whatever --empty-means says (MySQL/PostgreSQL dump convention). */
export const NULL_MARKER = '\\N';

export type PreparedRecord =
  | { ok: true; key: CustomerKey; keyText: string; patch: CustomerPatch }
  | { ok: false; keyText: string; error: string };

/** The key the scheduler orders by and supersession groups by: one per customer (`A:1001`, `E:CRM-1`). */
export function customerKeyId(key: CustomerKey): string {
  return typeof key === 'number' ? `A:${key}` : `E:${key.external}`;
}

/** customerKeyId of a valid key as written (a journal entry's `key`), as parseKey would read it. */
export function keyIdOfText(key: KeyField, keyText: string): string {
  return key === 'AvangateCustomerReference' ? `A:${Number(keyText.trim())}` : `E:${keyText}`;
}

/** The key's text as written, for sharding and reports (also when the record turns out invalid). */
export function keyTextOf(values: Readonly<Record<string, unknown>>, map: ColumnMap, key: KeyField): string {
  for (const [column, value] of Object.entries(values)) {
    if (targetOf(column, map) === key) return value === null || value === undefined ? '' : String(value);
  }
  return '';
}

function parseKey(key: KeyField, raw: unknown): CustomerKey | string {
  if (key === 'AvangateCustomerReference') {
    const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
    if (text === '') return 'AvangateCustomerReference (the key) is empty';
    if (!/^\d{1,15}$/.test(text) || Number(text) < 1) {
      return `AvangateCustomerReference (the key) must be a positive whole number, got ${JSON.stringify(raw)}`;
    }
    return Number(text);
  }
  if (raw === null || raw === undefined || raw === '') return 'ExternalCustomerReference (the key) is empty';
  if (typeof raw !== 'string')
    return `ExternalCustomerReference (the key) must be a string, got ${JSON.stringify(raw)}`;
  // The key travels in the read request: what XML cannot carry could never match a customer.
  const xml = xmlCharProblem(raw);
  if (xml) return `ExternalCustomerReference (the key) ${xml}`;
  if (CONTROL_CHARS.test(raw)) return 'ExternalCustomerReference (the key) contains control characters';
  return { external: raw };
}

/**
 * Turns one input record into the customer key and the patch to apply, and validates the patch
 * (nothing is sent for a record that fails here). Empty or blank cells follow `emptyMeans`; `\N`
 * and JSON null clear a field.
 */
export function prepareRecord(
  values: Readonly<Record<string, unknown>>,
  map: ColumnMap,
  key: KeyField,
  emptyMeans: EmptyMeans,
): PreparedRecord {
  return new RecordMapper(map, key, emptyMeans).prepare(values);
}

/** Column names whose target a RecordMapper remembers (a JSON Lines file may name any number). */
const MAX_REMEMBERED_COLUMNS = 1024;

/**
 * keyTextOf and prepareRecord for one run: the target of each column name is worked out once
 * (a million records share a handful of column names), not once per record and cell.
 */
export class RecordMapper {
  private readonly targets = new Map<string, string | null>();

  constructor(
    private readonly map: ColumnMap,
    private readonly key: KeyField,
    private readonly emptyMeans: EmptyMeans,
  ) {}

  private target(column: string): string | null {
    let t = this.targets.get(column);
    if (t === undefined) {
      t = targetOf(column, this.map);
      if (this.targets.size < MAX_REMEMBERED_COLUMNS) this.targets.set(column, t);
    }
    return t;
  }

  /** The key's text as written (see keyTextOf). */
  keyText(values: Readonly<Record<string, unknown>>): string {
    for (const column in values) {
      if (this.target(column) === this.key) {
        const value = values[column];
        return value === null || value === undefined ? '' : String(value);
      }
    }
    return '';
  }

  /**
   * See prepareRecord; `keyText` when the caller has it already. With `checkFields` false a record
   * with a valid key is `ok` whatever its fields hold: the caller checks them later (fieldProblems).
   */
  prepare(
    values: Readonly<Record<string, unknown>>,
    keyText = this.keyText(values),
    checkFields = true,
  ): PreparedRecord {
    let parsedKey: CustomerKey | undefined;
    const patch = dataRecord<unknown>();
    const problems: string[] = [];
    for (const column in values) {
      const field = this.target(column);
      if (field === null) continue;
      const value = values[column];
      if (field === this.key) {
        const k = parseKey(this.key, value);
        if (typeof k === 'string') problems.push(k);
        else parsedKey = k;
        continue;
      }
      if (value === undefined) continue;
      if (typeof value === 'string' && value.trim() === '') {
        if (this.emptyMeans === 'clear') patch[field] = null;
        continue;
      }
      patch[field] = value === NULL_MARKER ? null : value;
    }
    if (parsedKey === undefined && problems.length === 0)
      problems.push(`the record has no ${this.key} (the key)`);
    if (checkFields || problems.length > 0) {
      for (const p of validateCustomerPatch(patch)) problems.push(p.message);
    }
    if (problems.length > 0 || parsedKey === undefined)
      return { ok: false, keyText, error: problems.join('; ') };
    return { ok: true, key: parsedKey, keyText, patch: patch as CustomerPatch };
  }

  /** What is wrong with a patch's fields (the message of an invalid record), or undefined. */
  fieldProblems(patch: CustomerPatch): string | undefined {
    const problems = validateCustomerPatch(patch);
    return problems.length > 0 ? problems.map((p) => p.message).join('; ') : undefined;
  }
}
