import { parseArgs } from 'node:util';
import type { FaultTiming, SandboxOptions } from './options';

export class UsageError extends Error {}

/** What the flags build up; `finish` turns it into SandboxOptions. */
interface Draft {
  options: SandboxOptions;
  faults: NonNullable<SandboxOptions['faults']>;
  verbose: boolean;
  rate?: number;
  burst?: number;
}

type Section = 'Server' | 'Fault injection (deterministic for a given --fault-seed and request order)';
const SERVER: Section = 'Server';
const FAULTS: Section = 'Fault injection (deterministic for a given --fault-seed and request order)';

interface StringFlag {
  type: 'string';
  multiple?: true;
  /** The value's name in --help. */
  arg: string;
  section: Section;
  help: string;
  apply(value: string, draft: Draft, flag: string): void;
}
interface BooleanFlag {
  type: 'boolean';
  short?: string;
  section: Section;
  help: string;
  apply(draft: Draft): void;
}
type Flag = StringFlag | BooleanFlag;

function num(flag: string, text: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`${flag}: expected a number from ${min} to ${max}, got "${text}"`);
  return n;
}

function int(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = num(flag, text, min, max);
  if (!Number.isInteger(n)) throw new UsageError(`${flag}: expected a whole number, got "${text}"`);
  return n;
}

const rate =
  (key: 'http500Rate' | 'http503Rate' | 'resetRate' | 'hangRate') =>
  (v: string, d: Draft, flag: string): void => {
    d.faults[key] = num(flag, v, 0, 1);
  };

/**
 * Every flag in one table: how node:util parseArgs reads it, its --help line and what it sets.
 * Adding a flag is adding one entry.
 */
