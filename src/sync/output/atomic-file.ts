import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';

/**
 * A file written under a temporary name and renamed into place on commit, so a reader (or the
 * next run) never sees half of it. Writes respect backpressure.
 */
export class AtomicFile {
  private readonly tmp: string;
  private readonly stream: fs.WriteStream;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.tmp = `${file}.tmp-${process.pid}`;
    this.stream = fs.createWriteStream(this.tmp, { flags: 'w' });
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async commit(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
    const fd = fs.openSync(this.tmp, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(this.tmp, this.file);
  }

  abort(): void {
    this.stream.destroy();
    fs.rmSync(this.tmp, { force: true });
  }
}

export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
