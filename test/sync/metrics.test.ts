import fs from 'node:fs';
import path from 'node:path';
import { emptyCounts } from '../../src/sync/output/render-outputs';
import { METRIC_PREFIX, renderMetrics, writeMetricsFile } from '../../src/sync/output/metrics';
import type { SyncReport } from '../../src/sync/sync-types';
import {
  parseWithNpmParser,
  parseWithPrometheusClient,
  valueOf,
  type Family,
} from '../helpers/prometheus-text';
import { makeTmpDir, removeDir } from './tmp-dir';

function report(extra: Partial<SyncReport> = {}): SyncReport {
  return {
    schemaVersion: 1,
    tool: 'twocheckout-sync',
    toolVersion: '9.9.9',
    status: 'completed-with-errors',
    exitCode: 1,
    dryRun: false,
    input: {
      path: '/data/export/customers "night".csv',
      format: 'csv',
      bytes: 12345,
      key: 'ExternalCustomerReference',
    },
    options: { shard: '2/4' },
    startedAt: '2025-03-02T02:15:00.000Z',
    endedAt: '2025-03-02T02:16:40.500Z',
    durationMs: 100_500,
    counts: {
      ...emptyCounts(),
      updated: 7,
      unchanged: 5,
      invalid: 2,
      failed: 1,
      superseded: 1,
      skippedByJournal: 3,
      otherShards: 30,
      notAttempted: 0,
      confirmedOnResume: 1,
    },
    totals: { ...emptyCounts(), updated: 9, unchanged: 5, invalid: 2, failed: 1, superseded: 1 },
    client: { calls: 40, logins: 1, retries: 2, sessionRenewals: 0 },
    files: { journal: 'j', results: 'r', deadLetter: 'd', report: 'p', metrics: '/m/sync.prom' },
    changes: [],
    changesOmitted: 0,
    reportWritten: true,
    ...extra,
  };
}

const END = Date.parse('2025-03-02T02:16:40.500Z') / 1000;

/** Parsed by both parsers, which must agree. */
function parsed(text: string): Family[] {
  const python = parseWithPrometheusClient(text);
  const npm = parseWithNpmParser(text);
  expect(npm.map((f) => [f.name, f.type, f.samples.length])).toEqual(
    python.map((f) => [f.name, f.type, f.samples.length]),
  );
  return python;
}