const FLAGS = {
  port: {
    type: 'string',
    arg: 'N',
    section: SERVER,
    help: 'listen port (default 8080; 0 = any free port)',
    apply: (v, d, f) => (d.options.port = int(f, v, 0, 65535)),
  },
  host: {
    type: 'string',
    arg: 'ADDR',
    section: SERVER,
    help: 'listen address (default 127.0.0.1)',
    apply: (v, d) => (d.options.host = v),
  },
  db: {
    type: 'string',
    arg: 'FILE',
    section: SERVER,
    help:
      'keep state in this SQLite file (survives restarts; default: memory;\n' +
      'needs the optional package better-sqlite3)',
    apply: (v, d) => (d.options.db = v),
  },
  seed: {
    type: 'string',
    arg: 'FILE',
    section: SERVER,
    help: 'load merchants and data from a JSON seed (default: the bundled demo seed)',
    apply: (v, d) => (d.options.seed = v),
  },
  'no-seed': {
    type: 'boolean',
    section: SERVER,
    help: 'start with no data (add merchants with --merchant)',
    apply: (d) => (d.options.seed = false),
  },
  merchant: {
    type: 'string',
    multiple: true,
    arg: 'CODE:KEY',
    section: SERVER,
    help: 'add a merchant (repeatable); keys are never printed',
    apply: (v, d) => {
      const colon = v.indexOf(':');
      if (colon <= 0 || colon === v.length - 1) throw new UsageError('--merchant: expected CODE:KEY');
      (d.options.merchants ??= []).push({ code: v.slice(0, colon), secretKey: v.slice(colon + 1) });
    },
  },
  'allow-md5': {
    type: 'boolean',
    section: SERVER,
    help:
      'accept the legacy 3-part HMAC-MD5 login (refused by default, as the\n' +
      'live service does since 2024); for rehearsing old code such as the\n' +
      "vendor's 4.0 sample",
    apply: (d) => (d.options.allowMd5 = true),
  },
  'login-window-s': {
    type: 'string',
    arg: 'N',
    section: SERVER,
    help: 'accepted login date skew either way, seconds (default 600)',
    apply: (v, d, f) => (d.options.loginWindowMs = num(f, v, 1) * 1000),
  },
  'session-ttl-s': {
    type: 'string',
    arg: 'N',
    section: SERVER,
    help: 'session lifetime from login, seconds (default 600)',
    apply: (v, d, f) => (d.options.sessionTtlMs = num(f, v, 0.001) * 1000),
  },
  'expire-sessions-every-s': {
    type: 'string',
    arg: 'N',
    section: SERVER,
    help: 'expire all sessions periodically',
    apply: (v, d, f) => (d.options.expireSessionsEveryMs = num(f, v, 0.001) * 1000),
  },
  'max-body-bytes': {
    type: 'string',
    arg: 'N',
    section: SERVER,
    help: 'larger requests get HTTP 413 (default 1048576)',
    apply: (v, d, f) => (d.options.maxBodyBytes = int(f, v, 1)),
  },
  'max-connections': {
    type: 'string',
    arg: 'N',
    section: SERVER,
    help: 'connections served at once; requests on more get HTTP 503 (default 128)',
    apply: (v, d, f) => (d.options.maxConnections = int(f, v, 1, 100_000)),
  },
  verbose: {
    type: 'boolean',
    section: SERVER,
    help: 'one log line per request (never keys, hashes or session IDs)',
    apply: (d) => (d.verbose = true),
  },
  'latency-ms': {
    type: 'string',
    arg: 'N',
    section: FAULTS,
    help: 'added to every SOAP request',
    apply: (v, d, f) => (d.faults.latencyMs = num(f, v)),
  },
  'jitter-ms': {
    type: 'string',
    arg: 'N',
    section: FAULTS,
    help: 'plus a uniform random 0..N ms',
    apply: (v, d, f) => (d.faults.jitterMs = num(f, v)),
  },
  'http500-rate': {
    type: 'string',
    arg: 'R',
    section: FAULTS,
    help: '0..1: SOAP-ENV:Server fault with HTTP 500',
    apply: rate('http500Rate'),
  },
  'http503-rate': {
    type: 'string',
    arg: 'R',
    section: FAULTS,
    help: '0..1: HTTP 503 with a non-SOAP body',
    apply: rate('http503Rate'),
  },
  'reset-rate': {
    type: 'string',
    arg: 'R',
    section: FAULTS,
    help: '0..1: connection reset instead of an answer',
    apply: rate('resetRate'),
  },
  'hang-rate': {
    type: 'string',
    arg: 'R',
    section: FAULTS,
    help: '0..1: never answer',
    apply: rate('hangRate'),
  },
  'fault-timing': {
    type: 'string',
    arg: 'T',
    section: FAULTS,
    help:
      'before | after | random: whether an injected 500/reset happens\n' +
      'before or after the operation is applied (default after)',
    apply: (v, d) => {
      if (!['before', 'after', 'random'].includes(v))
        throw new UsageError('--fault-timing: expected before, after or random');
      d.faults.timing = v as FaultTiming;
    },
  },
  'fault-ops': {
    type: 'string',
    arg: 'A,B',
    section: FAULTS,
    help: 'inject only into these operations',
    apply: (v, d) =>
      (d.faults.operations = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)),
  },
  'fault-seed': {
    type: 'string',
    arg: 'N',
    section: FAULTS,
    help: 'PRNG seed (default 1)',
    apply: (v, d, f) => (d.faults.seed = num(f, v)),
  },
  'rate-limit': {
    type: 'string',
    arg: 'N',
    section: FAULTS,
    help: 'per-merchant requests per second (TOO_MANY_REQUESTS beyond)',
    apply: (v, d, f) => (d.rate = num(f, v, 0.001)),
  },
  'rate-burst': {
    type: 'string',
    arg: 'N',
    section: FAULTS,
    help: 'bucket size for --rate-limit (default N)',
    apply: (v, d, f) => (d.burst = num(f, v, 1)),
  },
  help: { type: 'boolean', short: 'h', section: SERVER, help: 'show this help', apply: () => undefined },
  version: { type: 'boolean', section: SERVER, help: 'print the version', apply: () => undefined },
} satisfies Record<string, Flag>;

