#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { fromEnv } from '../facade/from-env';
import { TwoCheckoutError } from '../client/errors';
import { doctorMain } from '../doctor';
import type { Logger } from '../client/observability';
import { parseCommandLine, type CliSettings } from './args';
import { UsageError } from './errors';
import { HELP } from './help';
import { createLogger, type SyncLogger } from './log';
import { createProgress } from './progress';
import { runSync, type SyncClient, type SyncReport } from './runner';

function version(): string {
  try {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
    ) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The facade's pino-style logger on top of ours: its warnings always, its chatter at debug level. */
function facadeLogger(log: SyncLogger): Logger {
  const adapt =
    (fn: (msg: string, fields?: Record<string, unknown>) => void) =>
    (obj: Record<string, unknown>, msg?: string): void =>
      fn(`client: ${msg ?? ''}`.trim(), obj);
  return { debug: adapt(log.debug), info: adapt(log.debug), warn: adapt(log.warn), error: adapt(log.error) };
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
  }
  return `${lines.join('\n')}\n`;
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
      log.error(`configuration: ${e.message}`);
      return 2;
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
      report: report.files.report,
    });
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
    process.stdout.write(`${version()}\n`);
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
