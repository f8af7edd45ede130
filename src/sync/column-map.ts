import fs from 'node:fs';
import { CUSTOMER_FIELDS, READ_ONLY_FIELDS } from '../customers/fields';
import { InputError } from './errors';
import { duplicateTopLevelKey } from './input/json-keys';

/** The field that identifies a record's customer. */
export type KeyField = 'AvangateCustomerReference' | 'ExternalCustomerReference';
export const KEY_FIELDS: readonly KeyField[] = ['AvangateCustomerReference', 'ExternalCustomerReference'];

/** Source column → Customer field; `null` drops the column. */
export type ColumnMap = Readonly<Record<string, string | null>>;

/** Columns the sync itself writes into dead-letter files; ignored on input so those files can be re-run. */
export const META_COLUMNS: readonly string[] = ['_error', '_line', '_raw'];

const known = new Set<string>(CUSTOMER_FIELDS);
const readOnly = new Set<string>(READ_ONLY_FIELDS);

/**
 * An object with no prototype: column names are data, so "__proto__", "toString" or
 * "constructor" are keys like any other, never an inherited property.
 */
export function dataRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Parses `--map "Mail=Email,Vorname=FirstName,Notes="` (an empty target drops the column). */
export function parseMapSpec(spec: string, option = '--map'): Record<string, string | null> {
  const map = dataRecord<string | null>();
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0)
      throw new InputError(
        `${option}: "${part}" is not of the form source=Field (or source= to drop a column)`,
      );
    const source = part.slice(0, eq).trim();
    const target = part.slice(eq + 1).trim();
    if (Object.hasOwn(map, source)) throw new InputError(`${option}: column "${source}" is mapped twice`);
    map[source] = target === '' ? null : target;
  }
  return map;
}

/** Reads `--map-file`: a JSON object {"source column": "Field" | null}. */
export function readMapFile(file: string): Record<string, string | null> {
  let text: string;
  let parsed: unknown;
  try {
    text = fs.readFileSync(file, 'utf8');
    parsed = JSON.parse(text);
  } catch (e) {
    throw new InputError(`--map-file ${file}: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InputError(`--map-file ${file}: must hold a JSON object like {"Mail": "Email", "Notes": null}`);
  }
  const twice = duplicateTopLevelKey(text);
  if (twice !== undefined) {
    throw new InputError(`--map-file ${file}: column ${JSON.stringify(twice)} is mapped twice`);
  }
  const map = dataRecord<string | null>();
  for (const [source, target] of Object.entries(parsed)) {
    if (target !== null && typeof target !== 'string') {
      throw new InputError(
        `--map-file ${file}: the target of "${source}" must be a Customer field name or null`,
      );
    }
    map[source] = target === '' ? null : target;
  }
  return map;
}

/** The Customer field a source column feeds, `null` when the column is ignored. */
export function targetOf(column: string, map: ColumnMap): string | null {
  if (META_COLUMNS.includes(column)) return null;
  return Object.hasOwn(map, column) ? map[column] : column;
}

export interface ColumnPlan {
  key: KeyField;
  /** Customer fields the input writes (after mapping), key excluded. */
  fields: string[];
}

/**
 * Checks the input's columns against the Customer fields before anything is sent: every problem
 * (unknown or read-only column, two columns for one field, no key column) is fatal and listed at
 * once, because it would make every record fail.
 */
export function planColumns(
  columns: readonly string[],
  map: ColumnMap,
  key: KeyField | undefined,
): ColumnPlan {
  const problems: string[] = [];
  for (const source of Object.keys(map)) {
    if (!columns.includes(source)) problems.push(`mapped column "${source}" is not in the input`);
  }
  const targets = new Map<string, string>();
  for (const column of columns) {
    const target = targetOf(column, map);
    if (target === null) continue;
    const label = target === column ? `"${column}"` : `"${column}" (mapped to ${target})`;
    if (!known.has(target))
      problems.push(`${label} is not a Customer field (field names are case-sensitive)`);
    const other = targets.get(target);
    if (other !== undefined) problems.push(`both "${other}" and "${column}" feed ${target}`);
    targets.set(target, column);
  }
  const present = KEY_FIELDS.filter((k) => targets.has(k));
  let chosen = key;
  if (chosen === undefined) {
    if (present.length === 0) {
      problems.push(
        'no key column: the input needs AvangateCustomerReference or ExternalCustomerReference (see --map)',
      );
    } else if (present.length === 2) {
      problems.push(
        'both AvangateCustomerReference and ExternalCustomerReference are present: choose the key with --key',
      );
    } else chosen = present[0];
  } else if (!targets.has(chosen)) {
    problems.push(`--key ${chosen}: the input has no ${chosen} column (see --map)`);
  }
  for (const target of targets.keys()) {
    if (readOnly.has(target) && target !== chosen) {
      problems.push(
        `"${targets.get(target)}" feeds ${target}, which is read-only (drop it with --map "${targets.get(target)}=")`,
      );
    }
  }
  if (problems.length > 0 || chosen === undefined) {
    throw new InputError(`the input's columns cannot be used:\n  - ${problems.join('\n  - ')}`);
  }
  const finalKey = chosen;
  return { key: finalKey, fields: [...targets.keys()].filter((f) => f !== finalKey && known.has(f)) };
}
