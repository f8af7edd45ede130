import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseDotenv } from 'dotenv';
import {
  dataRecord,
  KEY_FIELDS,
  parseMapSpec,
  readMapFile,
  type ColumnMap,
  type KeyField,
} from './column-map';
import { InputError, UsageError } from './errors';
import { envName, flagSpec, FLAGS, INPUT_ENV, MAX_CONCURRENCY } from './flags';
import type { InputFormat } from './input/input-item';
import { formatFromPath } from './input/open-input';
import type { LogFormat, LogLevel } from './log';
import type { ProgressMode } from './progress';
import type { EmptyMeans } from './record-patch';
import { parseShard } from './shard';
import { DEFAULTS, type SyncOptions } from './sync-options';

/** Environment variables by name. */
export type Env = Readonly<Record<string, string | undefined>>;

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
  /**
   * `--show-changes`: how many change lines to print on stdout at the end (`all`: every one the
   * report holds), or `auto`: 20 when stdout is a terminal, none otherwise (a cron mail stays short).
   */
  showChanges: number | 'all' | 'auto';
  /**
   * What the client is built from: the environment merged over the .env file (real variables
   * win), and overrides from flags. Never credentials from the command line.
   */
  client: {
    /** `--url`, when given. */
    url?: string;
    /** `--timeout-ms`, when given. */
    timeoutMs?: number;
    /** Keep-alive sockets: follows `--concurrency`. */
    maxSockets: number;
    /** `--max-rps`: the client's budget of SOAP sends per second. */
    maxRps?: number;
    /** The variables the client reads its configuration from. */
    env: Env;
  };
  /** Things worth a warning once the logger exists (a deprecated spelling…). */
  warnings: string[];
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

/** Where {@link parseCommandLine} reads the environment and the .env file from (tests inject them). */
export interface ParseContext {
  /** The environment (default process.env). */
  env?: Env;
  /** The .env read when neither --dotenv nor TWOCHECKOUT_SYNC_DOTENV names one (default ./.env; false: none). */
  defaultDotenv?: string | false;
}

type RawValue = string | boolean | string[];

/** The flag naming the .env file (its own value cannot come from that file). */
const DOTENV = 'dotenv';

const PARSE_OPTIONS = Object.fromEntries(
  FLAGS.flatMap((f) => {
    const option = {
      type: f.type,
      ...(f.multiple ? { multiple: true } : {}),
      ...(f.short ? { short: f.short } : {}),
    };
    return [[f.name, option], ...(f.aliases ?? []).map((a) => [a, { type: f.type }])];
  }),
) as Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

const BARE_VALUES = new Map(FLAGS.filter((f) => f.bareValue !== undefined).map((f) => [f.name, f.bareValue]));

/**
 * parseArgs has no optional values: `--show-changes` alone becomes `--show-changes=20`, or takes
 * the next argument when that is a count (`--show-changes 50`), and `--no-show-changes` becomes
 * `--show-changes=0`. Arguments after `--` are left alone.
 */
function expandBareValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const bare = /^--(no-)?([a-z-]+)$/.exec(arg);
    const value = bare ? BARE_VALUES.get(bare[2]) : undefined;
    if (!bare || value === undefined) {
      out.push(arg);
    } else if (bare[1]) {
      out.push(`--${bare[2]}=0`);
    } else if (/^(\d+|all)$/.test(argv[i + 1] ?? '')) {
      out.push(`--${bare[2]}=${argv[i + 1]}`);
      i += 1;
    } else out.push(`--${bare[2]}=${value}`);
  }
  return out;
}

/** `--show-changes` / TWOCHECKOUT_SYNC_SHOW_CHANGES: a count, `all`, `auto`, or yes/no. */
function showChanges(values: FlagValues): CliSettings['showChanges'] {
  const r = values.string('show-changes');
  if (r === undefined) return 'auto';
  const v = r.value.trim().toLowerCase();
  if (v === 'auto' || v === 'all') return v;
  if (['true', 'yes', 'on'].includes(v)) return Number(flagSpec('show-changes').bareValue);
  if (['false', 'no', 'off'].includes(v)) return 0;
  if (/^\d+$/.test(v) && Number(v) <= 1_000_000) return Number(v);
  throw new UsageError(
    `${r.where} must be a number of lines (0 for none), all or auto; got ${JSON.stringify(r.value)}`,
  );
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

function readDotenv(file: string, explicit: string | undefined): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (explicit === undefined && code === 'ENOENT') return {};
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code;
    throw new UsageError(`${explicit ?? '.env'} ${file}: cannot read it (${why ?? String(e)})`);
  }
  return parseDotenv(text);
}

