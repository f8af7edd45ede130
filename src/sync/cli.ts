#!/usr/bin/env node
import path from 'node:path';
import { fromEnv } from '../facade/from-env';
import { TwoCheckoutError } from '../client/errors';
import { Redactor } from '../client/redact';
import { doctorMain } from '../doctor';
import { CALL_FAILED_MESSAGE, type Logger } from '../client/observability';
import { parseCommandLine, type CliSettings } from './args';
import { FATAL_EXIT_CODE, UsageError } from './errors';
import { HELP } from './help';
import { createLogger, type SyncLogger } from './log';
import { writeMetricsFile } from './output/metrics';
import { emptyCounts } from './output/render-outputs';
import { changeLines, renderChanges } from './output/show-changes';
import { createProgress } from './progress';
import { runSync, type SyncClient, type SyncReport } from './runner';
import { offStateReport, REPORT_SCHEMA_VERSION } from './sync-types';
import { packageVersion } from '../domain/package-version';

/**
 * The facade's pino-style logger on top of ours: its warnings always (TLS off, MD5, a proxy
 * problem), its chatter at debug level. A call that failed for good is the exception: its error
 * reaches the sync, which logs each record problem once (`record failed`, `invalid record`) and a
 * fatal one once (`fatal: …`), so the client's own line for it is debug detail, not a second WARN.
 */
function facadeLogger(log: SyncLogger): Logger {
  const adapt =
    (fn: (msg: string, fields?: Record<string, unknown>) => void) =>
    (obj: Record<string, unknown>, msg?: string): void =>
      fn(`client: ${msg ?? ''}`.trim(), obj);
  const warn = adapt(log.warn);
  const debug = adapt(log.debug);
  return {
    debug,
    info: debug,
    warn: (obj, msg) => (msg === CALL_FAILED_MESSAGE ? debug(obj, msg) : warn(obj, msg)),
    error: adapt(log.error),
  };
}

/**
 * The run stopped before it owned its files (another run held the lock, the input could not be
 * read): no journal was opened, so no report, results or dead-letter file was written either.
 */
function wroteNothing(report: SyncReport): boolean {
  return !report.reportWritten && report.journal === undefined;
}

function summary(report: SyncReport): string {
  const c = report.counts;
  const t = report.totals;
  const lines = [
    `${report.dryRun ? 'dry run ' : ''}${report.status} (exit ${report.exitCode}) in ${(report.durationMs / 1000).toFixed(1)}s`,
    `  this run: updated ${c.updated}, unchanged ${c.unchanged}, unchanged (state) ${c['unchanged-state']}, ` +
      `planned ${c.planned}, invalid ${c.invalid}, ` +
      `failed ${c.failed}, superseded ${c.superseded}, skipped (journal) ${c.skippedByJournal}, ` +
      `other shards ${c.otherShards}, not attempted ${c.notAttempted}`,
    `  all records: updated ${t.updated}, unchanged ${t.unchanged}, unchanged (state) ${t['unchanged-state']}, ` +
      `planned ${t.planned}, invalid ${t.invalid}, ` +
      `failed ${t.failed}, superseded ${t.superseded}`,
    `  calls ${report.client.calls}, logins ${report.client.logins}, retries ${report.client.retries}`,
  ];
  const s = report.state;
  if (s.mode !== 'off') {
    lines.push(
      `  state (${s.mode}): ${s.customersAtEnd} customers, refreshed ${s.refreshed}, ` +
        `drift corrected ${s.driftCorrected}${report.dryRun ? ' (planned)' : ''}`,
    );
  }
  if (report.fatal) lines.push(`  fatal (${report.fatal.kind}): ${report.fatal.message}`);
  if (report.reportWritten) {
    lines.push(`  report:      ${report.files.report}`, `  results:     ${report.files.results}`);
    if (t.invalid + t.failed > 0) lines.push(`  dead letter: ${report.files.deadLetter}`);
  } else if (wroteNothing(report)) {
    lines.push(
      `  nothing written: no report, results or dead-letter file (${path.dirname(report.files.report)} left as it was)`,
    );
  } else lines.push(`  no report written (${report.files.report})`);
  return `${lines.join('\n')}\n`;
}

/**
 * A run that could not start (bad credentials in the environment) still updates --metrics-file,
 * so the exit code and the fatal kind reach the alerts the same night. Nothing else is written.
 */
