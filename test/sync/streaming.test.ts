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
