import fs from 'node:fs';
import path from 'node:path';
import { parseCommandLine, type CliSettings } from '../../src/sync/args';
import { UsageError } from '../../src/sync/errors';
import { envName, FLAGS } from '../../src/sync/flags';
import { HELP } from '../../src/sync/help';
import { makeTmpDir, removeDir } from './tmp-dir';

const NO_ENV = { env: {}, defaultDotenv: false } as const;

function settings(argv: string[]): CliSettings {
  const parsed = parseCommandLine(argv, NO_ENV);
  if (parsed.kind !== 'run') throw new Error(`expected a run, got ${parsed.kind}`);
  return parsed.settings;
}

describe('command line', () => {
  it('has defaults a nightly job can live with', () => {
    const s = settings(['data/customers.csv']);
    const out = path.resolve('sync-out/customers');
    expect(s.sync).toMatchObject({
      input: 'data/customers.csv',
      format: 'csv',
      key: undefined,
      emptyMeans: 'skip',
      dryRun: false,
      concurrency: 8,
      maxRps: undefined,
      restart: false,
      files: {
        outDir: out,
        journal: path.join(out, 'journal.ndjson'),
        report: path.join(out, 'report.json'),
        results: path.join(out, 'results.ndjson'),
        deadLetter: path.join(out, 'dead-letter.csv'),
      },
      maxRecordBytes: 1024 * 1024,
      drainTimeoutMs: 30_000,
    });
    expect(s).toMatchObject({ logFormat: 'text', logLevel: 'info', progress: 'auto' });
    expect(s.client).toEqual({ maxSockets: 8, env: {} });
  });

  it('names dry-run and shard files apart, and takes every flag', () => {
    const s = settings([
      'in.jsonl',
      '--dry-run',
      '--shard',
      '2/3',
      '--out-dir',
      '/tmp/o',
      '--map',
      'Mail=Email',
      '--map',
      'Notes=',
      '--key',
      'AvangateCustomerReference',
      '--empty-means',
      'clear',
      '--concurrency',
      '3',
      '--max-rps',
      '2.5',
      '--verify',
      '--update-end-user-subscriptions',
      '--log-format',
      'json',
      '--progress',
      'none',
      '--url',
      'http://127.0.0.1:1/soap/4.0/',
      '--timeout-ms',
      '500',
    ]);
    expect(s.sync.files).toEqual({
      outDir: '/tmp/o',
      journal: '/tmp/o/dry-run.journal.shard-2-of-3.ndjson',
      report: '/tmp/o/dry-run.report.shard-2-of-3.json',
      results: '/tmp/o/dry-run.results.shard-2-of-3.ndjson',
      deadLetter: '/tmp/o/dry-run.dead-letter.shard-2-of-3.jsonl',
    });
    expect(s.sync).toMatchObject({
      format: 'jsonl',
      key: 'AvangateCustomerReference',
      map: { Mail: 'Email', Notes: null },
      emptyMeans: 'clear',
      concurrency: 3,
      maxRps: 2.5,
      verify: true,
      updateEndUserSubscriptions: true,
      shard: { index: 2, count: 3 },
    });
    expect(s.client).toEqual({
      url: 'http://127.0.0.1:1/soap/4.0/',
      timeoutMs: 500,
      maxSockets: 3,
      maxRps: 2.5,
      env: {},
    });
  });

  it.each([
    [['in.csv', '--bogus'], /Unknown option '--bogus'/],
    [['in.csv', '--secret-key', 'x'], /never taken on the command line/],
    [[], /missing the input file/],
    [['a.csv', 'b.csv'], /one input file per run/],
    [['in.txt'], /pass --format csv\|jsonl/],
    [['in.csv', '--format', 'xml'], /--format must be one of csv, jsonl/],
    [
      ['in.csv', '--key', 'Email'],
      /--key must be one of AvangateCustomerReference, ExternalCustomerReference/,
    ],
    [['in.csv', '--concurrency', '0'], /--concurrency must be a whole number between 1 and 256/],
    [['in.csv', '--concurrency', '257'], /--concurrency/],
    [['in.csv', '--max-rps', 'fast'], /--max-rps must be a number/],
    [['in.csv', '--shard', '3/2'], /--shard: the shard must be between 1 and 2/],
    [['in.csv', '--map', 'Mail'], /"Mail" is not of the form/],
    [['in.csv', '--results', 'r.txt'], /--results must end in/],
    [['in.csv', '--dead-letter', 'd.jsonl'], /--dead-letter is written in the input's format \(csv\)/],
    [['in.csv', '--dry-run', '--journal', 'j.ndjson'], /--journal cannot be used with --dry-run/],
    [['in.csv', '--report', 'x.json', '--results', 'x.json'], /--results must end in/],
    [['in.csv', '--report', 'x.csv', '--results', 'x.csv'], /must be different files/],
    [['in.csv', '--journal', 'in.csv'], /is the input file/],
    [['in.csv', '--url', 'ftp://x'], /--url must be an absolute http\(s\) URL/],
    [['in.csv', '--log-format', 'xml'], /--log-format must be one of text, json/],
    [['in.csv', '--progress', 'fancy'], /--progress must be one of/],
    [['in.csv', '--empty-means', 'null'], /--empty-means must be one of skip, clear/],
  ])('refuses %j with a message naming the flag', (argv, message) => {
    expect(() => parseCommandLine(argv, NO_ENV)).toThrow(UsageError);
    expect(() => parseCommandLine(argv, NO_ENV)).toThrow(message);
  });

  it('knows --help and --version', () => {
    expect(parseCommandLine(['--help'], NO_ENV)).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h', 'x.csv'], NO_ENV)).toEqual({ kind: 'help' });
    expect(parseCommandLine(['--version'], NO_ENV)).toEqual({ kind: 'version' });
  });
});

describe('flags from the environment and .env', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir();
  });
  afterEach(() => removeDir(dir));

  const run = (argv: string[], env: Record<string, string>, dotenv?: string): CliSettings => {
    const file = path.join(dir, '.env');
    if (dotenv !== undefined) fs.writeFileSync(file, dotenv);
    const parsed = parseCommandLine(argv, { env, defaultDotenv: file });
    if (parsed.kind !== 'run') throw new Error(parsed.kind);
    return parsed.settings;
  };

  it('every flag but help/version has TWOCHECKOUT_SYNC_<FLAG>, and --help lists each flag once', () => {
    for (const f of FLAGS) {
      if (f.env === false) continue;
      expect(envName(f.name)).toMatch(/^TWOCHECKOUT_SYNC_[A-Z_]+$/);
      expect(HELP.split(`--${f.name}`).length - 1).toBeGreaterThanOrEqual(1);
    }
    expect(envName('max-consecutive-failures')).toBe('TWOCHECKOUT_SYNC_MAX_CONSECUTIVE_FAILURES');
  });

  it('docs/sync.md lists every flag with its variable', () => {
    const docs = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'sync.md'), 'utf8');
    const table = docs.slice(docs.indexOf('## Flags'), docs.indexOf('## How one record is applied'));
    const rows = table.split('\n').filter((l) => l.startsWith('| `-'));
    for (const f of FLAGS) {
      if (f.env === false) continue;
      const row = rows.find((r) => r.startsWith(`| \`--${f.name}`));
      expect({ flag: f.name, row: row?.includes(`\`${envName(f.name)}\``) }).toEqual({
        flag: f.name,
        row: true,
      });
    }
    expect(rows).toHaveLength(FLAGS.filter((f) => f.env !== false).length + 1); // + the help/version row
  });

  it('precedence: flag > environment > .env > default', () => {
    const dotenv =
      'TWOCHECKOUT_SYNC_CONCURRENCY=3\nTWOCHECKOUT_SYNC_LOG_FORMAT=json\nTWOCHECKOUT_SYNC_VERIFY=yes\n';
    expect(run(['in.csv'], {}, '').sync.concurrency).toBe(8);
    expect(run(['in.csv'], {}, dotenv).sync.concurrency).toBe(3);
    expect(run(['in.csv'], { TWOCHECKOUT_SYNC_CONCURRENCY: '5' }, dotenv).sync.concurrency).toBe(5);
    expect(
      run(['in.csv', '--concurrency', '7'], { TWOCHECKOUT_SYNC_CONCURRENCY: '5' }, dotenv).sync.concurrency,
    ).toBe(7);
    const s = run(['in.csv'], {}, dotenv);
    expect(s.logFormat).toBe('json');
    expect(s.sync.verify).toBe(true);
    // A yes/no flag set by the environment is turned off on the command line with --no-<flag>.
    expect(run(['in.csv', '--no-verify'], { TWOCHECKOUT_SYNC_VERIFY: 'true' }).sync.verify).toBe(false);
    // Empty means unset (a ConfigMap entry left blank).
    expect(run(['in.csv'], { TWOCHECKOUT_SYNC_CONCURRENCY: '' }, dotenv).sync.concurrency).toBe(3);
  });

  it('the client gets the .env variables under the real environment, and maxSockets = concurrency', () => {
    const s = run(
      ['in.csv', '--concurrency', '200'],
      { TWOCHECKOUT_MERCHANT_CODE: 'REAL' },
      'TWOCHECKOUT_MERCHANT_CODE=FILE\nTWOCHECKOUT_SECRET_KEY=k\n',
    );
    expect(s.client.env).toMatchObject({ TWOCHECKOUT_MERCHANT_CODE: 'REAL', TWOCHECKOUT_SECRET_KEY: 'k' });
    expect(s.client.maxSockets).toBe(200);
  });

  it('the input, the map and the files can come from the environment too', () => {
    const s = run([], {
      TWOCHECKOUT_SYNC_INPUT: 'export/customers.jsonl',
      TWOCHECKOUT_SYNC_MAP: 'Mail=Email,Notes=',
      TWOCHECKOUT_SYNC_OUT_DIR: '/srv/out',
      TWOCHECKOUT_SYNC_SHARD: '2/4',
      TWOCHECKOUT_SYNC_DRY_RUN: '0',
    });
    expect(s.sync).toMatchObject({
      input: 'export/customers.jsonl',
      format: 'jsonl',
      map: { Mail: 'Email', Notes: null },
      shard: { index: 2, count: 4 },
      dryRun: false,
    });
    expect(s.sync.files.journal).toBe('/srv/out/journal.shard-2-of-4.ndjson');
  });

  it.each([
    [{ TWOCHECKOUT_SYNC_CONCURRENCY: 'lots' }, '', /TWOCHECKOUT_SYNC_CONCURRENCY must be a whole number/],
    [{}, 'TWOCHECKOUT_SYNC_MAX_RPS=fast\n', /TWOCHECKOUT_SYNC_MAX_RPS \(in .*\.env\) must be a number/],
    [{ TWOCHECKOUT_SYNC_VERIFY: 'maybe' }, '', /TWOCHECKOUT_SYNC_VERIFY must be true or false/],
    [{ TWOCHECKOUT_SYNC_SHARD: '5/2' }, '', /TWOCHECKOUT_SYNC_SHARD: the shard must be between/],
  ])('a bad value from %j / .env %j names the variable', (env, dotenv, message) => {
    expect(() => run(['in.csv'], env as Record<string, string>, dotenv)).toThrow(message);
  });

  it('--show-changes takes an optional count: bare is 20, =N or a following count, all, --no- is none', () => {
    const shown = (argv: string[], env: Record<string, string> = {}) => run(argv, env).showChanges;
    expect(shown(['in.csv'])).toBe('auto');
    expect(shown(['in.csv', '--show-changes'])).toBe(20);
    expect(shown(['--show-changes', 'in.csv'])).toBe(20); // the input is not taken as its value
    expect(shown(['--show-changes', '50', 'in.csv'])).toBe(50);
    expect(shown(['in.csv', '--show-changes=7'])).toBe(7);
    expect(shown(['in.csv', '--show-changes=all'])).toBe('all');
    expect(shown(['in.csv', '--show-changes', 'all'])).toBe('all');
    expect(shown(['in.csv', '--no-show-changes'], { TWOCHECKOUT_SYNC_SHOW_CHANGES: 'all' })).toBe(0);
    expect(shown(['in.csv'], { TWOCHECKOUT_SYNC_SHOW_CHANGES: '100' })).toBe(100);
    expect(shown(['in.csv'], { TWOCHECKOUT_SYNC_SHOW_CHANGES: 'yes' })).toBe(20);
    expect(shown(['in.csv'], { TWOCHECKOUT_SYNC_SHOW_CHANGES: 'off' })).toBe(0);
    expect(shown(['in.csv', '--show-changes=3'], { TWOCHECKOUT_SYNC_SHOW_CHANGES: 'all' })).toBe(3);
    // After --, everything is an argument: a file named --show-changes is an input file.
    expect(run(['--format', 'csv', '--', '--show-changes'], {}).sync.input).toBe('--show-changes');
    expect(() => run(['in.csv', '--show-changes=lots'], {})).toThrow(
      /--show-changes must be a number of lines \(0 for none\), all or auto; got "lots"/,
    );
    expect(() => run(['in.csv'], { TWOCHECKOUT_SYNC_SHOW_CHANGES: '-1' })).toThrow(
      /TWOCHECKOUT_SYNC_SHOW_CHANGES must be a number of lines/,
    );
    expect(HELP).toContain('--show-changes[=N|all]');
  });

  it('--metrics-file must be a .prom file (the textfile collector reads nothing else), apart from the others', () => {
    const s = run(['in.csv', '--metrics-file', 'metrics/sync.prom'], {});
    expect(s.sync.files.metrics).toBe(path.resolve('metrics/sync.prom'));
    expect(run(['in.csv'], {}).sync.files.metrics).toBeUndefined();
    expect(
      run(['in.csv'], { TWOCHECKOUT_SYNC_METRICS_FILE: '/var/lib/node_exporter/sync.prom' }).sync.files
        .metrics,
    ).toBe('/var/lib/node_exporter/sync.prom');
    expect(() => run(['in.csv', '--metrics-file', 'sync.txt'], {})).toThrow(
      /--metrics-file must end in \.prom \(the node_exporter textfile collector reads only \*\.prom files\)/,
    );
    expect(() => run(['in.csv', '--metrics-file', 'r.prom', '--report', 'r.prom'], {})).toThrow(
      /must be different files/,
    );
  });
});
