import { dataRecord } from '../column-map';
import { CsvAssembler, type CsvItem } from './csv-assembler';
import { InputError } from '../errors';
import type { InputItem, InputSource } from './input-item';
import { readLines, type ReadProgress } from './line-reader';

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
  const lines = readLines(stream, maxRecordBytes, progress);
  const assembler = new CsvAssembler(maxRecordBytes);
  const buffered: CsvItem[] = [];
  let done = false;

  async function next(): Promise<CsvItem | undefined> {
    while (buffered.length === 0 && !done) {
      const r = await lines.next();
      if (r.done) {
        done = true;
        buffered.push(...assembler.end());
      } else buffered.push(...assembler.push(r.value));
    }
    return buffered.shift();
  }

  const first = await next();
  if (first === undefined)
    throw new InputError('the CSV file is empty: a header row naming the Customer fields is required');
  if (first.kind === 'error')
    throw new InputError(`CSV header (line ${first.line}) is unreadable: ${first.message}`);
  const header = first.fields;
  checkHeader(header, first.line);

  async function* items(): AsyncGenerator<InputItem> {
    let ordinal = 0;
    for (let item = await next(); item !== undefined; item = await next()) {
      ordinal += 1;
      if (item.kind === 'error') {
        yield { kind: 'unreadable', ordinal, line: item.line, message: item.message, raw: item.raw };
      } else if (item.fields.length !== header.length) {
        yield {
          kind: 'unreadable',
          ordinal,
          line: item.line,
          message: `has ${item.fields.length} fields, the header has ${header.length}`,
          raw: item.fields.join(',').slice(0, 200),
        };
      } else {
        const values = dataRecord<unknown>();
        header.forEach((name, i) => (values[name] = item.fields[i]));
        yield { kind: 'record', ordinal, line: item.line, values };
      }
    }
  }
  return { format: 'csv', columns: header, items: items(), close: () => undefined };
}
