import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LockError } from '../../src/sync/errors';
import { acquireLock } from '../../src/sync/lock';
import { makeTmpDir, removeDir } from './tmp-dir';

/** The pid of a process that has exited (so no process has it, barring immediate reuse). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('lock file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = makeTmpDir();
    file = path.join(dir, 'journal.ndjson.lock');
  });
  afterEach(() => removeDir(dir));

  it('is created exclusively, names its holder, refuses a second taker, and is released', () => {
    const lock = acquireLock(file);
    const info = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(() => acquireLock(file)).toThrow(LockError);
    expect(() => acquireLock(file)).toThrow(new RegExp(`pid ${process.pid} on this host`));
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
    acquireLock(file).release();
  });

  it('takes over a stale lock of a dead process on this host and says whose it was', () => {
    const pid = deadPid();
    fs.writeFileSync(
      file,
      JSON.stringify({ pid, host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', token: 'x' }),
    );
    const lock = acquireLock(file);
    expect(lock.tookOverFrom).toEqual({
      pid,
      host: os.hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
      reason: `pid ${pid} is not running`,
    });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a lock held on another host (its process cannot be checked)', () => {
    fs.writeFileSync(file, JSON.stringify({ pid: 1, host: 'some-other-host', startedAt: 'x', token: 'x' }));
    expect(() => acquireLock(file)).toThrow(/host some-other-host.*delete the lock file/);
    // One that never beats (an older version) stays refused however old it is.
    const old = new Date(Date.now() - 24 * 3600_000);
    fs.utimesSync(file, old, old);
    expect(() => acquireLock(file)).toThrow(/host some-other-host.*delete the lock file/);
  });

  it("takes over another host's lock once it has missed its heartbeats, not before", () => {
    const timing = { heartbeatMs: 1000, staleAfterMs: 60_000 };
    const other = {
      pid: 1,
      host: 'pod-a',
      startedAt: '2026-01-01T00:00:00.000Z',
      token: 'x',
      heartbeatMs: 1000,
    };
    fs.writeFileSync(file, JSON.stringify(other));
    const at = (msAgo: number) => {
      const t = new Date(Date.now() - msAgo);
      fs.utimesSync(file, t, t);
    };
    at(59_000);
    expect(() => acquireLock(file, undefined, timing)).toThrow(/host pod-a.*without a heartbeat/);
    at(61_000);
    const lock = acquireLock(file, undefined, timing);
    expect(lock.tookOverFrom).toMatchObject({ pid: 1, host: 'pod-a' });
    expect(lock.tookOverFrom?.reason).toMatch(/has not touched it for 61 s \(heartbeat every 1 s\)/);
    lock.release();
  });

  it('a held lock beats: its mtime is kept fresh until it is released', () => {
    jest.useFakeTimers({ doNotFake: ['Date'] });
    try {
      const lock = acquireLock(file, undefined, { heartbeatMs: 1000, staleAfterMs: 60_000 });
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).heartbeatMs).toBe(1000);
      const old = new Date(Date.now() - 3600_000);
      fs.utimesSync(file, old, old);
      jest.advanceTimersByTime(1000);
      expect(Date.now() - fs.statSync(file).mtimeMs).toBeLessThan(3600_000 - 1000);
      lock.release();
      expect(fs.existsSync(file)).toBe(false);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('clears an old unreadable lock file but not a fresh one', () => {
    fs.writeFileSync(file, '{"pid":');
    expect(() => acquireLock(file)).toThrow(/being written/);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    acquireLock(file).release();
  });

  it('does not delete a lock that is no longer its own on release', () => {
    const lock = acquireLock(file);
    fs.writeFileSync(file, JSON.stringify({ pid: 1, host: 'h', startedAt: 'x', token: 'other' }));
    lock.release();
    expect(fs.existsSync(file)).toBe(true);
  });
});

/** Field 22 of /proc/<pid>/stat: the process start time, in clock ticks since boot. */
function startTicks(pid: number): string {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

// Defect: a lock naming a live but unrelated PID (PID reuse after a reboot or in a container)
// blocked every run until someone deleted it by hand.
describe('lock file: a live PID that is not the holder', () => {
  let dir: string;
  let file: string;
  let other: ChildProcess;
  beforeEach(() => {
    dir = makeTmpDir();
    file = path.join(dir, 'journal.ndjson.lock');
    other = spawn('sleep', ['120'], { stdio: 'ignore' });
  });
  afterEach(() => {
    other.kill('SIGKILL');
    removeDir(dir);
  });
  const bootId = (): string => fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  const lockOf = (fields: Record<string, unknown>): void =>
    fs.writeFileSync(
      file,
      JSON.stringify({ host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', token: 't', ...fields }),
    );

  it('records the host, the pid, the process start time and the boot id', () => {
    const lock = acquireLock(file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
      pid: process.pid,
      host: os.hostname(),
      procStart: startTicks(process.pid),
      bootId: bootId(),
    });
    lock.release();
  });

  it('another process now has the pid (its start time differs): stale, taken over', () => {
    const pid = other.pid as number;
    lockOf({ pid, procStart: String(Number(startTicks(pid)) - 1000), bootId: bootId() });
    const lock = acquireLock(file);
    expect(lock.tookOverFrom).toMatchObject({ pid, reason: expect.stringMatching(/pid .* another process/) });
    lock.release();
  });

  it('the machine rebooted since (another boot id): stale, taken over', () => {
    const pid = other.pid as number;
    lockOf({ pid, procStart: startTicks(pid), bootId: '00000000-0000-0000-0000-000000000000' });
    const lock = acquireLock(file);
    expect(lock.tookOverFrom).toMatchObject({ pid, reason: expect.stringMatching(/rebooted/) });
    lock.release();
  });

  it('the holder itself (same pid, start time and boot): refused', () => {
    const pid = other.pid as number;
    lockOf({ pid, procStart: startTicks(pid), bootId: bootId() });
    expect(() => acquireLock(file)).toThrow(new RegExp(`another run holds .*: pid ${pid} on this host`));
  });
});
