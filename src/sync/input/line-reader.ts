/** One physical line of the input, without its `\n` (a trailing `\r` is kept for the caller). */
export interface RawLine {
  /** 1-based physical line number. */
  lineNo: number;
  bytes: Buffer;
  /** The line was longer than the limit: `bytes` holds only its start, the rest was discarded. */
  overflow: boolean;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
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
 */
export async function* readLines(
  stream: AsyncIterable<Buffer | string>,
  maxBytes: number,
  progress: ReadProgress = { bytesRead: 0 },
  guard?: StartGuard,
): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let overflow = false;
  let lineNo = 1;
  let first = true;
  // Bytes of the input up to the end of the last line yielded (chunks are read ahead of that).
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
    const line: RawLine = { lineNo, bytes: parts.length === 1 ? parts[0] : Buffer.concat(parts), overflow };
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
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(NEWLINE, start);
      if (nl === -1) {
        // Copy: the stream may reuse its chunk buffers.
        if (start < buf.length) take(Buffer.from(buf.subarray(start)));
        position += buf.length - start;
        break;
      }
      take(buf.subarray(start, nl));
      position += nl + 1 - start;
      progress.bytesRead = position;
      yield finish();
      start = nl + 1;
    }
  }
  progress.bytesRead = position;
  if (partBytes > 0 || overflow) yield finish();
}
