import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { describeFsCode, LockError } from './errors';
import { writeFully } from './output/atomic-file';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

export interface HeldLock {
  file: string;
  /** Set when a stale lock of a dead process was taken over: what it said. */
  tookOverFrom?: { pid: number; host: string; startedAt: string };
  release(): void;
}

const processStart = Date.now() - process.uptime() * 1000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid === 'number' && typeof info.host === 'string') return info as LockInfo;
  } catch {
    // unreadable or half-written: treated below
  }
  return undefined;
}

function create(file: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new LockError(`cannot create the lock file ${file}: ${describeFsCode(e)}`);
  }
  try {
    writeFully(fd, Buffer.from(JSON.stringify(info)));
    fs.fsyncSync(fd);
  } catch (e) {
    // A lock we could not fill in (disk full) must not stay behind to block the next run.
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw new LockError(`cannot write the lock file ${file}: ${describeFsCode(e)}`);
  }
  fs.closeSync(fd);
  return true;
}

/**
 * Takes the lock file next to a journal (created with O_EXCL, holding pid, host and start time).
 * If it exists and names a process on this host that is no longer alive, the lock is stale and is
 * taken over; a live holder, or one on another host (we cannot check it), is refused with a
 * LockError saying who holds it.
 */
export function acquireLock(file: string, now: () => Date = () => new Date()): HeldLock {
  const me: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: now().toISOString(),
    token: crypto.randomUUID(),
  };
  let tookOverFrom: HeldLock['tookOverFrom'];
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(file, me)) {
      // Two processes taking over the same stale lock at once: only the one whose token is in
      // the file goes on.
      const check = readLock(file);
      if (check?.token !== me.token) continue;
      return {
        file,
        tookOverFrom,
        release: () => {
          if (readLock(file)?.token === me.token) fs.rmSync(file, { force: true });
        },
      };
    }
    const holder = readLock(file);
    if (holder === undefined) {
      let ageMs: number;
      try {
        ageMs = Date.now() - fs.statSync(file).mtimeMs;
      } catch {
        continue; // removed meanwhile: try again
      }
      // A lock being written right now is unreadable for a moment; an old unreadable one is junk.
      if (ageMs < 5000) {
        throw new LockError(`lock file ${file} exists and is being written by another run; try again later`);
      }
      fs.rmSync(file, { force: true });
      continue;
    }
    if (holder.host !== me.host) {
      throw new LockError(
        `another run holds ${file}: pid ${holder.pid} on host ${holder.host} since ${holder.startedAt}. ` +
          'If that run is dead, delete the lock file.',
      );
    }
    // Our own pid in the lock is a run in this process, unless the lock is older than the process
    // (a container restarts with the same pid).
    const ownPidStale = holder.pid === process.pid && Date.parse(holder.startedAt) < processStart;
    if (isAlive(holder.pid) && !ownPidStale) {
      throw new LockError(
        `another run holds ${file}: pid ${holder.pid} on this host since ${holder.startedAt}`,
      );
    }
    tookOverFrom = { pid: holder.pid, host: holder.host, startedAt: holder.startedAt };
    fs.rmSync(file, { force: true });
  }
  throw new LockError(`could not take the lock ${file}: other runs keep taking it`);
}
