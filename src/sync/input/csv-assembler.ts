import type { RawLine } from './line-reader';

export type CsvItem =
  | { kind: 'record'; line: number; fields: string[] }
  | { kind: 'error'; line: number; message: string; raw: string };

type State = 'start' | 'unquoted' | 'quoted' | 'quote';

interface Pending {
  lineNo: number;
  text: string;
  bytes: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function snippet(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * RFC 4180 records from physical lines: `,` separates fields, `"` quotes them (`""` escapes a
 * quote, quoted fields may span lines, CRLF or LF line ends). Every defect is reported for the
 * record it belongs to, with the line where that record starts, and parsing goes on with the next
 * line: a stray quote, text after a closing quote, invalid UTF-8, an over-long line, and a quote
 * left open (then the lines it swallowed are parsed again as records of their own). Blank lines are
 * skipped. A record is bounded by `maxRecordBytes`.
 */
export class CsvAssembler {
  private pending: Pending[] = [];
  private pendingBytes = 0;
  private fields: string[] = [];
  private field = '';
  private state: State = 'start';

  constructor(private readonly maxRecordBytes: number) {}

  push(line: RawLine): CsvItem[] {
    const out: CsvItem[] = [];
    this.feed(line, out);
    return out;
  }

  /** Call at end of input: a quote still open is an error, and the lines after it are replayed. */
  end(): CsvItem[] {
    const out: CsvItem[] = [];
    while (this.pending.length > 0)
      this.failOpenQuote(out, 'a quoted field is not closed before the end of the file');
    return out;
  }

  private feed(line: RawLine, out: CsvItem[]): void {
    if (line.overflow) {
      this.flushOpenAsError(out);
      out.push({
        kind: 'error',
        line: line.lineNo,
        message: `line is longer than ${this.maxRecordBytes} bytes`,
        raw: snippet(line.bytes.toString('utf8')),
      });
      return;
    }
    let text: string;
    try {
      text = line.text ?? decoder.decode(line.bytes);
    } catch {
      const start = this.pending.length > 0 ? this.pending[0].lineNo : line.lineNo;
      this.reset();
      out.push({
        kind: 'error',
        line: start,
        message: `invalid UTF-8 on line ${line.lineNo} (the input must be UTF-8)`,
        raw: snippet(line.bytes.toString('latin1')),
      });
      return;
    }
    this.feedText({ lineNo: line.lineNo, text, bytes: line.bytes.length + 1 }, out);
  }

  private feedText(p: Pending, out: CsvItem[]): void {
    if (this.pending.length === 0 && (p.text === '' || p.text === '\r')) return;
    // Most lines of an export quote nothing: split them at once (the same fields the loop finds).
    if (this.pending.length === 0 && p.bytes <= this.maxRecordBytes && !p.text.includes('"')) {
      const text = p.text.endsWith('\r') ? p.text.slice(0, -1) : p.text;
      out.push({ kind: 'record', line: p.lineNo, fields: text.split(',') });
      return;
    }
    this.pending.push(p);
    this.pendingBytes += p.bytes;
    if (this.pendingBytes > this.maxRecordBytes) {
      this.failOpenQuote(out, `the record is longer than ${this.maxRecordBytes} bytes (a quote left open?)`);
      return;
    }
    const crlf = p.text.endsWith('\r');
    const text = crlf ? p.text.slice(0, -1) : p.text;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      switch (this.state) {
        case 'start':
          if (c === '"') this.state = 'quoted';
          else if (c === ',') this.fields.push('');
          else {
            this.field = c;
            this.state = 'unquoted';
          }
          break;
        case 'unquoted':
          if (c === ',') this.endField();
          else if (c === '"')
            return this.fail(
              out,
              `unexpected quote in an unquoted field (line ${p.lineNo}, column ${i + 1})`,
            );
          else this.field += c;
          break;
        case 'quoted':
          if (c === '"') this.state = 'quote';
          else this.field += c;
          break;
        case 'quote':
          if (c === '"') {
            this.field += '"';
            this.state = 'quoted';
          } else if (c === ',') this.endField();
          else
            return this.fail(
              out,
              `unexpected character after a closing quote (line ${p.lineNo}, column ${i + 1})`,
            );
          break;
      }
    }
    if (this.state === 'quoted') {
      this.field += crlf ? '\r\n' : '\n';
      return;
    }
    this.fields.push(this.field);
    out.push({ kind: 'record', line: this.pending[0].lineNo, fields: this.fields });
    this.reset();
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = 'start';
  }

  private fail(out: CsvItem[], message: string): void {
    out.push({ kind: 'error', line: this.pending[0].lineNo, message, raw: snippet(this.rawText()) });
    this.reset();
  }

  /** The record's first line opened a quote that never closed: report it, re-parse the rest. */
  private failOpenQuote(out: CsvItem[], message: string): void {
    const [first, ...rest] = this.pending;
    out.push({ kind: 'error', line: first.lineNo, message, raw: snippet(first.text) });
    this.reset();
    for (const p of rest) this.feedText(p, out);
  }

  private flushOpenAsError(out: CsvItem[]): void {
    while (this.pending.length > 0)
      this.failOpenQuote(out, 'a quoted field is not closed before an over-long line');
  }

  private rawText(): string {
    return this.pending.map((p) => p.text).join('\n');
  }

  private reset(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.fields = [];
    this.field = '';
    this.state = 'start';
  }
}
