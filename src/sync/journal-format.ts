import crypto from 'node:crypto';
import type { InputFingerprint } from './input/open-input';

/** What became of one record: written, already up to date, planned (dry run), invalid, or failed. */
export type Outcome = 'updated' | 'unchanged' | 'planned' | 'invalid' | 'failed';

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
  version: 1;
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
}

export interface JournalEndEntry {
  type: 'end';
  /** The whole input was read and every record got an outcome (no fatal error, no interruption). */
  complete: boolean;
  at: string;
}

export type JournalEntry = JournalHeader | JournalRunEntry | JournalRecordEntry | JournalEndEntry;

/** Content hash of a record: of its values in column order, or of its raw text when unreadable. */
export function recordHash(content: Record<string, unknown> | string): string {
  const text = typeof content === 'string' ? content : JSON.stringify(Object.entries(content));
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 8);
}
