/** A record read from the input, before mapping: column name → value as the file holds it. */
export interface InputRecord {
  kind: 'record';
  /** 1-based position among the data records (header and blank lines not counted). */
  ordinal: number;
  /** Physical line where the record starts. */
  line: number;
  values: Record<string, unknown>;
}

/** A record that could not be read (malformed CSV, bad JSON, invalid UTF-8, too long). */
export interface UnreadableRecord {
  kind: 'unreadable';
  ordinal: number;
  line: number;
  message: string;
  /** The start of the offending text, for the dead-letter file and the logs. */
  raw: string;
}

export type InputItem = InputRecord | UnreadableRecord;

/** The input file's format. */
export type InputFormat = 'csv' | 'jsonl';

/** A parsed input: its columns (CSV header, or the first JSON record's keys) and its records. */
export interface InputSource {
  format: InputFormat;
  /** CSV: the header as written. JSONL: keys of the first readable record (used for checks only). */
  columns: readonly string[];
  items: AsyncGenerator<InputItem>;
  /** Releases the file (when the run stops before the end of the input). */
  close(): void;
}
