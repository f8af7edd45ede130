import path from 'node:path';
import { parseArgs } from 'node:util';
import { KEY_FIELDS, parseMapSpec, readMapFile, type KeyField } from './column-map';
import { InputError, type InputFormat } from './input/input-item';
import { formatFromPath } from './input/open-input';
import type { LogFormat, LogLevel } from './log';
import type { ProgressMode } from './progress';
import type { EmptyMeans } from './record-patch';
import { parseShard } from './shard';
import { DEFAULTS, type SyncOptions } from './sync-options';
import { UsageError } from './usage-error';

/** What a `twocheckout-sync` command line asks for, validated. */
export interface CliSettings {
  /** The run's options. */
  sync: SyncOptions;
  /** `--log-format`. */
  logFormat: LogFormat;
  /** `--log-level`. */
  logLevel: LogLevel;
  /** `--progress`. */
  progress: ProgressMode;
  /** `--progress-interval`, in ms. */
  progressIntervalMs: number;
  /** Client overrides (never credentials: those come from the environment or .env only). */
  client: {
    /** `--url`. */
    url?: string;
    /** `--timeout-ms`. */
    timeoutMs?: number;
    /** `--env-file`. */
    envFile?: string;
  };
}

/** A parsed command line: print the help, print the version, or run. */
export type ParsedCommand =
  | {
      /** `--help`. */
      kind: 'help';
    }
  | {
      /** `--version`. */
      kind: 'version';
    }
  | {
      /** A sync run. */
      kind: 'run';
      /** Its settings. */
      settings: CliSettings;
    };

