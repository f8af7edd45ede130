import fs from 'node:fs';
import path from 'node:path';
import type { Gauge, Registry } from 'prom-client';
import { SYNC_ERROR_KINDS } from '../errors';
import type { Outcome } from '../journal-format';
import type { RunStatus, SyncReport } from '../sync-types';
import { writeFileAtomic } from './atomic-file';

/** Every metric's name starts with this. */
export const METRIC_PREFIX = 'twocheckout_sync_';

const STATUSES: readonly RunStatus[] = ['completed', 'completed-with-errors', 'interrupted', 'fatal'];
const OUTCOMES: readonly Outcome[] = ['updated', 'unchanged', 'planned', 'invalid', 'failed', 'superseded'];

/** Carried from one run's file to the next: a failed night must not reset when the last good one was. */
const CARRIED = ['last_success_timestamp_seconds', 'last_completed_timestamp_seconds'] as const;
type Carried = (typeof CARRIED)[number];

/** The value of a carried gauge in an earlier metrics file (any labels), or undefined. */
function carriedValue(previous: string | undefined, name: Carried): number | undefined {
  if (previous === undefined) return undefined;
  const m = new RegExp(`^${METRIC_PREFIX}${name}(?:\\{.*\\})? (\\S+)$`, 'm').exec(previous);
  const v = m ? Number(m[1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

const MAX_PREVIOUS_BYTES = 1024 * 1024;

const seconds = (iso: string): number => Date.parse(iso) / 1000;

/**
 * The run's metrics in the Prometheus text format (0.0.4), for node_exporter's textfile collector:
 * gauges only (the file describes the last run and is replaced by the next one), no timestamps
 * (the collector refuses them), and the labels `input` (the input's file name), `shard` (when
 * sharded) and `metrics_file` (this file's name) so several jobs can share one collector directory. `previous` is the text this file held
 * before: the last success and the last completed run are carried over from it when this run is
 * neither. prom-client writes the text (its own Registry, never the global one): escaping, HELP and
 * TYPE lines are its business, not ours.
 */
export async function renderMetrics(report: SyncReport, previous?: string): Promise<string> {
  const prom = await import('prom-client');
  const registry: Registry = new prom.Registry();
  const labels: Record<string, string> = { input: path.basename(report.input.path) };
  // File names are unique within the collector's directory: with this label no two files there
  // can hold the same series (node_exporter refuses duplicates), whatever their inputs.
  if (report.files.metrics !== undefined) labels.metrics_file = path.basename(report.files.metrics);
  const shard = report.options.shard;
  if (typeof shard === 'string' && shard !== '') labels.shard = shard;
  registry.setDefaultLabels(labels);
  const gauge = <L extends string = never>(name: string, help: string, labelNames: L[] = []): Gauge<L> =>
    new prom.Gauge<L>({ name: `${METRIC_PREFIX}${name}`, help, labelNames, registers: [registry] });

  gauge('info', 'The tool that wrote this file (always 1)', ['version']).set(
    { version: report.toolVersion },
    1,
  );
  gauge(
    'last_run_exit_code',
    'Exit code of the last run (0 ok, 1 invalid or failed records, 2 fatal, 130/143 signal)',
  ).set(report.exitCode);
  const status = gauge('last_run_status', 'How the last run ended: 1 for its status, 0 for the others', [
    'status',
  ]);
  for (const s of STATUSES) status.set({ status: s }, s === report.status ? 1 : 0);
  const fatal = gauge('last_run_fatal', 'What stopped the last run: 1 for its fatal kind, 0 for the others', [
    'kind',
  ]);
  for (const kind of SYNC_ERROR_KINDS) fatal.set({ kind }, report.fatal?.kind === kind ? 1 : 0);
  gauge('last_run_dry_run', 'Whether the last run was a dry run (1) or applied changes (0)').set(
    report.dryRun ? 1 : 0,
  );
  gauge('last_run_start_timestamp_seconds', 'When the last run started (Unix time)').set(
    seconds(report.startedAt),
  );
  gauge('last_run_end_timestamp_seconds', 'When the last run ended (Unix time)').set(seconds(report.endedAt));
  gauge('last_run_duration_seconds', 'How long the last run took').set(report.durationMs / 1000);

  const ended = seconds(report.endedAt);
  const success = !report.dryRun && report.exitCode === 0 ? ended : carriedValue(previous, CARRIED[0]);
  if (success !== undefined) {
    gauge(CARRIED[0], 'When a run last ended with exit code 0 (every record done; dry runs not counted)').set(
      success,
    );
  }
  const reachedEnd = report.status === 'completed' || report.status === 'completed-with-errors';
  const completed = !report.dryRun && reachedEnd ? ended : carriedValue(previous, CARRIED[1]);
  if (completed !== undefined) {
    gauge(
      CARRIED[1],
      'When a run last went through its whole input (exit code 0 or 1; dry runs not counted)',
    ).set(completed);
  }

  const records = gauge('last_run_records', 'Records the last run finished, by outcome', ['outcome']);
  const journal = gauge(
    'journal_records',
    "Every record's latest outcome in the journal (this run and those it resumed)",
    ['outcome'],
  );
  for (const o of OUTCOMES) {
    records.set({ outcome: o }, report.counts[o]);
    journal.set({ outcome: o }, report.totals[o]);
  }
  const skipped = gauge('last_run_records_skipped', 'Records the last run did not process, by reason', [
    'reason',
  ]);
  skipped.set({ reason: 'journal' }, report.counts.skippedByJournal);
  skipped.set({ reason: 'other_shard' }, report.counts.otherShards);
  skipped.set({ reason: 'not_attempted' }, report.counts.notAttempted);
  gauge(
    'last_run_confirmed_on_resume_records',
    'Of the updated records: writes of an earlier run whose answer was lost, found in place',
  ).set(report.counts.confirmedOnResume);
  gauge(
    'dead_letter_records',
    'Invalid and failed records waiting in the dead-letter file (they need a human)',
  ).set(report.totals.invalid + report.totals.failed);
  gauge('last_run_input_bytes', 'Size of the input file').set(report.input.bytes);
  gauge('last_run_soap_calls', 'SOAP calls the last run made').set(report.client.calls);
  gauge('last_run_logins', 'Logins the last run made').set(report.client.logins);
  gauge('last_run_retries', "The client's resends after transient failures in the last run").set(
    report.client.retries,
  );
  gauge(
    'last_run_report_written',
    'Whether the last run wrote its report (0: it stopped before it owned its files)',
  ).set(report.reportWritten ? 1 : 0);
  const text = await registry.metrics();
  // Every line of the format ends in a newline, the last one too.
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Writes the run's metrics to `file` the way the textfile collector needs: a temporary file in the
 * same directory (not ending in .prom, so the collector never reads half of it), fsync, rename.
 */
export async function writeMetricsFile(file: string, report: SyncReport): Promise<void> {
  let previous: string | undefined;
  try {
    // Ours is a few KiB; anything much larger is not ours to parse.
    if (fs.statSync(file).size <= MAX_PREVIOUS_BYTES) previous = fs.readFileSync(file, 'utf8');
  } catch {
    previous = undefined; // the first run, or an unreadable file: nothing to carry over
  }
  const named =
    report.files.metrics === file ? report : { ...report, files: { ...report.files, metrics: file } };
  writeFileAtomic(file, await renderMetrics(named, previous), 'the metrics file');
}
