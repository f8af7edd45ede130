import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openCsvSource } from './csv-source';
import { InputError } from '../errors';
import type { InputFormat, InputSource } from './input-item';
import { openJsonlSource } from './jsonl-source';
import type { ReadProgress } from './line-reader';

/** Identifies the input file for the journal: a journal is only resumed against the same file. */
export interface InputFingerprint {
  size: number;
  /** sha256 of the first MiB: cheap, and with the size it tells two exports apart in practice. */
  headSha256: string;
}

export function formatFromPath(file: string): InputFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return undefined;
}

function describeFsError(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory'
          : code;
  return new InputError(`cannot read the input file ${file}: ${why ?? String(e)}`);
}

export function fingerprintInput(file: string): InputFingerprint {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw describeFsError(file, e);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new InputError(`the input ${file} is not a regular file`);
    const head = Buffer.alloc(Math.min(stat.size, 1024 * 1024));
    let read = 0;
    while (read < head.length) {
      const n = fs.readSync(fd, head, read, head.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return {
      size: stat.size,
      headSha256: crypto.createHash('sha256').update(head.subarray(0, read)).digest('hex'),
    };
  } catch (e) {
    throw e instanceof InputError ? e : describeFsError(file, e);
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens the input as a stream of records (64 KiB reads, pulled as the sync consumes them). */
export async function openInput(
  file: string,
  format: InputFormat,
  maxRecordBytes: number,
  progress?: ReadProgress,
): Promise<InputSource> {
  const stream = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) => reject(describeFsError(file, e)));
  });
  const wrapped = (async function* () {
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (e) {
      throw describeFsError(file, e);
    }
  })();
  try {
    const source =
      format === 'csv'
        ? await openCsvSource(wrapped, maxRecordBytes, progress)
        : await openJsonlSource(wrapped, maxRecordBytes, progress);
    return { ...source, close: () => stream.destroy() };
  } catch (e) {
    stream.destroy();
    throw e;
  }
}