const OPTIONS = {
  format: { type: 'string' },
  key: { type: 'string' },
  map: { type: 'string', multiple: true },
  'map-file': { type: 'string' },
  'empty-means': { type: 'string' },
  'dry-run': { type: 'boolean' },
  concurrency: { type: 'string' },
  'max-rps': { type: 'string' },
  'update-end-user-subscriptions': { type: 'boolean' },
  verify: { type: 'boolean' },
  'out-dir': { type: 'string' },
  journal: { type: 'string' },
  restart: { type: 'boolean' },
  report: { type: 'string' },
  results: { type: 'string' },
  'dead-letter': { type: 'string' },
  shard: { type: 'string' },
  'log-format': { type: 'string' },
  'log-level': { type: 'string' },
  progress: { type: 'string' },
  'progress-interval': { type: 'string' },
  url: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'env-file': { type: 'string' },
  'max-record-bytes': { type: 'string' },
  'drain-timeout': { type: 'string' },
  'max-consecutive-failures': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function number(
  flag: string,
  value: string | undefined,
  min: number,
  max: number,
  integer: boolean,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new UsageError(
      `--${flag} must be ${integer ? 'a whole number' : 'a number'} between ${min} and ${max}; got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

function explainParseError(e: unknown): UsageError {
  const message = e instanceof Error ? e.message : String(e);
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (flag && /secret|password|key-?secret/i.test(flag)) {
    return new UsageError(
      `${flag}: the secret key is never taken on the command line (it would show in ps and shell history); ` +
        'set TWOCHECKOUT_SECRET_KEY in the environment or in .env',
    );
  }
  return new UsageError(`${message.replace(/\. To specify a positional argument.*$/s, '')} (see --help)`);
}

/** Default output names: `<out-dir>/<name>[.shard-i-of-n].<ext>`, prefixed `dry-run.` for dry runs. */
function defaultFile(outDir: string, name: string, ext: string, dryRun: boolean, shard: string): string {
  return path.join(outDir, `${dryRun ? 'dry-run.' : ''}${name}${shard}.${ext}`);
}

/** Parses and validates the command line. Every problem is a UsageError naming the flag. */
export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw explainParseError(e);
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  if (parsed.positionals.length === 0) throw new UsageError('missing the input file (see --help)');
  if (parsed.positionals.length > 1) {
    throw new UsageError(
      `one input file per run; got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`,
    );
  }
  const input = parsed.positionals[0];

  const format: InputFormat | undefined =
    v.format !== undefined
      ? oneOf('format', v.format, ['csv', 'jsonl'] as const, 'csv')
      : formatFromPath(input);
  if (format === undefined) {
    throw new UsageError(
      `cannot tell the format of ${input} from its extension (.csv, .jsonl, .ndjson): pass --format csv|jsonl`,
    );
  }
  const key = v.key === undefined ? undefined : oneOf<KeyField>('key', v.key, KEY_FIELDS, KEY_FIELDS[0]);

  let map: Record<string, string | null> = {};
  try {
    if (v['map-file'] !== undefined) map = readMapFile(v['map-file']);
    for (const spec of v.map ?? []) {
      for (const [source, target] of Object.entries(parseMapSpec(spec))) {
        if (source in map) throw new UsageError(`--map: column "${source}" is mapped twice`);
        map[source] = target;
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    throw e;
  }

  const dryRun = v['dry-run'] ?? false;
  const shardSpec = v.shard === undefined ? undefined : parseShard(v.shard);
  if (typeof shardSpec === 'string') throw new UsageError(shardSpec);
  const shardSuffix =
    shardSpec && shardSpec.count > 1 ? `.shard-${shardSpec.index}-of-${shardSpec.count}` : '';

  const outDir = path.resolve(
    v['out-dir'] ?? path.join('sync-out', path.basename(input, path.extname(input))),
  );
  const results = v.results ?? defaultFile(outDir, 'results', 'ndjson', dryRun, shardSuffix);
  if (!/\.(ndjson|jsonl|csv)$/i.test(results)) {
    throw new UsageError(
      `--results must end in .ndjson, .jsonl (NDJSON) or .csv; got ${JSON.stringify(results)}`,
    );
  }
  const deadExt = format === 'csv' ? 'csv' : 'jsonl';
  const deadLetter = v['dead-letter'] ?? defaultFile(outDir, 'dead-letter', deadExt, dryRun, shardSuffix);
  if (format === 'csv' ? !/\.csv$/i.test(deadLetter) : !/\.(jsonl|ndjson)$/i.test(deadLetter)) {
    throw new UsageError(
      `--dead-letter is written in the input's format (${format}) so it can be the next run's input: name it *.${deadExt}`,
    );
  }
  const journal = v.journal ?? defaultFile(outDir, 'journal', 'ndjson', dryRun, shardSuffix);
  if (dryRun && v.journal !== undefined) {
    throw new UsageError(
      '--journal cannot be used with --dry-run (a dry run keeps its own journal in --out-dir)',
    );
  }
  const report = v.report ?? defaultFile(outDir, 'report', 'json', dryRun, shardSuffix);
  const files = [journal, report, results, deadLetter].map((f) => path.resolve(f));
  const inputPath = path.resolve(input);
  if (files.includes(inputPath))
    throw new UsageError('an output file (--journal/--report/--results/--dead-letter) is the input file');
  if (new Set(files).size !== files.length)
    throw new UsageError('--journal, --report, --results and --dead-letter must be different files');

  const url = v.url;
  if (url !== undefined) {
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
    } catch {
      throw new UsageError(`--url must be an absolute http(s) URL; got ${JSON.stringify(url)}`);
    }
  }

  const sync: SyncOptions = {
    input,
    format,
    key,
    map,
    emptyMeans: oneOf<EmptyMeans>('empty-means', v['empty-means'], ['skip', 'clear'], 'skip'),
    dryRun,
    concurrency:
      number('concurrency', v.concurrency, 1, DEFAULTS.maxConcurrency, true) ?? DEFAULTS.concurrency,
    maxRps: number('max-rps', v['max-rps'], 0.01, 10_000, false),
    updateEndUserSubscriptions: v['update-end-user-subscriptions'] ?? false,
    verify: v.verify ?? false,
    restart: v.restart ?? false,
    shard: shardSpec,
    files: {
      outDir,
      journal: path.resolve(journal),
      report: path.resolve(report),
      results: path.resolve(results),
      deadLetter: path.resolve(deadLetter),
    },
    maxRecordBytes:
      number('max-record-bytes', v['max-record-bytes'], 1024, 64 * 1024 * 1024, true) ??
      DEFAULTS.maxRecordBytes,
    drainTimeoutMs:
      (number('drain-timeout', v['drain-timeout'], 0, 3600, false) ?? DEFAULTS.drainTimeoutMs / 1000) * 1000,
    maxReportedChanges: DEFAULTS.maxReportedChanges,
    maxConsecutiveFailures:
      number('max-consecutive-failures', v['max-consecutive-failures'], 0, 1_000_000, true) ??
      DEFAULTS.maxConsecutiveFailures,
  };
  const timeoutMs = number('timeout-ms', v['timeout-ms'], 1, 600_000, true);
  return {
    kind: 'run',
    settings: {
      sync,
      logFormat: oneOf<LogFormat>('log-format', v['log-format'], ['text', 'json'], 'text'),
      logLevel: oneOf<LogLevel>('log-level', v['log-level'], ['debug', 'info', 'warn', 'error'], 'info'),
      progress: oneOf<ProgressMode>('progress', v.progress, ['auto', 'bar', 'lines', 'none'], 'auto'),
      progressIntervalMs:
        (number('progress-interval', v['progress-interval'], 1, 3600, false) ??
          DEFAULTS.progressIntervalMs / 1000) * 1000,
      client: {
        ...(url !== undefined ? { url } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        ...(v['env-file'] !== undefined ? { envFile: v['env-file'] } : {}),
      },
    },
  };
}