type FlagName = keyof typeof FLAGS;
const TABLE = FLAGS as Record<FlagName, Flag>;

function helpText(): string {
  const rows = (section: Section): string =>
    (Object.entries(TABLE) as [FlagName, Flag][])
      .filter(([name, f]) => f.section === section && name !== 'help' && name !== 'version')
      .map(([name, f]) => {
        const left = `  --${name}${f.type === 'string' ? ` ${f.arg}` : ''}`;
        const [first, ...more] = f.help.split('\n');
        const pad = left.length < 27 ? left.padEnd(27) : `${left}   `;
        return [pad + first, ...more.map((m) => `${' '.repeat(27)}${m}`)].join('\n');
      })
      .join('\n');
  return `Usage: twocheckout-sandbox [options]    (npm run sandbox -- [options])

A local stand-in for 2Checkout's SOAP API 4.0, built from the public documentation.
It is not 2Checkout: use it for tests, demos and rehearsals.

${SERVER}
${rows(SERVER)}

${FAULTS}
${rows(FAULTS)}

  -h, --help               show this help
  --version                print the version
`;
}

export const HELP = helpText();

export type CliConfig =
  { kind: 'help' } | { kind: 'version' } | { kind: 'run'; options: SandboxOptions; verbose: boolean };

function parseOptions() {
  const out: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [name, f] of Object.entries(TABLE)) {
    out[name] = {
      type: f.type,
      ...(f.type === 'string' && f.multiple ? { multiple: true } : {}),
      ...(f.type === 'boolean' && f.short ? { short: f.short } : {}),
    };
  }
  return out;
}
const PARSE_OPTIONS = parseOptions();

/** node:util's messages, in the words of this CLI (and without its hints about positionals). */
function explain(err: unknown): UsageError {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  const flag = /'(-{1,2}[^' =]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag)
    return new UsageError(`Unknown option ${flag} (see --help)`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    return /argument missing/.test(message)
      ? new UsageError(`${flag} needs a value`)
      : /does not take an argument/.test(message)
        ? new UsageError(`${flag} takes no value`)
        : new UsageError(`${flag} needs a value (to pass one starting with "-", write ${flag}=VALUE)`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UsageError(`Unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? ''} (see --help)`);
  }
  return new UsageError(`${message.split('. ')[0]} (see --help)`);
}

/** Parses the sandbox's command line (node:util parseArgs). Every problem is a UsageError naming the flag. */
export function parseCliArgs(argv: readonly string[]): CliConfig {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: PARSE_OPTIONS, strict: true, tokens: true });
  } catch (err) {
    throw explain(err);
  }
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option') continue;
    const f = TABLE[t.name as FlagName];
    if (f.type === 'string' && f.multiple) continue;
    if (seen.has(t.name)) throw new UsageError(`--${t.name} is given twice`);
    seen.add(t.name);
  }
  const v = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  if (v.seed !== undefined && v['no-seed']) throw new UsageError('--seed and --no-seed exclude each other');

  const draft: Draft = { options: { port: 8080 }, faults: {}, verbose: false };
  for (const [name, f] of Object.entries(TABLE) as [FlagName, Flag][]) {
    const value = v[name];
    if (value === undefined || value === false) continue;
    if (f.type === 'boolean') f.apply(draft);
    else for (const one of Array.isArray(value) ? value : [String(value)]) f.apply(one, draft, `--${name}`);
  }
  if (draft.burst !== undefined && draft.rate === undefined)
    throw new UsageError('--rate-burst needs --rate-limit');
  if (draft.rate !== undefined)
    draft.options.rateLimit = { requestsPerSecond: draft.rate, burst: draft.burst };
  if (Object.keys(draft.faults).length > 0) draft.options.faults = draft.faults;
  return { kind: 'run', options: draft.options, verbose: draft.verbose };
}