/**
 * Where each flag's value comes from, in this order: the command line, the environment
 * (`TWOCHECKOUT_SYNC_<FLAG>`), the .env file, the default. `where` names the source in messages.
 */
class FlagValues {
  constructor(
    private readonly cli: Record<string, RawValue | undefined>,
    private readonly env: Env,
    private readonly dotenv: Record<string, string>,
    private readonly dotenvFile: string | undefined,
  ) {}

  raw(name: string): { value: RawValue; where: string } | undefined {
    const fromCli = this.cli[name];
    if (fromCli !== undefined) return { value: fromCli, where: `--${name}` };
    const variable = envName(name);
    const fromEnv = this.env[variable];
    if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, where: variable };
    const fromFile = this.dotenv[variable];
    if (fromFile !== undefined && fromFile !== '')
      return { value: fromFile, where: `${variable} (in ${this.dotenvFile})` };
    return undefined;
  }

  string(name: string): { value: string; where: string } | undefined {
    const r = this.raw(name);
    if (r === undefined) return undefined;
    return { value: Array.isArray(r.value) ? r.value.join(',') : String(r.value), where: r.where };
  }

  list(name: string): { values: string[]; where: string } | undefined {
    const r = this.raw(name);
    if (r === undefined) return undefined;
    return { values: Array.isArray(r.value) ? r.value : [String(r.value)], where: r.where };
  }

  boolean(name: string, fallback: boolean): boolean {
    const r = this.raw(name);
    if (r === undefined) return fallback;
    if (typeof r.value === 'boolean') return r.value;
    const v = String(r.value).trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    throw new UsageError(`${r.where} must be true or false; got ${JSON.stringify(r.value)}`);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const r = this.string(name);
    if (r === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(r.value)) {
      throw new UsageError(`${r.where} must be one of ${allowed.join(', ')}; got ${JSON.stringify(r.value)}`);
    }
    return r.value as T;
  }

  number(name: string, min: number, max: number, integer: boolean): number | undefined {
    const r = this.string(name);
    if (r === undefined) return undefined;
    const n = Number(r.value);
    if (
      r.value.trim() === '' ||
      !Number.isFinite(n) ||
      (integer && !Number.isInteger(n)) ||
      n < min ||
      n > max
    ) {
      throw new UsageError(
        `${r.where} must be ${integer ? 'a whole number' : 'a number'} between ${min} and ${max}; got ${JSON.stringify(r.value)}`,
      );
    }
    return n;
  }
}

/** Default output names: `<out-dir>/<name>[.shard-i-of-n].<ext>`, prefixed `dry-run.` for dry runs. */
function defaultFile(outDir: string, name: string, ext: string, dryRun: boolean, shard: string): string {
  return path.join(outDir, `${dryRun ? 'dry-run.' : ''}${name}${shard}.${ext}`);
}