describe('--metrics-file text', () => {
  it('follows the text format and the textfile collector rules: gauges, HELP and TYPE once each, no timestamps', async () => {
    const text = await renderMetrics(report());
    const families = parsed(text);
    expect(text.endsWith('\n')).toBe(true);
    expect(families.length).toBeGreaterThan(10);
    for (const f of families) {
      expect(f.name).toMatch(new RegExp(`^${METRIC_PREFIX}[a-z_]+$`));
      expect(f.type).toBe('gauge'); // the file describes the last run: nothing in it only goes up
      expect(f.help.length).toBeGreaterThan(10);
      expect(text.split('\n').filter((l) => l.startsWith(`# TYPE ${f.name} `))).toHaveLength(1);
      // Every sample names its job: the input, and the shard.
      for (const s of f.samples)
        expect(s.labels).toMatchObject({ input: 'customers "night".csv', shard: '2/4' });
    }
    // No sample line carries a timestamp (a third field): node_exporter's collector refuses those.
    for (const line of text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))) {
      expect(
        line
          .replace(/\{.*\}/, '')
          .trim()
          .split(/\s+/),
      ).toHaveLength(2);
    }
  });

  it('holds the records by outcome, the duration, the exit code, the status and what alerts need', async () => {
    const f = parsed(await renderMetrics(report()));
    const v = (name: string, labels?: Record<string, string>) =>
      valueOf(f, `${METRIC_PREFIX}${name}`, labels);
    expect(v('last_run_exit_code')).toBe(1);
    expect(v('last_run_status', { status: 'completed-with-errors' })).toBe(1);
    expect(v('last_run_status', { status: 'completed' })).toBe(0);
    expect(v('last_run_fatal', { kind: 'lock' })).toBe(0);
    for (const [outcome, n] of Object.entries({
      updated: 7,
      unchanged: 5,
      planned: 0,
      invalid: 2,
      failed: 1,
      superseded: 1,
    }))
      expect({ outcome, n: v('last_run_records', { outcome }) }).toEqual({ outcome, n });
    expect(v('journal_records', { outcome: 'updated' })).toBe(9);
    expect(v('last_run_records_skipped', { reason: 'journal' })).toBe(3);
    expect(v('last_run_records_skipped', { reason: 'other_shard' })).toBe(30);
    expect(v('last_run_confirmed_on_resume_records')).toBe(1);
    expect(v('dead_letter_records')).toBe(3);
    expect(v('last_run_duration_seconds')).toBe(100.5);
    expect(v('last_run_end_timestamp_seconds')).toBe(END);
    expect(v('last_run_soap_calls')).toBe(40);
    expect(v('info', { version: '9.9.9' })).toBe(1);
    // Reached the end of its input with dead letters: completed, but not a success.
    expect(v('last_completed_timestamp_seconds')).toBe(END);
    expect(v('last_success_timestamp_seconds')).toBeUndefined();
  });

  it('a failed night keeps the last success from the previous file; a dry run never counts as one', async () => {
    const good = await renderMetrics(report({ status: 'completed', exitCode: 0 }));
    expect(valueOf(parsed(good), `${METRIC_PREFIX}last_success_timestamp_seconds`)).toBe(END);
    const later = { startedAt: '2025-03-03T02:15:00.000Z', endedAt: '2025-03-03T02:15:01.000Z' };
    const fatal = await renderMetrics(
      report({ ...later, status: 'fatal', exitCode: 2, fatal: { kind: 'lock', message: 'held' } }),
      good,
    );
    const f = parsed(fatal);
    expect(valueOf(f, `${METRIC_PREFIX}last_success_timestamp_seconds`)).toBe(END);
    expect(valueOf(f, `${METRIC_PREFIX}last_completed_timestamp_seconds`)).toBe(END);
    expect(valueOf(f, `${METRIC_PREFIX}last_run_fatal`, { kind: 'lock' })).toBe(1);
    expect(valueOf(f, `${METRIC_PREFIX}last_run_status`, { status: 'fatal' })).toBe(1);
    const dry = await renderMetrics(
      report({ ...later, dryRun: true, status: 'completed', exitCode: 0 }),
      fatal,
    );
    expect(valueOf(parsed(dry), `${METRIC_PREFIX}last_success_timestamp_seconds`)).toBe(END);
    expect(valueOf(parsed(dry), `${METRIC_PREFIX}last_run_dry_run`)).toBe(1);
    // Label values with braces, quotes and spaces do not hide the value from the next run.
    const odd = { input: { path: '/x/{a} "b}".csv', format: 'csv', bytes: 1 } };
    const oddGood = await renderMetrics(report({ ...odd, status: 'completed', exitCode: 0 }));
    const oddNext = await renderMetrics(
      report({ ...odd, ...later, status: 'fatal', exitCode: 2, fatal: { kind: 'lock', message: 'x' } }),
      oddGood,
    );
    expect(valueOf(parsed(oddNext), `${METRIC_PREFIX}last_success_timestamp_seconds`)).toBe(END);
    // Garbage where the previous file was: nothing carried, nothing broken.
    const fresh = await renderMetrics(
      report({ status: 'fatal', exitCode: 2, fatal: { kind: 'config', message: 'x' } }),
      'junk{',
    );
    expect(valueOf(parsed(fresh), `${METRIC_PREFIX}last_success_timestamp_seconds`)).toBeUndefined();
  });

  it('without --shard there is no shard label', async () => {
    const f = parsed(await renderMetrics(report({ options: { shard: null } })));
    for (const s of f.flatMap((x) => x.samples)) expect(Object.keys(s.labels)).not.toContain('shard');
  });

  describe('writeMetricsFile', () => {
    let dir: string;
    beforeEach(() => (dir = makeTmpDir()));
    afterEach(() => {
      jest.restoreAllMocks();
      removeDir(dir);
    });

    it('writes a temporary file in the same directory, not named *.prom, and renames it into place', async () => {
      const file = path.join(dir, 'collector', 'twocheckout-sync.prom');
      const renames: [string, string][] = [];
      const rename = fs.renameSync.bind(fs);
      jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
        renames.push([String(from), String(to)]);
        // What the collector would see at this moment: never a half-written .prom file.
        expect(fs.readdirSync(path.dirname(String(to))).filter((n) => n.endsWith('.prom'))).toEqual(
          fs.existsSync(String(to)) ? [path.basename(String(to))] : [],
        );
        rename(from, to);
      });
      await writeMetricsFile(file, report({ status: 'completed', exitCode: 0 }));
      expect(renames).toHaveLength(1);
      const [[from, to]] = renames;
      expect(to).toBe(file);
      expect(path.dirname(from)).toBe(path.dirname(file));
      expect(from.endsWith('.prom')).toBe(false);
      expect(fs.readdirSync(path.dirname(file))).toEqual(['twocheckout-sync.prom']);
      // The next run over it carries the success over.
      await writeMetricsFile(
        file,
        report({ status: 'interrupted', exitCode: 143, interruptedBy: 'SIGTERM' }),
      );
      const f = parsed(fs.readFileSync(file, 'utf8'));
      expect(valueOf(f, `${METRIC_PREFIX}last_success_timestamp_seconds`)).toBe(END);
      expect(valueOf(f, `${METRIC_PREFIX}last_run_exit_code`)).toBe(143);
    });
  });

  it("docs/sync.md's metrics table and alert rules name exactly the metrics the file has", async () => {
    const page = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'sync.md'), 'utf8');
    const section = page.slice(
      page.indexOf('### Metrics: `--metrics-file`'),
      page.indexOf('## Splitting the work'),
    );
    const table = section
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .flatMap((l) => [...(l.split(' | ')[0] ?? '').matchAll(/`(twocheckout_sync_\w+)/g)].map((m) => m[1]));
    const rendered = parsed(await renderMetrics(report({ status: 'completed', exitCode: 0 }))).map(
      (f) => f.name,
    );
    expect([...new Set(table)].sort()).toEqual([...rendered].sort());
    for (const name of section.matchAll(/\b(twocheckout_sync_\w+)/g)) expect(rendered).toContain(name[1]);
  });
});
