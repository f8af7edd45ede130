import type { SyncLogger } from './log';

/** `bar` on a terminal, `lines` (a log line per interval), `none`, or `auto` (bar on a TTY, else lines). */
export type ProgressMode = 'auto' | 'bar' | 'lines' | 'none';

/** Where a run is. */
export interface ProgressSnapshot {
  /** Records finished by this run (any outcome) plus those skipped as already done. */
  processed: number;
  /** Records skipped because the journal had them done. */
  skipped: number;
  /** Records rejected locally (never sent): they need fixing in the input. */
  invalid: number;
  /** Records the service refused or could not be reached for (invalid ones are not counted here). */
  failed: number;
  /** Input bytes read so far. */
  bytesRead: number;
  /** The input's size. */
  totalBytes: number;
}

/** Shows a run's progress. */
export interface ProgressReporter {
  /** Called as records finish. */
  update(snapshot: ProgressSnapshot): void;
  /** Clears the bar (before a log line or at the end). */
  clear(): void;
  /** The run ended: show the last state and release the terminal. */
  stop(snapshot: ProgressSnapshot): void;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(s % 60).padStart(2, '0')}s`;
}

/** Rate (records/s) and ETA from the share of the file read so far: the record count is unknown up front. */
function measure(
  s: ProgressSnapshot,
  startedAt: number,
  now: number,
): { rate: number; eta: number; share: number } {
  const elapsed = Math.max(0.001, (now - startedAt) / 1000);
  const share = s.totalBytes > 0 ? Math.min(1, s.bytesRead / s.totalBytes) : 0;
  const rate = (s.processed - s.skipped) / elapsed;
  const eta = share > 0 ? (elapsed / share) * (1 - share) : NaN;
  return { rate, eta, share };
}

/**
 * `bar`: one redrawn line on a TTY (records, rate, ETA). `lines`: an info log line every
 * `intervalMs` (for cron logs). `none`: nothing. `auto`: bar on a TTY, lines otherwise.
 */
export function createProgress(
  mode: ProgressMode,
  log: SyncLogger,
  options: { stream?: NodeJS.WriteStream; intervalMs?: number; now?: () => number } = {},
): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const resolved = mode === 'auto' ? (stream.isTTY ? 'bar' : 'lines') : mode;
  const startedAt = now();
  const interval = resolved === 'bar' ? 200 : (options.intervalMs ?? 30_000);
  let last = startedAt;
  let drawn = false;

  const clear = (): void => {
    if (drawn) {
      stream.write('\r\x1b[K');
      drawn = false;
    }
  };
  const draw = (s: ProgressSnapshot): void => {
    const { rate, eta, share } = measure(s, startedAt, now());
    if (resolved === 'bar') {
      const width = 24;
      const filled = Math.round(share * width);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
      stream.write(
        `\r\x1b[K${bar} ${(share * 100).toFixed(0)}% ${s.processed} records ` +
          `(${s.skipped} skipped, ${s.invalid} invalid, ${s.failed} failed) ` +
          `${rate.toFixed(1)}/s ETA ${duration(eta)}`,
      );
      drawn = true;
    } else if (resolved === 'lines') {
      log.info('progress', {
        processed: s.processed,
        skipped: s.skipped,
        invalid: s.invalid,
        failed: s.failed,
        percent: Math.round(share * 100),
        ratePerSec: Number(rate.toFixed(1)),
        eta: duration(eta),
      });
    }
  };
  return {
    update(s) {
      if (resolved === 'none') return;
      const t = now();
      if (t - last < interval) return;
      last = t;
      draw(s);
    },
    clear,
    stop(s) {
      if (resolved === 'bar') {
        draw(s);
        stream.write('\n');
        drawn = false;
      }
    },
  };
}
