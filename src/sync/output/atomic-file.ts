import fs from 'node:fs';
import path from 'node:path';
import { storageError } from '../errors';

const BUFFER_BYTES = 64 * 1024;

/** Writes all of `data` (a short write on a filling disk is followed by the error that explains it). */
export function writeFully(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += fs.writeSync(fd, data, offset, data.length - offset);
}

/**
 * A file written under a temporary name (`<file>.tmp-<pid>`) and renamed into place on commit, so
 * a reader (or the next run) never sees half of it. Writes are synchronous and buffered: this runs
 * at the end of a run, alone. Any failure (disk full…) is a StorageError naming the file, and
 * `abort()` removes the temporary file, so nothing is left behind.
 */
export class AtomicFile {
  private readonly tmp: string;
  private fd: number | undefined;
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** `what` names the file in messages: "the results file". */
  constructor(
    readonly file: string,
    private readonly what: string,
  ) {
    this.tmp = `${file}.tmp-${process.pid}`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      this.fd = fs.openSync(this.tmp, 'w');
    } catch (e) {
      this.abort();
      throw storageError(what, file, e);
    }
  }

  write(text: string): void {
    const data = Buffer.from(text, 'utf8');
    this.chunks.push(data);
    this.buffered += data.length;
    if (this.buffered >= BUFFER_BYTES) this.flush();
  }

  commit(): void {
    try {
      this.flush();
      if (this.fd !== undefined) {
        fs.fsyncSync(this.fd);
        fs.closeSync(this.fd);
        this.fd = undefined;
      }
      fs.renameSync(this.tmp, this.file);
    } catch (e) {
      this.abort();
      throw storageError(this.what, this.file, e);
    }
  }

  /** Drops the temporary file (idempotent; never throws). */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        fs.closeSync(this.fd);
      } catch {
        // already unusable: removing it is what matters
      }
      this.fd = undefined;
    }
    fs.rmSync(this.tmp, { force: true });
  }

  private flush(): void {
    if (this.buffered === 0 || this.fd === undefined) return;
    const data = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    this.chunks = [];
    this.buffered = 0;
    try {
      writeFully(this.fd, data);
    } catch (e) {
      this.abort();
      throw storageError(this.what, this.file, e);
    }
  }
}

/** Writes a whole file atomically (temporary file, fsync, rename). */
export function writeFileAtomic(file: string, text: string, what: string): void {
  const out = new AtomicFile(file, what);
  out.write(text);
  out.commit();
}