async function metricsOfStartFailure(settings: CliSettings, message: string, log: SyncLogger): Promise<void> {
  const file = settings.sync.files.metrics;
  if (file === undefined) return;
  const now = new Date().toISOString();
  const o = settings.sync;
  const report: SyncReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: 'twocheckout-sync',
    toolVersion: packageVersion(),
    status: 'fatal',
    exitCode: FATAL_EXIT_CODE,
    dryRun: o.dryRun,
    input: { path: path.resolve(o.input), format: o.format, bytes: 0 },
    options: { shard: o.shard ? `${o.shard.index}/${o.shard.count}` : null },
    startedAt: now,
    endedAt: now,
    durationMs: 0,
    counts: { ...emptyCounts(), skippedByJournal: 0, otherShards: 0, notAttempted: 0, confirmedOnResume: 0 },
    totals: emptyCounts(),
    client: { calls: 0, logins: 0, retries: 0, sessionRenewals: 0 },
    files: {
      journal: o.files.journal,
      results: o.files.results,
      deadLetter: o.files.deadLetter,
      report: o.files.report,
      metrics: file,
    },
    changes: [],
    changesOmitted: 0,
    fatal: { kind: 'config', message },
    state: offStateReport(),
    reportWritten: false,
  };
  try {
    await writeMetricsFile(file, report);
  } catch (e) {
    log.error('cannot write the metrics file', { file, error: e instanceof Error ? e.message : String(e) });
  }
}

/** Scrubs the secret key (as written, and as JSON writes it) out of terminal output. */
function secretRedactor(env: CliSettings['client']['env']): (text: string) => string {
  const secret = env.TWOCHECKOUT_SECRET_KEY ?? '';
  const redactor = new Redactor(secret.length > 0 ? [secret, JSON.stringify(secret).slice(1, -1)] : []);
  return (text) => redactor.redact(text);
}

async function run(settings: CliSettings): Promise<number> {
  let progressClear = (): void => undefined;
  const log = createLogger(settings.logFormat, {
    level: settings.logLevel,
    beforeWrite: () => progressClear(),
  });
  const progress = createProgress(settings.progress, log, { intervalMs: settings.progressIntervalMs });
  progressClear = () => progress.clear();

  for (const warning of settings.warnings) log.warn(warning);

  let client: SyncClient & { close(): Promise<void> };
  try {
    const { env, ...overrides } = settings.client;
    // The .env file was read with the flags (args.ts): the client gets the merged variables.
    client = fromEnv(env, { ...overrides, envFile: false, logger: facadeLogger(log) });
  } catch (e) {
    if (e instanceof TwoCheckoutError && e.kind === 'config') {
      log.error(`configuration: ${e.message}`, { nothingWritten: true });
      await metricsOfStartFailure(settings, e.message, log);
      return FATAL_EXIT_CODE;
    }
    throw e;
  }

  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) {
      // A second signal: the operator wants out now. The journal is consistent at every write.
      log.error(`${signal} again: exiting without waiting for records in flight`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    controller.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const report = await runSync(settings.sync, { client, log, progress, stop: controller.signal });
    log.info('run finished', {
      status: report.status,
      exitCode: report.exitCode,
      ...report.counts,
      calls: report.client.calls,
      logins: report.client.logins,
      retries: report.client.retries,
      // The report's path only when there is a report there (not after a lock refusal, say).
      ...(report.reportWritten
        ? { report: report.files.report }
        : { reportWritten: false, ...(wroteNothing(report) ? { outputs: 'none written' } : {}) }),
    });
    const limit = changeLines(settings.showChanges, process.stdout.isTTY === true);
    if (limit > 0) process.stdout.write(renderChanges(report, limit, secretRedactor(settings.client.env)));
    if (settings.logFormat === 'text') process.stderr.write(summary(report));
    return report.exitCode;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await client.close();
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'doctor') return doctorMain(argv.slice(1));
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`twocheckout-sync: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
  if (command.kind === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  return run(command.settings);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // Sockets or a request abandoned after the drain timeout must not keep a finished run alive.
      setTimeout(() => process.exit(code), 5000).unref();
    },
    (e: unknown) => {
      process.stderr.write(
        `twocheckout-sync: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
      );
      process.exitCode = 2;
    },
  );
}
