/**
 * Every twocheckout-sync flag in one table: its name, the value it takes, its default, its help
 * text and its environment variable (`TWOCHECKOUT_SYNC_<FLAG>`, upper case, `-` → `_`). args.ts
 * resolves the values (flag > environment > .env > default), help.ts prints the table, and a test
 * checks docs/sync.md against it.
 */
export type FlagGroup = 'Input' | 'What to do' | 'Files' | 'Operation' | 'Connection';

export const FLAG_GROUPS: readonly FlagGroup[] = ['Input', 'What to do', 'Files', 'Operation', 'Connection'];

export interface FlagSpec {
  /** Long name without the dashes. */
  readonly name: string;
  readonly type: 'string' | 'boolean';
  /** May be given more than once (the values add up). */
  readonly multiple?: boolean;
  readonly short?: string;
  /** What the value looks like in the help (`N`, `FILE`, `csv|jsonl`). */
  readonly arg?: string;
  /** The default as the help shows it; omitted when there is none. */
  readonly defaultText?: string;
  readonly group: FlagGroup;
  readonly help: string;
  /** false: no environment variable (help, version). */
  readonly env?: boolean;
  /** Other spellings still accepted (with a warning). */
  readonly aliases?: readonly string[];
  /**
   * The value may be left out: the bare flag means this value (`--show-changes` is
   * `--show-changes=20`), and `--no-<flag>` means `0`. The help shows `--flag[=ARG]`.
   */
  readonly bareValue?: string;
}

export const MAX_CONCURRENCY = 256;

