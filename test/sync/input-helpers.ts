import { openCsvSource } from '../../src/sync/input/csv-source';
import type { InputItem, InputSource } from '../../src/sync/input/input-item';
import { openJsonlSource } from '../../src/sync/input/jsonl-source';

/** Feeds `input` in chunks of `chunkSize` bytes, to exercise records split across reads. */
export async function* chunked(input: Buffer | string, chunkSize = 7): AsyncGenerator<Buffer> {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  for (let i = 0; i < buf.length; i += chunkSize) yield buf.subarray(i, i + chunkSize);
}

export async function collect(source: InputSource): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of source.items) items.push(item);
  return items;
}

export async function readCsv(input: Buffer | string, maxRecordBytes = 1024, chunkSize = 7) {
  const source = await openCsvSource(chunked(input, chunkSize), maxRecordBytes);
  return { columns: source.columns, items: await collect(source) };
}

export async function readJsonl(input: Buffer | string, maxRecordBytes = 1024, chunkSize = 7) {
  const source = await openJsonlSource(chunked(input, chunkSize), maxRecordBytes);
  return { columns: source.columns, items: await collect(source) };
}
