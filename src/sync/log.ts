/** `json`: one object per line (for log shippers); `text`: `time level message key=value…`. */
export type LogFormat = 'json' | 'text';
/** The lowest level written. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** Structured fields of a log line. */
export type LogFields = Record<string, unknown>;

/** The sync's logger (never given secrets). */
export interface SyncLogger {
  /** Per-record detail. */
  debug(msg: string, fields?: LogFields): void;
  /** Run milestones. */
  info(msg: string, fields?: LogFields): void;
  /** An invalid or failed record, a retry budget running low. */
  warn(msg: string, fields?: LogFields): void;
  /** A fatal problem. */
  error(msg: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function textValue(v: unknown): string {
  if (typeof v === 'string') return /[\s"=]/.test(v) || v === '' ? JSON.stringify(v) : v;
  return JSON.stringify(v);
}

/**
 * Logs to a stream (stderr): one JSON object per line (`json`, for log shippers) or
 * `time level message key=value…` (`text`). `beforeWrite` lets a progress bar clear its line first.
 */
export function createLogger(
  format: LogFormat,
  options: { level?: LogLevel; write?: (line: string) => void; beforeWrite?: () => void } = {},
): SyncLogger {
  const min = ORDER[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const emit = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
    if (ORDER[level] < min) return;
    options.beforeWrite?.();
    const time = new Date().toISOString();
    if (format === 'json') {
      write(`${JSON.stringify({ time, level, msg, ...fields })}\n`);
    } else {
      const extra = Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${textValue(v)}`)
        .join(' ');
      write(`${time} ${level.toUpperCase().padEnd(5)} ${msg}${extra ? ` ${extra}` : ''}\n`);
    }
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

export const silentSyncLogger: SyncLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
