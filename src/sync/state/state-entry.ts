import { comparableValue } from '../../customers/diff';

/**
 * The fields a state entry can hold, by their number in the file. Frozen with the state format
 * (version 1): a field is never renumbered, new ones are only appended. Deliberately a list of its
 * own rather than derived from CUSTOMER_FIELDS: a WSDL change must never renumber a state file.
 */
export const STATE_FIELDS: readonly string[] = Object.freeze([
  'ExternalCustomerReference',
  'FirstName',
  'LastName',
  'Company',
  'FiscalCode',
  'Address1',
  'Address2',
  'City',
  'State',
  'Zip',
  'CountryCode',
  'Phone',
  'Fax',
  'Email',
  'Language',
]);

const FIELD_NUMBER = new Map(STATE_FIELDS.map((f, i) => [f, i]));

/** One field as confirmed: the hash of its value and when it was confirmed (seconds since 1970). */
export interface ConfirmedField {
  readonly field: number;
  readonly hash: number;
  readonly at: number;
}

/** Bytes per field in an entry: its number (1), the value's hash (8, a float64), the time (4). */
const ENTRY_BYTES = 13;

/** The number of a Customer field in state entries (undefined: not a field the sync writes). */
export function fieldNumber(field: string): number | undefined {
  return FIELD_NUMBER.get(field);
}

/**
 * A 53-bit hash of a field's value as the service compares it (see comparableValue: `US` and
 * `us` are one value, so are null and ''), seeded with the field's number. cyrb53 (public domain,
 * bryc): fast on short strings, and 53 bits make a changed value hashing like the old one a
 * one-in-9·10^15 event. Not a cryptographic hash: the state holds no values, but it is not a vault.
 */
export function valueHash(field: number, value: unknown): number {
  const v = comparableValue(STATE_FIELDS[field], value);
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  let h1 = 0xdeadbeef ^ field;
  let h2 = 0x41c6ce57 ^ field;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Where field number `field` is in an entry (a byte offset), or -1. */
export function findField(blob: Buffer, field: number): number {
  for (let o = 0; o < blob.length; o += ENTRY_BYTES) if (blob[o] === field) return o;
  return -1;
}

/** The hash of the field at offset `o` (see findField). */
export function hashAt(blob: Buffer, o: number): number {
  return blob.readDoubleLE(o + 1);
}

/** When the field at offset `o` was confirmed (seconds since 1970). */
export function confirmedAt(blob: Buffer, o: number): number {
  return blob.readUInt32LE(o + 9);
}

/** Whether a BLOB has the shape of an entry (whole fields of known numbers). */
export function wellFormed(blob: Buffer): boolean {
  if (blob.length === 0 || blob.length % ENTRY_BYTES !== 0) return false;
  for (let o = 0; o < blob.length; o += ENTRY_BYTES) if (blob[o] >= STATE_FIELDS.length) return false;
  return true;
}

/** Reads an entry (the BLOB of one customer). Throws on a malformed one: a damaged state file. */
export function decodeEntry(blob: Uint8Array): ConfirmedField[] {
  if (blob.length % ENTRY_BYTES !== 0) throw new Error(`a state entry of ${blob.length} bytes`);
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.length);
  const out: ConfirmedField[] = [];
  for (let o = 0; o < buf.length; o += ENTRY_BYTES) {
    const field = buf[o];
    if (field >= STATE_FIELDS.length) throw new Error(`a state entry names field number ${field}`);
    out.push({ field, hash: buf.readDoubleLE(o + 1), at: buf.readUInt32LE(o + 9) });
  }
  return out;
}

/** Writes an entry, fields in number order. */
export function encodeEntry(fields: readonly ConfirmedField[]): Buffer {
  const sorted = [...fields].sort((a, b) => a.field - b.field);
  const buf = Buffer.allocUnsafe(sorted.length * ENTRY_BYTES);
  sorted.forEach((f, i) => {
    const o = i * ENTRY_BYTES;
    buf[o] = f.field;
    buf.writeDoubleLE(f.hash, o + 1);
    buf.writeUInt32LE(f.at, o + 9);
  });
  return buf;
}
