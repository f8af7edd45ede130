/**
 * The sync's own errors. Every one ends the run, and carries the exit code a scheduler sees and
 * the `kind` the report names (`fatal.kind`). Per-record problems are never errors: they are
 * outcomes (see pipeline/classify.ts).
 */

/** Every kind a fatal error can have, in one list (the report schema's `fatal.kind` enum is checked against it). */
export const SYNC_ERROR_KINDS = [
  'usage',
  'config',
  'authentication',
  'tls',
  'input',
  'output',
  'storage',
  'journal',
  'lock',
  'unavailable',
  'internal',
] as const;

/** What ended a run (the report's `fatal.kind`; docs/report.schema.json lists the same). */
export type SyncErrorKind = (typeof SYNC_ERROR_KINDS)[number];

/** Exit code of a run that stopped on a fatal problem (bad flags, configuration, input, storage…). */
export const FATAL_EXIT_CODE = 2;

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly exitCode: number = FATAL_EXIT_CODE,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad command line, environment variable or .env value: the message names the flag or variable. */
export class UsageError extends SyncError {
  constructor(message: string) {
    super('usage', message);
  }
}

/** The input cannot be used at all (unreadable file, bad header, unusable columns, garbage). */
export class InputError extends SyncError {
  constructor(message: string) {
    super('input', message);
  }
}

/** An output path (report, results, dead letter, journal, out-dir) cannot be written. */
export class OutputError extends SyncError {
  constructor(message: string) {
    super('output', message);
  }
}

/** Writing one of our files failed while the run was going (disk full, I/O error). */
export class StorageError extends SyncError {
  constructor(
    message: string,
    readonly file: string,
    readonly code: string | undefined,
  ) {
    super('storage', message);
  }
}

/** The journal cannot be used as it is (another input, other settings, damaged). */
export class JournalError extends SyncError {
  constructor(message: string) {
    super('journal', message);
  }
}

/** Another run holds the lock (or it cannot be taken). */
export class LockError extends SyncError {
  constructor(message: string) {
    super('lock', message);
  }
}

const FS_PROBLEMS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EFBIG: 'the file is too large for the file system',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  ENOENT: 'no such file or directory',
  EIO: 'an I/O error',
  EMFILE: 'too many open files',
};

/** A short human reading of a file-system error code ("no space left on the device (ENOSPC)"). */
export function describeFsCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === undefined) return e instanceof Error ? e.message : String(e);
  return `${FS_PROBLEMS[code] ?? 'error'} (${code})`;
}

/** Wraps a failed write of one of our files into a StorageError naming the file and the problem. */
export function storageError(what: string, file: string, e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const hint =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? ': free some space and run the same command again (the journal is consistent; the run resumes)'
      : '';
  return new StorageError(`cannot write ${what} ${file}: ${describeFsCode(e)}${hint}`, file, code);
}
