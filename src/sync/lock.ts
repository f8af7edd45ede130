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
  /** Start time of the process (Linux: clock ticks since boot, /proc/<pid>/stat field 22). */
  procStart?: string;
  /** Linux boot id: another one means the machine rebooted since, and every pid is new. */
  bootId?: string;
  /**
   * The holder touches the lock file (its mtime) this often while it runs, so a lock left on a
   * shared volume by a run on another host (a killed pod) can be recognised as stale.
   */
  heartbeatMs?: number;
}

/** How the lock keeps itself fresh, and when another host's lock counts as abandoned. */
export interface LockTiming {
  /** Touch the held lock this often (default 15 s). */
  heartbeatMs: number;
  /** Another host's lock untouched for this long is stale (default 5 minutes; at least 4 heartbeats). */
  staleAfterMs: number;
}

export const DEFAULT_LOCK_TIMING: LockTiming = { heartbeatMs: 15_000, staleAfterMs: 5 * 60_000 };

export interface HeldLock {
  file: string;
  /** Set when a stale lock was taken over: what it said, and why it was stale. */
  tookOverFrom?: { pid: number; host: string; startedAt: string; reason: string };
  release(): void;
}

const processStart = Date.now() - process.uptime() * 1000;

function readBootId(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined; // not Linux: the pid alone decides
  }
}

/** A process's start time from /proc (the comm field may hold spaces and parentheses). */
export function processStartOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a lock on this host is stale, or undefined when its holder may still be running. The pid
 * alone is not enough: after a reboot, or in a container that restarts, the same pid belongs to
 * another process, so the boot id and the process start time must match too.
 */
function staleReason(holder: LockInfo, me: LockInfo): string | undefined {
  if (holder.bootId && me.bootId && holder.bootId !== me.bootId) {
    return 'the machine rebooted since the lock was taken';
  }
  if (!isAlive(holder.pid)) return `pid ${holder.pid} is not running`;
  if (holder.procStart) {
    const now = processStartOf(holder.pid);
    if (now !== undefined && now !== holder.procStart) {
      return `pid ${holder.pid} now belongs to another process (started later than the lock's)`;
    }
    return undefined;
  }
  // A lock of an earlier version (no start time): our own pid is ours unless the lock is older
  // than this process (a container restarted with the same pid).
  if (holder.pid === process.pid && Date.parse(holder.startedAt) < processStart) {
    return `pid ${holder.pid} is this process, which started after the lock was taken`;
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The heartbeat: a live holder keeps its lock file's mtime fresh (only while the file is still ours). */
function touch(file: string, token: string): void {
  try {
    if (readLock(file)?.token !== token) return;
    const t = new Date();
    fs.utimesSync(file, t, t);
  } catch {
    // A missed beat is harmless: staleness needs many in a row.
  }
}

/**
 * Why another host's lock is abandoned, or undefined. Its pid cannot be checked from here, but a
 * holder that beats (every lock this version writes) touches the file every few seconds: one
 * untouched for `staleAfterMs` belongs to a run that died (a killed pod on a shared volume).
 */
function abandonedReason(file: string, holder: LockInfo, staleAfterMs: number): string | undefined {
  if (!holder.heartbeatMs) return undefined; // an older holder that never beats: only a person can tell
  let ageMs: number;
  try {
    ageMs = Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  const limit = Math.max(staleAfterMs, 4 * holder.heartbeatMs);
  if (ageMs < limit) return undefined;
  return `its holder on host ${holder.host} has not touched it for ${Math.round(ageMs / 1000)} s (heartbeat every ${Math.round(holder.heartbeatMs / 1000)} s)`;
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
 * Takes the lock file next to a journal (created with O_EXCL, holding the host, the pid, the
 * process start time and the boot id) and keeps it fresh with a heartbeat (its mtime) until
 * released. An existing lock is stale, and taken over, when it names a process on this host that
 * is no longer running (another boot, a dead pid, or a pid now used by another process), or when
 * it belongs to another host (whose pid cannot be checked) and has missed its heartbeats for
 * `timing.staleAfterMs` (a killed pod on a shared volume). Otherwise a LockError says who holds it.
 */
export function acquireLock(
  file: string,
  now: () => Date = () => new Date(),
  timing: LockTiming = DEFAULT_LOCK_TIMING,
): HeldLock {
  const me: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: now().toISOString(),
    token: crypto.randomUUID(),
    heartbeatMs: timing.heartbeatMs,
  };
  const procStart = processStartOf(process.pid);
  const bootId = readBootId();
  if (procStart) me.procStart = procStart;
  if (bootId) me.bootId = bootId;
  let tookOverFrom: HeldLock['tookOverFrom'];
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(file, me)) {
      // Two processes taking over the same stale lock at once: only the one whose token is in
      // the file goes on.
      const check = readLock(file);
      if (check?.token !== me.token) continue;
      const heartbeat = setInterval(() => touch(file, me.token), timing.heartbeatMs);
      heartbeat.unref();
      return {
        file,
        tookOverFrom,
        release: () => {
          clearInterval(heartbeat);
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
    const reason =
      holder.host === me.host ? staleReason(holder, me) : abandonedReason(file, holder, timing.staleAfterMs);
    if (reason === undefined && holder.host !== me.host) {
      throw new LockError(
        `another run holds ${file}: pid ${holder.pid} on host ${holder.host} since ${holder.startedAt}. ` +
          (holder.heartbeatMs
            ? `It is taken over once it has gone ${Math.round(timing.staleAfterMs / 1000)} s without a heartbeat; ` +
              'if that run is dead and you cannot wait, delete the lock file.'
            : 'If that run is dead, delete the lock file.'),
      );
    }
    if (reason === undefined) {
      throw new LockError(
        `another run holds ${file}: pid ${holder.pid} on this host since ${holder.startedAt}`,
      );
    }
    tookOverFrom = { pid: holder.pid, host: holder.host, startedAt: holder.startedAt, reason };
    fs.rmSync(file, { force: true });
  }
  throw new LockError(`could not take the lock ${file}: other runs keep taking it`);
}
