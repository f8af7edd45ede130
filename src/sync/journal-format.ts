import crypto from 'node:crypto';
import type { InputFingerprint } from './input/open-input';

/**
 * What happened to a record. `superseded`: it was not applied (it failed), and a later record of
 * the same key has been applied since, so it never will be: the later record set the customer.
 * `unchanged-state` (shown as "unchanged (state)"): the sync state confirms every field of the
 * record at its value, recently enough, so 2Checkout was not asked.
 */
export type Outcome =
  'updated' | 'unchanged' | 'unchanged-state' | 'planned' | 'invalid' | 'failed' | 'superseded';

/** Outcomes that put the record's values in place (or, in a dry run, would have). */
export const APPLIED_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>([
  'updated',
  'unchanged',
  'unchanged-state',
  'planned',
]);

/** One field changed (or to change) on a customer. */
export interface Change {
  /** The Customer field. */
  field: string;
  /** The value before. */
  from: unknown;
  /** The value after. */
  to: unknown;
}

/** First line of a journal: what the records in it are relative to. */
export interface JournalHeader {
  type: 'journal';
  /** 2: the input is identified by the sha256 of its whole content (1: by its first MiB). */
  version: 1 | 2;
  input: { path: string } & InputFingerprint;
  format: string;
  key: string;
  /** Everything else that changes which patch a record means (mapping, empty cells, shard). */
  settings: Record<string, unknown>;
  createdAt: string;
}

export interface JournalRunEntry {
  type: 'run';
  pid: number;
  host: string;
  startedAt: string;
}

export interface JournalRecordEntry {
  type: 'record';
  /** Ordinal of the record in the input (1-based). */
  n: number;
  line: number;
  /** Content hash of the record (8 hex digits): a resumed run checks it against the input. */
  h: string;
  key: string;
  outcome: Outcome;
  reference?: number;
  changes?: Change[];
  error?: string;
  errorKind?: string;
  /** A failure that may pass later: the next run on this journal tries the record again. */
  retry?: boolean;
  /** The record as read (input column names), kept for invalid and failed records: the dead-letter file. */
  values?: Record<string, unknown>;
  /** The start of an unreadable record's text. */
  raw?: string;
  /**
   * The fields the record set: on a failure, those it tried; on an applied record, written when it
   * took fields over from earlier failures of its key (see PendingFailures).
   */
  fields?: string[];
  /** On a failure: the fields later records of the key had already taken over (field → line). */
  coveredBy?: Record<string, number>;
  /** For `superseded`: the line of the later record of the same key that was applied. */
  supersededBy?: number;
  /** `updated` by an earlier run whose answer was lost (its intent is in the journal), found in place now. */
  confirmedOnResume?: true;
  /**
   * On `updated` (`planned`): the changed fields whose old value the sync state had confirmed, so
   * someone changed them in 2Checkout since; the export's value was written back (drift corrected).
   */
  drift?: string[];
}

/**
 * Written right before a record's write is sent: the write may have been applied from here on,
 * whatever the record's next entry says. A resumed run that finds these values in place counts the
 * record `updated` (confirmed on resume), not `unchanged`.
 */
export interface JournalIntentEntry {
  type: 'intent';
  n: number;
  h: string;
  changes: Change[];
  /** Of those, the fields someone had changed in 2Checkout since the state confirmed them (see drift). */
  drift?: string[];
}

export interface JournalEndEntry {
  type: 'end';
  /** The whole input was read and every record got an outcome (no fatal error, no interruption). */
  complete: boolean;
  at: string;
}

export type JournalEntry =
  JournalHeader | JournalRunEntry | JournalRecordEntry | JournalIntentEntry | JournalEndEntry;

/** Characters JSON.stringify escapes in a string (quote, backslash, controls, lone surrogates). */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(text) for a string, without its work when nothing needs escaping (most values). */
function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * `JSON.stringify(Object.entries(values))`, built directly: the hash below is of this text, and
 * the journal's hashes must not change (a resumed journal checks them), but a million records
 * should not each cost an array per column.
 */
function entriesJson(values: Record<string, unknown>): string {
  let out = '[';
  for (const key in values) {
    const value = values[key];
    if (out.length > 1) out += ',';
    out +=
      typeof value === 'string' ? `[${jsonString(key)},${jsonString(value)}]` : JSON.stringify([key, value]);
  }
  return `${out}]`;
}

/** Content hash of a record: of its values in column order, or of its raw text when unreadable. */
export function recordHash(content: Record<string, unknown> | string): string {
  const text = typeof content === 'string' ? content : entriesJson(content);
  // One-shot crypto.hash: the same digest as createHash().update().digest(), a third of the cost.
  return crypto.hash('sha256', text, 'hex').slice(0, 8);
}
