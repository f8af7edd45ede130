import { dataRecord } from '../column-map';
import { CsvAssembler, type CsvItem } from './csv-assembler';
import { InputError } from '../errors';
import type { InputItem, InputSource } from './input-item';
import { readLineBatches, StartGuard, type ReadProgress } from './line-reader';

function checkHeader(header: string[], line: number): void {
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name.trim() === '') throw new InputError(`CSV header (line ${line}): column ${i + 1} has no name`);
    if (seen.has(name)) throw new InputError(`CSV header (line ${line}): column "${name}" appears twice`);
    seen.add(name);
  });
}

/**
 * Streams a CSV file whose first record is the header. Records come out one at a time as the
 * consumer pulls them (backpressure), so memory does not depend on the file size.
 */
export async function openCsvSource(
  stream: AsyncIterable<Buffer | string>,
  maxRecordBytes: number,
  progress?: ReadProgress,
): Promise<InputSource> {
  const budget = StartGuard.budget(maxRecordBytes);
  const seen = { header: false };
  const guard = new StartGuard(
    budget,
    () =>
      new InputError(
        `the first ${budget / (1024 * 1024)} MiB of the file ${seen.header ? 'after the header ' : ''}hold no readable ` +
          'record (is it the right file? an export must be UTF-8 CSV text)',
      ),
  );
  const batches = readLineBatches(stream, maxRecordBytes, progress, guard);
  const assembler = new CsvAssembler(maxRecordBytes);
  // The records of the last chunk read, handed out from `taken` on (one chunk's worth at most).
  let buffered: CsvItem[] = [];
  let taken = 0;
  let done = false;

  async function refill(): Promise<void> {
    buffered = [];
    taken = 0;
    while (buffered.length === 0 && !done) {
      const r = await batches.next();
      if (r.done) {
        done = true;
        buffered = assembler.end();
      } else for (const line of r.value) for (const item of assembler.push(line)) buffered.push(item);
    }
  }

  async function next(): Promise<CsvItem | undefined> {
    if (taken >= buffered.length) await refill();
    return taken < buffered.length ? buffered[taken++] : undefined;
  }

  const first = await next();
  if (first === undefined)
    throw new InputError('the CSV file is empty: a header row naming the Customer fields is required');
  if (first.kind === 'error')
    throw new InputError(`CSV header (line ${first.line}) is unreadable: ${first.message}`);
  const columns = first.fields;
  seen.header = true;
  checkHeader(columns, first.line);

  const readable = (item: CsvItem): boolean =>
    item.kind === 'record' && item.fields.length === columns.length;
  // Look ahead to the first readable record (or the end), so a file of garbage fails here,
  // before anything is sent; what comes before it is kept, at most 1000 items.
  const lookahead: CsvItem[] = [];
  for (let item = await next(); item !== undefined; item = await next()) {
    lookahead.push(item);
    if (readable(item)) break;
    if (lookahead.length > 1000) {
      throw new InputError(
        'the first 1000 records after the CSV header are all unreadable (is it the right file?)',
      );
    }
  }
  guard.active = false;

  function toItem(item: CsvItem, ordinal: number): InputItem {
    if (item.kind === 'error') {
      return { kind: 'unreadable', ordinal, line: item.line, message: item.message, raw: item.raw };
    }
    if (item.fields.length !== columns.length) {
      return {
        kind: 'unreadable',
        ordinal,
        line: item.line,
        message: `has ${item.fields.length} fields, the header has ${columns.length}`,
        raw: item.fields.join(',').slice(0, 200),
      };
    }
    const values = dataRecord<unknown>();
    for (let i = 0; i < columns.length; i++) values[columns[i]] = item.fields[i];
    return { kind: 'record', ordinal, line: item.line, values };
  }

  async function* items(): AsyncGenerator<InputItem> {
    let ordinal = 0;
    for (const item of lookahead.splice(0)) yield toItem(item, ++ordinal);
    for (;;) {
      if (taken >= buffered.length) await refill();
      if (taken >= buffered.length) return;
      yield toItem(buffered[taken++], ++ordinal);
    }
  }
  return { format: 'csv', columns, items: items(), close: () => undefined };
}
