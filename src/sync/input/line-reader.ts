import { isUtf8 } from 'node:buffer';
/** One physical line of the input, without its `\n` (a trailing `\r` is kept for the caller). */
export interface RawLine {
  /** 1-based physical line number. */
  lineNo: number;
  bytes: Buffer;
  /** The line was longer than the limit: `bytes` holds only its start, the rest was discarded. */
  overflow: boolean;
  /** The line decoded, when its bytes are known to be valid UTF-8 (else the caller decodes and reports). */
  text?: string;
  /** Bytes of the input up to the end of this line. */
  end: number;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function startsWithBom(buf: Buffer, at: number): boolean {
  return buf[at] === 0xef && buf[at + 1] === 0xbb && buf[at + 2] === 0xbf;
}
const NEWLINE = 0x0a;

/** Where the reader is, for the progress display: the end of the last line handed out. */
export interface ReadProgress {
  bytesRead: number;
}

/**
 * Until a source has found its first readable record, the bytes it may read looking for one:
 * a file whose start holds no record at all (a zeroed or binary file, the wrong file) fails
 * after `limit` bytes, not after reading gigabytes, even inside one enormous line.
 */
export class StartGuard {
  active = true;

  constructor(
    readonly limit: number,
    private readonly fail: () => Error,
  ) {}

  /** How many bytes a source may read before its first record, for a record limit of `maxRecordBytes`. */
  static budget(maxRecordBytes: number): number {
    return Math.max(4 * 1024 * 1024, 4 * maxRecordBytes);
  }

  check(bytesScanned: number): void {
    if (this.active && bytesScanned > this.limit) throw this.fail();
  }
}

/**
 * Splits a byte stream into lines without ever holding more than one line (bounded by `maxBytes`)
 * plus one chunk: an over-long line is cut, flagged and skipped to its end, so one enormous line
 * can neither exhaust memory nor swallow the records after it. A UTF-8 BOM at the start is dropped.
 * The lines of each chunk come out together (one await per chunk, not per line), already decoded
 * when the chunk's whole lines are valid UTF-8 (checked once per chunk).
 */
export async function* readLineBatches(
  stream: AsyncIterable<Buffer | string>,
  maxBytes: number,
  progress: ReadProgress = { bytesRead: 0 },
  guard?: StartGuard,
): AsyncGenerator<RawLine[]> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let overflow = false;
  let lineNo = 1;
  let first = true;
  // Bytes of the input up to the end of the last line handed out (chunks are read ahead of that).
  let position = 0;

  const take = (piece: Buffer): void => {
    if (overflow) return;
    const room = maxBytes - partBytes;
    if (piece.length > room) {
      if (room > 0) parts.push(piece.subarray(0, room));
      partBytes = maxBytes;
      overflow = true;
      return;
    }
    parts.push(piece);
    partBytes += piece.length;
  };
  const finish = (): RawLine => {
    const line: RawLine = {
      lineNo,
      bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts),
      overflow,
      end: position,
    };
    parts = [];
    partBytes = 0;
    overflow = false;
    lineNo += 1;
    return line;
  };

  let scanned = 0;
  for await (const chunk of stream) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    scanned += buf.length;
    guard?.check(scanned);
    if (first && buf.length > 0) {
      first = false;
      if (buf.subarray(0, 3).equals(BOM)) {
        buf = buf.subarray(3);
        position += 3;
      }
    }
    const batch: RawLine[] = [];
    // The lines that lie whole in this chunk: one UTF-8 check for all of them.
    const firstWhole = parts.length === 0 && !overflow ? 0 : buf.indexOf(NEWLINE) + 1;
    const lastNewline = buf.lastIndexOf(NEWLINE);
    const wholeValid = lastNewline >= firstWhole && isUtf8(buf.subarray(firstWhole, lastNewline));
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(NEWLINE, start);
      if (nl === -1) {
        // Copy: the stream may reuse its chunk buffers.
        if (start < buf.length) take(Buffer.from(buf.subarray(start)));
        position += buf.length - start;
        break;
      }
      position += nl + 1 - start;
      if (parts.length === 0 && !overflow && nl - start <= maxBytes) {
        batch.push({
          lineNo,
          bytes: buf.subarray(start, nl),
          overflow: false,
          end: position,
          // A line starting with a BOM is left to the caller's decoder, which drops it (as before).
          ...(wholeValid && !startsWithBom(buf, start) ? { text: buf.toString('utf8', start, nl) } : {}),
        });
        lineNo += 1;
      } else {
        take(buf.subarray(start, nl));
        batch.push(finish());
      }
      start = nl + 1;
    }
    if (batch.length > 0) {
      progress.bytesRead = batch[batch.length - 1].end;
      yield batch;
    }
  }
  progress.bytesRead = position;
  if (partBytes > 0 || overflow) yield [finish()];
}

/** The lines of readLineBatches one at a time, `progress` following each line handed out. */
export async function* readLines(
  stream: AsyncIterable<Buffer | string>,
  maxBytes: number,
  progress: ReadProgress = { bytesRead: 0 },
  guard?: StartGuard,
): AsyncGenerator<RawLine> {
  const own = { bytesRead: 0 };
  for await (const batch of readLineBatches(stream, maxBytes, own, guard)) {
    for (const line of batch) {
      progress.bytesRead = line.end;
      yield line;
    }
  }
  progress.bytesRead = own.bytesRead;
}
