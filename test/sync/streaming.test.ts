import { openCsvSource } from '../../src/sync/input/csv-source';
import { openJsonlSource } from '../../src/sync/input/jsonl-source';
import { readLines } from '../../src/sync/input/line-reader';
import { chunked } from './input-helpers';

/** An endless input that counts how many chunks were pulled from it. */
function endless(
  header: string,
  row: (i: number) => string,
  pulled: { chunks: number },
): AsyncGenerator<Buffer> {
  return (async function* () {
    yield Buffer.from(header);
    for (let i = 1; ; i++) {
      pulled.chunks += 1;
      yield Buffer.from(row(i));
    }
  })();
}

describe('streaming input', () => {
  it('CSV: reads only as far as the records consumed (never the whole file)', async () => {
    const pulled = { chunks: 0 };
    const source = await openCsvSource(
      endless('ExternalCustomerReference,Email\n', (i) => `CRM-${i},c${i}@example.com\n`, pulled),
      1024,
    );
    let n = 0;
    for await (const item of source.items) {
      expect(item).toMatchObject({ kind: 'record', ordinal: n + 1 });
      if (++n === 100) break;
    }
    expect(pulled.chunks).toBeLessThanOrEqual(101);
  });

  it('JSONL: the same', async () => {
    const pulled = { chunks: 0 };
    const source = await openJsonlSource(
      endless('', (i) => `{"ExternalCustomerReference":"CRM-${i}"}\n`, pulled),
      1024,
    );
    let n = 0;
    for await (const item of source.items) {
      expect(item).toMatchObject({ kind: 'record', ordinal: n + 1 });
      if (++n === 100) break;
    }
    expect(pulled.chunks).toBeLessThanOrEqual(101);
  });
});

describe('read position', () => {
  it('follows the lines handed out, not the chunks read ahead, and ends at the file size', async () => {
    const text = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ab\ncd\r\nlast')]);
    const progress = { bytesRead: 0 };
    const seen: number[] = [];
    for await (const line of readLines(chunked(text, 4), 1024, progress)) {
      void line;
      seen.push(progress.bytesRead);
    }
    expect(seen).toEqual([6, 10, text.length]);
  });
});

/** `total` bytes of NUL in 64 KiB chunks (a sparse or zeroed file), counting the chunks pulled. */
function zeros(total: number, pulled: { chunks: number }): AsyncGenerator<Buffer> {
  const chunk = Buffer.alloc(64 * 1024);
  return (async function* () {
    for (let sent = 0; sent < total; sent += chunk.length) {
      pulled.chunks += 1;
      yield chunk;
    }
  })();
}

// Defect: a 2 GB sparse (all-NUL) file was read to its end before the run failed.
describe('garbage input fails fast', () => {
  const TOTAL = 256 * 1024 * 1024; // 4096 chunks: reading them all would be the defect

  it.each([
    ['CSV', openCsvSource],
    ['JSON Lines', openJsonlSource],
  ])('%s: all NUL, no line break: stops within the first few MiB', async (_name, open) => {
    const pulled = { chunks: 0 };
    await expect(open(zeros(TOTAL, pulled), 1024 * 1024)).rejects.toThrow(/hold no readable record/);
    expect(pulled.chunks).toBeLessThanOrEqual(66); // 4 MiB and one chunk of read-ahead
  });

  it('CSV: a good header, then garbage: stops too, before any record is handed out', async () => {
    const pulled = { chunks: 0 };
    const input = (async function* () {
      yield Buffer.from('ExternalCustomerReference,Email\n');
      yield* zeros(TOTAL, pulled);
    })();
    await expect(openCsvSource(input, 1024 * 1024)).rejects.toThrow(
      /after the header hold no readable record/,
    );
    expect(pulled.chunks).toBeLessThanOrEqual(66);
  });

  it('JSON Lines: many short garbage lines are bounded by the line count', async () => {
    const lines = (async function* () {
      for (;;) yield Buffer.from('\u0000\u0000\u0000\n'.repeat(100));
    })();
    await expect(openJsonlSource(lines, 1024)).rejects.toThrow(/first 1000 lines .*hold no readable record/);
  });

  it('a file with a readable record early is read normally, garbage after it being per-record errors', async () => {
    const input = (async function* () {
      yield Buffer.from('{"ExternalCustomerReference":"A"}\n');
      yield Buffer.alloc(8 * 1024 * 1024, 0x41); // a long line (over the limit): one bad record
      yield Buffer.from('\n{"ExternalCustomerReference":"B"}\n');
    })();
    const source = await openJsonlSource(input, 1024 * 1024);
    const kinds = [];
    for await (const item of source.items) kinds.push(item.kind);
    expect(kinds).toEqual(['record', 'unreadable', 'record']);
  });
});
