import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openCsvSource } from './csv-source';
import { InputError } from '../errors';
import type { InputFormat, InputSource } from './input-item';
import { openJsonlSource } from './jsonl-source';
import type { ReadProgress } from './line-reader';

/**
 * Identifies the input for the journal by its whole content: a journal is resumed only against
 * the same bytes, and the next night's export (however little changed, wherever) is a new run.
 */
export interface InputFingerprint {
  size: number;
  /** sha256 of the whole file (one streaming pass: about a second per GB). */
  sha256: string;
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

/** Checks that the input is a readable regular file; returns its size. */
export function statInput(file: string): number {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw describeFsError(file, e);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new InputError(`the input ${file} is not a regular file`);
    return stat.size;
  } finally {
    fs.closeSync(fd);
  }
}

/** The input's size and the sha256 of its whole content, read as a stream. */
export async function fingerprintInput(file: string): Promise<InputFingerprint> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
  } catch (e) {
    throw describeFsError(file, e);
  }
  return { size, sha256: hash.digest('hex') };
}

/** An input being read, which can check at its end that it is the content the journal names. */
export interface OpenedInput extends InputSource {
  /** Read to the end, the content must be this (else the items end with an InputError). */
  expect(fingerprint: InputFingerprint): void;
}

/** Opens the input as a stream of records (64 KiB reads, pulled as the sync consumes them). */
export async function openInput(
  file: string,
  format: InputFormat,
  maxRecordBytes: number,
  progress?: ReadProgress,
): Promise<OpenedInput> {
  const stream = fs.createReadStream(file, { highWaterMark: 64 * 1024 });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (e) => reject(describeFsError(file, e)));
  });
  // The records read must come from the content the journal was opened for: hash them as they go.
  const hash = crypto.createHash('sha256');
  let size = 0;
  let expected: InputFingerprint | undefined;
  const wrapped = (async function* () {
    try {
      for await (const chunk of stream) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    } catch (e) {
      throw describeFsError(file, e);
    }
    if (expected && (size !== expected.size || hash.digest('hex') !== expected.sha256)) {
      throw new InputError(
        `the input ${file} changed while the run was reading it (${expected.size} bytes when the run started, ` +
          `${size} read): make sure the export is complete before the sync starts, then rerun with --restart`,
      );
    }
  })();
  try {
    const source =
      format === 'csv'
        ? await openCsvSource(wrapped, maxRecordBytes, progress)
        : await openJsonlSource(wrapped, maxRecordBytes, progress);
    return {
      ...source,
      close: () => stream.destroy(),
      expect: (fingerprint) => {
        expected = fingerprint;
      },
    };
  } catch (e) {
    stream.destroy();
    throw e;
  }
}