function columnMap(values: FlagValues): ColumnMap {
  const map = dataRecord<string | null>();
  try {
    const file = values.string('map-file');
    if (file !== undefined) Object.assign(map, readMapFile(file.value));
    for (const spec of values.list('map')?.values ?? []) {
      for (const [source, target] of Object.entries(parseMapSpec(spec))) {
        if (Object.hasOwn(map, source)) throw new UsageError(`--map: column "${source}" is mapped twice`);
        map[source] = target;
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    throw e;
  }
  return map;
}

/**
 * Parses and validates the command line, with each flag's fallback to `TWOCHECKOUT_SYNC_<FLAG>`
 * in the environment, then in the .env file. Every problem is a UsageError naming the flag or
 * the variable.
 */
export function parseCommandLine(argv: readonly string[], context: ParseContext = {}): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: expandBareValues(argv),
      options: PARSE_OPTIONS,
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
  } catch (e) {
    throw explainParseError(e);
  }
  const cli = { ...parsed.values } as Record<string, RawValue | undefined>;
  if (cli.help) return { kind: 'help' };
  if (cli.version) return { kind: 'version' };
  const warnings: string[] = [];
  const spelled: Record<string, string> = {};
  for (const flag of FLAGS) {
    for (const alias of flag.aliases ?? []) {
      if (cli[alias] === undefined) continue;
      if (cli[flag.name] !== undefined)
        throw new UsageError(`--${alias} and --${flag.name} are the same flag`);
      cli[flag.name] = cli[alias];
      spelled[flag.name] = alias;
      warnings.push(`--${alias} is deprecated: use --${flag.name}`);
    }
  }

  const env = context.env ?? process.env;
  const explicitDotenv =
    cli[DOTENV] !== undefined
      ? `--${spelled[DOTENV] ?? DOTENV}`
      : env[envName(DOTENV)]
        ? envName(DOTENV)
        : undefined;
  const dotenvFile =
    cli[DOTENV] !== undefined
      ? String(cli[DOTENV])
      : env[envName(DOTENV)] ||
        (context.defaultDotenv === undefined ? path.resolve('.env') : context.defaultDotenv || undefined);
  const dotenv = dotenvFile ? readDotenv(dotenvFile, explicitDotenv) : {};
  const values = new FlagValues(cli, env, dotenv, dotenvFile);

  if (parsed.positionals.length > 1) {
    throw new UsageError(
      `one input file per run; got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`,
    );
  }
  const input = parsed.positionals[0] ?? (env[INPUT_ENV] || undefined) ?? (dotenv[INPUT_ENV] || undefined);
  if (input === undefined) throw new UsageError(`missing the input file (or ${INPUT_ENV}; see --help)`);

  const format: InputFormat | undefined =
    values.raw('format') !== undefined
      ? values.oneOf('format', ['csv', 'jsonl'] as const, 'csv')
      : formatFromPath(input);
  if (format === undefined) {
    throw new UsageError(
      `cannot tell the format of ${input} from its extension (.csv, .jsonl, .ndjson): pass --format csv|jsonl`,
    );
  }
  const key =
    values.raw('key') === undefined ? undefined : values.oneOf<KeyField>('key', KEY_FIELDS, KEY_FIELDS[0]);
  const map = columnMap(values);

  const dryRun = values.boolean('dry-run', false);
  const shardValue = values.string('shard');
  const shardSpec = shardValue === undefined ? undefined : parseShard(shardValue.value);
  if (typeof shardSpec === 'string') {
    throw new UsageError(shardSpec.replace(/^--shard/, shardValue?.where ?? '--shard'));
  }
  const shardSuffix =
    shardSpec && shardSpec.count > 1 ? `.shard-${shardSpec.index}-of-${shardSpec.count}` : '';

  const outDir = path.resolve(
    values.string('out-dir')?.value ?? path.join('sync-out', path.basename(input, path.extname(input))),
  );
  const results =
    values.string('results')?.value ?? defaultFile(outDir, 'results', 'ndjson', dryRun, shardSuffix);
  if (!/\.(ndjson|jsonl|csv)$/i.test(results)) {
    throw new UsageError(
      `--results must end in .ndjson, .jsonl (NDJSON) or .csv; got ${JSON.stringify(results)}`,
    );
  }
  const deadExt = format === 'csv' ? 'csv' : 'jsonl';
  const deadLetter =
    values.string('dead-letter')?.value ?? defaultFile(outDir, 'dead-letter', deadExt, dryRun, shardSuffix);
  if (format === 'csv' ? !/\.csv$/i.test(deadLetter) : !/\.(jsonl|ndjson)$/i.test(deadLetter)) {
    throw new UsageError(
      `--dead-letter is written in the input's format (${format}) so it can be the next run's input: name it *.${deadExt}`,
    );
  }
  const journalValue = values.string('journal');
  if (dryRun && journalValue !== undefined) {
    throw new UsageError(
      '--journal cannot be used with --dry-run (a dry run keeps its own journal in --out-dir)',
    );
  }
  const journal = journalValue?.value ?? defaultFile(outDir, 'journal', 'ndjson', dryRun, shardSuffix);
  const report = values.string('report')?.value ?? defaultFile(outDir, 'report', 'json', dryRun, shardSuffix);
  const metricsValue = values.string('metrics-file');
  if (metricsValue !== undefined && !/\.prom$/.test(metricsValue.value)) {
    // node_exporter's textfile collector reads only *.prom files: any other name would be ignored.
    throw new UsageError(
      `${metricsValue.where} must end in .prom (the node_exporter textfile collector reads only *.prom files); got ${JSON.stringify(metricsValue.value)}`,
    );
  }
  const metrics = metricsValue?.value;
  const files = [journal, report, results, deadLetter, ...(metrics !== undefined ? [metrics] : [])].map((f) =>
    path.resolve(f),
  );
  const inputPath = path.resolve(input);
  if (files.includes(inputPath))
    throw new UsageError(
      'an output file (--journal/--report/--results/--dead-letter/--metrics-file) is the input file',
    );
  if (new Set(files).size !== files.length)
    throw new UsageError(
      '--journal, --report, --results, --dead-letter and --metrics-file must be different files',
    );

  const urlValue = values.string('url');
  if (urlValue !== undefined) {
    try {
      const u = new URL(urlValue.value);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
    } catch {
      throw new UsageError(
        `${urlValue.where} must be an absolute http(s) URL; got ${JSON.stringify(urlValue.value)}`,
      );
    }
  }

  const concurrency = values.number('concurrency', 1, MAX_CONCURRENCY, true) ?? DEFAULTS.concurrency;
  const maxRps = values.number('max-rps', 0.01, 10_000, false);
  const sync: SyncOptions = {
    input,
    format,
    key,
    map,
    emptyMeans: values.oneOf<EmptyMeans>('empty-means', ['skip', 'clear'], 'skip'),
    dryRun,
    concurrency,
    maxRps,
    updateEndUserSubscriptions: values.boolean('update-end-user-subscriptions', false),
    verify: values.boolean('verify', false),
    restart: values.boolean('restart', false),
    shard: shardSpec,
    files: {
      outDir,
      journal: path.resolve(journal),
      report: path.resolve(report),
      results: path.resolve(results),
      deadLetter: path.resolve(deadLetter),
      ...(metrics !== undefined ? { metrics: path.resolve(metrics) } : {}),
    },
    maxRecordBytes:
      values.number('max-record-bytes', 1024, 64 * 1024 * 1024, true) ?? DEFAULTS.maxRecordBytes,
    drainTimeoutMs: (values.number('drain-timeout', 0, 3600, false) ?? DEFAULTS.drainTimeoutMs / 1000) * 1000,
    maxReportedChanges: DEFAULTS.maxReportedChanges,
    maxConsecutiveFailures:
      values.number('max-consecutive-failures', 0, 1_000_000, true) ?? DEFAULTS.maxConsecutiveFailures,
  };
  const timeoutMs = values.number('timeout-ms', 1, 600_000, true);
  return {
    kind: 'run',
    settings: {
      sync,
      logFormat: values.oneOf<LogFormat>('log-format', ['text', 'json'], 'text'),
      logLevel: values.oneOf<LogLevel>('log-level', ['debug', 'info', 'warn', 'error'], 'info'),
      progress: values.oneOf<ProgressMode>('progress', ['auto', 'bar', 'lines', 'none'], 'auto'),
      progressIntervalMs:
        (values.number('progress-interval', 1, 3600, false) ?? DEFAULTS.progressIntervalMs / 1000) * 1000,
      showChanges: showChanges(values),
      client: {
        ...(urlValue !== undefined ? { url: urlValue.value } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        // One request in flight per record: the client needs no more sockets than records in flight.
        maxSockets: concurrency,
        // The client's limiter charges every SOAP send, retries and logins included.
        ...(maxRps !== undefined ? { maxRps } : {}),
        // Real environment variables win over the .env file (dotenv's rule).
        env: { ...dotenv, ...env },
      },
      warnings,
    },
  };
}
