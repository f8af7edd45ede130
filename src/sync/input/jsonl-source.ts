import { InputError } from '../errors';
import type { InputItem, InputSource } from './input-item';
import { duplicateTopLevelKey } from './json-keys';
import { readLines, StartGuard, type RawLine, type ReadProgress } from './line-reader';

const decoder = new TextDecoder('utf-8', { fatal: true });

type Parsed =
  { ok: true; values: Record<string, unknown> } | { ok: false; message: string; raw: string } | null;

function parseLine(line: RawLine, maxBytes: number): Parsed {
  if (line.overflow) {
    return {
      ok: false,
      message: `line is longer than ${maxBytes} bytes`,
      raw: line.bytes.subarray(0, 200).toString('utf8'),
    };
  }
  let text: string;
  try {
    text = line.text ?? decoder.decode(line.bytes);
  } catch {
    return {
      ok: false,
      message: 'invalid UTF-8 (the input must be UTF-8)',
      raw: line.bytes.subarray(0, 200).toString('latin1'),
    };
  }
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `invalid JSON: ${(e as Error).message}`, raw: text.slice(0, 200) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: 'each line must be a JSON object of Customer fields',
      raw: text.slice(0, 200),
    };
  }
  const twice = duplicateTopLevelKey(text);
  if (twice !== undefined) {
    return {
      ok: false,
      message: `the record has ${JSON.stringify(twice)} twice (which one is meant?)`,
      raw: text.slice(0, 200),
    };
  }
  return { ok: true, values: value as Record<string, unknown> };
}

/**
 * Streams a JSON Lines file: one JSON object per line, blank lines skipped. A line that does not
 * parse is an error for that record only. `columns` are the keys of the first readable record with
 * a field in it, so a systematic naming mistake is caught before anything is sent.
 */
export async function openJsonlSource(
  stream: AsyncIterable<Buffer | string>,
  maxRecordBytes: number,
  progress?: ReadProgress,
): Promise<InputSource> {
  const budget = StartGuard.budget(maxRecordBytes);
  const guard = new StartGuard(
    budget,
    () =>
      new InputError(
        `the first ${budget / (1024 * 1024)} MiB of the JSON Lines file hold no readable record ` +
          '(is it the right file? an export must be UTF-8 text with one JSON object per line)',
      ),
  );
  const lines = readLines(stream, maxRecordBytes, progress, guard);
  // Look ahead to the first readable record; what comes before it is kept as short error
  // summaries, at most 1000 of them.
  const lookahead: { lineNo: number; parsed: Parsed }[] = [];
  let columns: string[] | undefined;
  while (columns === undefined) {
    const r = await lines.next();
    if (r.done) break;
    const parsed = parseLine(r.value, maxRecordBytes);
    lookahead.push({ lineNo: r.value.lineNo, parsed });
    // Keys starting with `_` are the sync's own annotations (a dead-letter file fed back in): a
    // record holding only those says nothing about the columns.
    if (parsed?.ok && Object.keys(parsed.values).some((k) => !k.startsWith('_')))
      columns = Object.keys(parsed.values);
    else if (lookahead.length > 1000) {
      throw new InputError(
        'the first 1000 lines of the JSON Lines file hold no readable record (is it the right file?)',
      );
    }
  }
  // Found one (or the end): from here on, bad lines are records of their own.
  guard.active = false;

  async function* items(): AsyncGenerator<InputItem> {
    let ordinal = 0;
    const emit = (lineNo: number, parsed: Parsed): InputItem | null => {
      if (parsed === null) return null;
      ordinal += 1;
      return parsed.ok
        ? { kind: 'record', ordinal, line: lineNo, values: parsed.values }
        : { kind: 'unreadable', ordinal, line: lineNo, message: parsed.message, raw: parsed.raw };
    };
    for (const { lineNo, parsed } of lookahead.splice(0)) {
      const item = emit(lineNo, parsed);
      if (item) yield item;
    }
    for await (const line of lines) {
      const item = emit(line.lineNo, parseLine(line, maxRecordBytes));
      if (item) yield item;
    }
  }
  return { format: 'jsonl', columns: columns ?? [], items: items(), close: () => undefined };
}
