import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PRELOAD = path.join(__dirname, 'preload', 'enospc.js');

/**
 * A directory on a file system that fills up. When this machine lets us mount one (root with
 * CAP_SYS_ADMIN, as on the CI machine and most VMs), it is a real 1 MiB tmpfs filled with a filler
 * file; otherwise (an unprivileged container) the CLI runs with a preload that fails its writes
 * under the directory with ENOSPC once the same space is used up. Either way the sync sees the
 * same errors from the same calls.
 */
export class SmallDisk {
  private filler: string;
  private freeBytes = 0;
  private full = false;

  private constructor(
    readonly dir: string,
    readonly mode: 'tmpfs' | 'injected',
  ) {
    this.filler = path.join(dir, 'filler');
  }

  static create(dir: string): SmallDisk {
    fs.mkdirSync(dir, { recursive: true });
    // TEST_SMALL_DISK=injected tries the fallback on a machine that could mount.
    const mounted =
      process.env.TEST_SMALL_DISK !== 'injected' &&
      process.getuid?.() === 0 &&
      spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0755', 'tmpfs', dir], { stdio: 'ignore' })
        .status === 0;
    return new SmallDisk(dir, mounted ? 'tmpfs' : 'injected');
  }

  /** Leaves only about `bytes` free (whole 4 KiB pages on a tmpfs). */
  fill(bytes: number): void {
    this.freeBytes = bytes;
    this.full = true;
    if (this.mode === 'injected') return;
    const fd = fs.openSync(this.filler, 'w');
    const chunk = Buffer.alloc(64 * 1024);
    let size = 0;
    try {
      for (;;) size += fs.writeSync(fd, chunk);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
    }
    fs.ftruncateSync(fd, Math.max(0, size - bytes));
    fs.closeSync(fd);
  }

  /** Frees the space again. */
  free(): void {
    this.full = false;
    fs.rmSync(this.filler, { force: true });
  }

  /** Extra environment for the CLI (the preload, when injecting). */
  env(match?: string): Record<string, string> {
    if (this.mode === 'tmpfs' || !this.full) return {};
    return {
      NODE_OPTIONS: `--require ${PRELOAD}`,
      ENOSPC_DIR: this.dir,
      ENOSPC_BUDGET: String(this.freeBytes),
      ...(match ? { ENOSPC_MATCH: match } : {}),
    };
  }

  dispose(): void {
    if (this.mode === 'tmpfs') spawnSync('umount', ['-l', this.dir], { stdio: 'ignore' });
  }
}

/** Always the preload: for failures aimed at one file (ENOSPC_MATCH), whatever the machine. */
export function injectedEnospc(dir: string, match: string, budget = 0): Record<string, string> {
  return {
    NODE_OPTIONS: `--require ${PRELOAD}`,
    ENOSPC_DIR: dir,
    ENOSPC_BUDGET: String(budget),
    ENOSPC_MATCH: match,
  };
}
