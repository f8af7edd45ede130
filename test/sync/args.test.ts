import path from 'node:path';
import { parseCommandLine, type CliSettings } from '../../src/sync/args';
import { UsageError } from '../../src/sync/usage-error';

function settings(argv: string[]): CliSettings {
  const parsed = parseCommandLine(argv);
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
    expect(s).toMatchObject({ logFormat: 'text', logLevel: 'info', progress: 'auto', client: {} });
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
    expect(s.client).toEqual({ url: 'http://127.0.0.1:1/soap/4.0/', timeoutMs: 500 });
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
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('knows --help and --version', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h', 'x.csv'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' });
  });
});
