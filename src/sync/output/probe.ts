import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describeFsCode, OutputError } from '../errors';

export interface OutputTarget {
  /** How messages name it: "the report". */
  what: string;
  file: string;
  /** Written in place (appended), not replaced by a rename: the file itself must be writable. */
  inPlace?: boolean;
}

/**
 * Checks, before anything is sent, that every output can be written: its directory exists or can
 * be created, a probe file can be created and removed there, the path is not a directory, and a
 * file written in place (the journal) opens for appending. Throws an OutputError naming the file
 * and the problem, so a run never applies its records and then fails to say what it did.
 */
export function checkOutputs(targets: readonly OutputTarget[]): void {
  const probed = new Set<string>();
  for (const t of targets) {
    const fail = (problem: string): never => {
      throw new OutputError(`cannot write ${t.what} ${t.file}: ${problem}`);
    };
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(t.file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') fail(describeFsCode(e));
    }
    if (stat?.isDirectory()) fail('it is a directory');
    const dir = path.dirname(t.file);
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
      fail(`cannot create its directory ${dir}: ${describeFsCode(e)}`);
    }
    if (!probed.has(dir)) {
      const probe = path.join(
        dir,
        `.twocheckout-sync-probe-${process.pid}-${crypto.randomBytes(4).toString('hex')}`,
      );
      try {
        fs.writeFileSync(probe, 'x', { flag: 'wx' });
      } catch (e) {
        fail(`cannot create files in ${dir}: ${describeFsCode(e)}`);
      } finally {
        fs.rmSync(probe, { force: true });
      }
      probed.add(dir);
    }
    if (stat && t.inPlace) {
      try {
        fs.closeSync(fs.openSync(t.file, 'a'));
      } catch (e) {
        fail(describeFsCode(e));
      }
    }
  }
}