export const FLAGS: readonly FlagSpec[] = [
  {
    name: 'format',
    type: 'string',
    arg: 'csv|jsonl',
    group: 'Input',
    defaultText: 'from the extension',
    help: 'input format (.csv, or .jsonl / .ndjson)',
  },
  {
    name: 'key',
    type: 'string',
    arg: 'FIELD',
    group: 'Input',
    defaultText: 'the key column the input has',
    help: 'AvangateCustomerReference or ExternalCustomerReference',
  },
  {
    name: 'map',
    type: 'string',
    multiple: true,
    arg: 'SRC=FIELD,...',
    group: 'Input',
    help: 'rename input columns to Customer fields; SRC= drops a column (repeatable)',
  },
  {
    name: 'map-file',
    type: 'string',
    arg: 'FILE',
    group: 'Input',
    help: 'the same as a JSON object {"SRC": "FIELD", "Notes": null}',
  },
  {
    name: 'empty-means',
    type: 'string',
    arg: 'skip|clear',
    group: 'Input',
    defaultText: 'skip',
    help: 'an empty cell leaves the field as it is (skip) or clears it (clear); \\N always clears',
  },
  {
    name: 'max-record-bytes',
    type: 'string',
    arg: 'N',
    group: 'Input',
    defaultText: '1048576',
    help: 'longest record accepted; longer ones are invalid records',
  },
  {
    name: 'dry-run',
    type: 'boolean',
    group: 'What to do',
    help: 'read only; list every planned change (old -> new) in the results',
  },
  {
    name: 'update-end-user-subscriptions',
    type: 'boolean',
    group: 'What to do',
    defaultText: 'off',
    help: "also copy changed contact details to the customer's subscriptions",
  },
  {
    name: 'verify',
    type: 'boolean',
    group: 'What to do',
    defaultText: 'off',
    help: 'read each customer back after writing and compare',
  },
  {
    name: 'concurrency',
    type: 'string',
    arg: 'N',
    group: 'What to do',
    defaultText: '8',
    help: `records in flight (1-${MAX_CONCURRENCY}); records of one key never run at once`,
  },
  {
    name: 'max-rps',
    type: 'string',
    arg: 'R',
    group: 'What to do',
    defaultText: 'none',
    help: 'at most R SOAP sends per second, retries and logins included (client-side budget)',
  },
  {
    name: 'shard',
    type: 'string',
    arg: 'I/N',
    group: 'What to do',
    help: 'process only shard I of N (split by a hash of the key)',
  },
  {
    name: 'out-dir',
    type: 'string',
    arg: 'DIR',
    group: 'Files',
    defaultText: './sync-out/<input name>',
    help: 'where the default files go',
  },
  {
    name: 'journal',
    type: 'string',
    arg: 'FILE',
    group: 'Files',
    defaultText: '<out-dir>/journal.ndjson',
    help: 'the resume journal (not with --dry-run)',
  },
  {
    name: 'restart',
    type: 'boolean',
    group: 'Files',
    help: 'set the journal aside (.prev) and start from the first record',
  },
  {
    name: 'report',
    type: 'string',
    arg: 'FILE',
    group: 'Files',
    defaultText: '<out-dir>/report.json',
    help: 'the run report (JSON)',
  },
  {
    name: 'results',
    type: 'string',
    arg: 'FILE',
    group: 'Files',
    defaultText: '<out-dir>/results.ndjson',
    help: 'one line per record, .ndjson/.jsonl or .csv',
  },
  {
    name: 'dead-letter',
    type: 'string',
    arg: 'FILE',
    group: 'Files',
    defaultText: '<out-dir>/dead-letter.csv (.jsonl)',
    help: "invalid and failed records in the input's format, with an _error column: fix them and use the file as the next run's input",
  },
  {
    name: 'log-format',
    type: 'string',
    arg: 'text|json',
    group: 'Operation',
    defaultText: 'text',
    help: 'log lines on stderr',
  },
  {
    name: 'log-level',
    type: 'string',
    arg: 'debug|info|warn|error',
    group: 'Operation',
    defaultText: 'info',
    help: 'the least important log lines shown',
  },
  {
    name: 'progress',
    type: 'string',
    arg: 'auto|bar|lines|none',
    group: 'Operation',
    defaultText: 'auto',
    help: 'a bar on a terminal, a log line every interval otherwise',
  },
  {
    name: 'progress-interval',
    type: 'string',
    arg: 'SECONDS',
    group: 'Operation',
    defaultText: '30',
    help: 'between progress log lines',
  },
  {
    name: 'drain-timeout',
    type: 'string',
    arg: 'SECONDS',
    group: 'Operation',
    defaultText: '30',
    help: 'after SIGINT/SIGTERM or a fatal error, how long records in flight may finish',
  },
  {
    name: 'max-consecutive-failures',
    type: 'string',
    arg: 'N',
    group: 'Operation',
    defaultText: '50',
    help: 'stop (exit 2) after N records in a row failed with errors that may pass later, i.e. the service looks down (0: never)',
  },
  {
    name: 'show-changes',
    type: 'string',
    arg: 'N|all',
    bareValue: '20',
    group: 'Operation',
    defaultText: '20 on a terminal, none otherwise',
    help: 'print the changes field by field on stdout (planned by a dry run, applied otherwise; values as in the results file), at most N lines; --no-show-changes: none',
  },
  {
    name: 'metrics-file',
    type: 'string',
    arg: 'FILE.prom',
    group: 'Files',
    defaultText: 'none',
    help: "write the run's metrics in Prometheus text format (node_exporter textfile collector), atomically",
  },
  {
    name: 'url',
    type: 'string',
    arg: 'URL',
    group: 'Connection',
    defaultText: 'TWOCHECKOUT_SOAP_URL',
    help: 'service URL',
  },
  {
    name: 'timeout-ms',
    type: 'string',
    arg: 'N',
    group: 'Connection',
    defaultText: 'TWOCHECKOUT_TIMEOUT_MS',
    help: 'per-request timeout in milliseconds',
  },
  {
    name: 'dotenv',
    type: 'string',
    arg: 'FILE',
    group: 'Connection',
    defaultText: './.env if it exists',
    help: 'read TWOCHECKOUT_* variables from FILE; a missing FILE is an error (exit 2)',
    // Node 20 itself scans every argument for --env-file and exits 9 when that file is missing,
    // before the sync runs; the old spelling only works when the file exists.
    aliases: ['env-file'],
  },
  { name: 'help', type: 'boolean', short: 'h', group: 'Operation', help: 'this text', env: false },
  { name: 'version', type: 'boolean', group: 'Operation', help: 'the version', env: false },
];

/** `concurrency` → `TWOCHECKOUT_SYNC_CONCURRENCY`. */
export function envName(flag: string): string {
  return `TWOCHECKOUT_SYNC_${flag.toUpperCase().replace(/-/g, '_')}`;
}

/** The input file can come from the environment too (a Kubernetes ConfigMap), when no argument names it. */
export const INPUT_ENV = 'TWOCHECKOUT_SYNC_INPUT';

export function flagSpec(name: string): FlagSpec {
  const spec = FLAGS.find((f) => f.name === name);
  if (!spec) throw new Error(`no such flag: ${name}`);
  return spec;
}
