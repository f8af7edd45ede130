import os from 'node:os';
import path from 'node:path';
import { planColumns, targetOf, type KeyField } from './column-map';
import { SyncError } from './errors';
import type { InputSource } from './input/input-item';
import { fingerprintInput, openInput, statInput } from './input/open-input';
import { Journal } from './journal';
import type { JournalHeader } from './journal-format';
import { acquireLock, type HeldLock } from './lock';
import { silentSyncLogger, type SyncLogger } from './log';
import { writeFileAtomic } from './output/atomic-file';
import { writeMetricsFile } from './output/metrics';
import { checkOutputs } from './output/probe';
import { emptyCounts, renderOutputs, type RenderTargets } from './output/render-outputs';
import { asFatal, OutageDetector } from './pipeline/classify';
import { RunProgress, type RunContext } from './pipeline/context';
import { JournalWriter } from './pipeline/journal-writer';
import { ResumeIndex } from './pipeline/resume-index';
import { coverageNote } from './pipeline/supersession';
import { keyIdOfText } from './record-patch';
import { RecordWarnings, RunControl } from './pipeline/run-control';
import { updateStep, validateStep, type RecordStep } from './pipeline/steps';
import { processRecords } from './record-pipeline';
import type { RecordStates } from './record-state';
import { stateStep } from './state/state-step';
import { StateStore } from './state/state-store';
import { SyncState } from './state/sync-state';
import type { StateOptions, SyncOptions } from './sync-options';
import {
  offStateReport,
  REPORT_SCHEMA_VERSION,
  type StateReport,
  type SyncDeps,
  type SyncReport,
} from './sync-types';
import { packageVersion } from '../domain/package-version';

export type { RunStatus, SyncClient, SyncDeps, SyncReport } from './sync-types';

function signalExitCode(reason: unknown): { code: number; name: string } {
  if (reason === 'SIGINT') return { code: 130, name: 'SIGINT' };
  if (reason === 'SIGTERM') return { code: 143, name: 'SIGTERM' };
  return { code: 130, name: typeof reason === 'string' ? reason : 'stop' };
}

/**
 * One sync run: reads the input as a stream, skips what the journal says is done, validates each
 * record and applies it through the facade's read-modify-write (bounded concurrency, records of one
 * key in input order, optional rate budget), journals every outcome, then writes the results,
 * dead-letter and report files. Never throws for per-record problems; returns the report (whose
 * exitCode the CLI uses). Fatal problems (input, journal, lock, authentication) end the run with
 * status 'fatal', after which the journal is still consistent.
 */
export async function runSync(options: SyncOptions, deps: SyncDeps): Promise<SyncReport> {
  const log = deps.log ?? silentSyncLogger;
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const counts = {
    ...emptyCounts(),
    skippedByJournal: 0,
    otherShards: 0,
    notAttempted: 0,
    confirmedOnResume: 0,
  };
  const report: SyncReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: 'twocheckout-sync',
    toolVersion: packageVersion(),
    status: 'completed',
    exitCode: 0,
    dryRun: options.dryRun,
    input: { path: path.resolve(options.input), format: options.format, bytes: 0 },
    options: publicOptions(options),
    startedAt,
    endedAt: startedAt,
    durationMs: 0,
    counts,
    totals: emptyCounts(),
    client: { calls: 0, logins: 0, retries: 0, sessionRenewals: 0 },
    files: {
      journal: options.files.journal,
      results: options.files.results,
      deadLetter: options.files.deadLetter,
      report: options.files.report,
      ...(options.files.metrics !== undefined ? { metrics: options.files.metrics } : {}),
    },
    changes: [],
    changesOmitted: 0,
    reportWritten: false,
    state: offStateReport(),
  };
  const baseStats = deps.client.stats();
  // A dry run with --full ignores the state, and there is nothing to write: it is not opened.
  const stateOptions = options.state && !(options.dryRun && options.state.full) ? options.state : undefined;

  let lock: HeldLock | undefined;
  let journal: Journal | undefined;
  let source: InputSource | undefined;
  let states: RecordStates | undefined;
  let covered: RenderTargets['covered'];
  // ── the sync state (kept in its own block: the state file, its lock, and the run's use of it)
  let stateLock: HeldLock | undefined;
  let store: StateStore | undefined;
  let state: SyncState | undefined;
  const control = new RunControl(log);
  const progressState = { bytesRead: 0 };
  try {
    report.input.bytes = statInput(options.input);
    // Before anything is sent: a run must be able to record what it did.
    checkOutputs([
      { what: 'the journal', file: options.files.journal, inPlace: true },
      { what: 'the lock file', file: `${options.files.journal}.lock` },
      { what: 'the report', file: options.files.report },
      { what: 'the results file', file: options.files.results },
      { what: 'the dead-letter file', file: options.files.deadLetter },
      ...(stateOptions && !options.dryRun
        ? [
            { what: 'the state file', file: stateOptions.file, inPlace: true },
            { what: 'the state lock file', file: `${stateOptions.file}.lock` },
          ]
        : []),
      ...(options.files.metrics !== undefined
        ? [{ what: 'the metrics file', file: options.files.metrics }]
        : []),
    ]);
    const opened = await openInput(options.input, options.format, options.maxRecordBytes, progressState);
    source = opened;
    const plan = planColumns(source.columns, options.map, options.key);
    report.input.key = plan.key;
    log.info('input opened', {
      input: options.input,
      format: options.format,
      key: plan.key,
      fields: plan.fields.join(','),
    });

    lock = acquireLock(`${options.files.journal}.lock`);
    if (lock.tookOverFrom) {
      log.warn('took over a stale lock (its run is gone)', { lock: lock.file, ...lock.tookOverFrom });
    }
    if (stateOptions) {
      // A state commit writes out the journal lines held first: the state never runs ahead of it.
      ({ stateLock, store } = openState(stateOptions, options, plan.key, log, () => journal?.flush()));
      report.state = stateReport(stateOptions, options);
    }
    // The whole content identifies the input (after the checks above, which fail fast on garbage).
    log.debug('identifying the input (sha256 of its content)', { bytes: report.input.bytes });
    const fingerprint = await fingerprintInput(options.input);
    report.input.bytes = fingerprint.size;
    opened.expect(fingerprint);
    const header: JournalHeader = {
      type: 'journal',
      version: 2,
      input: { path: path.resolve(options.input), ...fingerprint },
      format: options.format,
      key: plan.key,
      settings: {
        map: options.map,
        emptyMeans: options.emptyMeans,
        shard: options.shard ? `${options.shard.index}/${options.shard.count}` : null,
        dryRun: options.dryRun,
      },
      createdAt: startedAt,
    };
    // What a resumed run rebuilds from the journal: pending failures (supersession) and intents.
    const resume = new ResumeIndex(plan.key);
    covered = (entry) => {
      const row = resume.pending.get(keyIdOfText(plan.key, entry.key), entry.n);
      const note = row && coverageNote(row);
      if (!row?.coveredBy || !note) return undefined;
      const fields = Object.keys(row.coveredBy);
      const feeding = (c: string): boolean => fields.includes(targetOf(c, options.map) ?? '');
      return { note, columns: new Set(Object.keys(entry.values ?? {}).filter(feeding)) };
    };
    // A dry run keeps its own journal and always starts it afresh: it must never mark records done.
    const openedJournal = await Journal.open(options.files.journal, header, {
      restart: options.restart || options.dryRun,
      onEntry: (entry) => resume.load(entry),
    });
    journal = openedJournal.journal;
    states = openedJournal.states;
    report.journal = {
      resumedRecords: openedJournal.previousRecords,
      rotatedTo: openedJournal.rotatedTo,
      repairedTornLine: openedJournal.repairedTornLine,
    };
    if (openedJournal.repairedTornLine)
      log.warn('cut a torn last line off the journal (a killed run)', { journal: journal.file });
    if (openedJournal.rotatedTo && !options.dryRun)
      log.info('set the previous journal aside', { to: openedJournal.rotatedTo });
    if (openedJournal.previousRecords > 0) {
      log.info('resuming from the journal', {
        journal: journal.file,
        journaledRecords: openedJournal.previousRecords,
      });
    }
    journal.append({ type: 'run', pid: process.pid, host: os.hostname(), startedAt });
    if (store && stateOptions) {
      // --full writes the state afresh: emptied when its run starts, not when that run is resumed.
      if (stateOptions.full && !options.dryRun && openedJournal.previousRecords === 0) {
        store.clear();
        log.info('--full: every customer is read, and the state is written afresh', { state: store.file });
      }
      report.state.customersAtStart = store.count();
      state = new SyncState(store, {
        full: stateOptions.full,
        dryRun: options.dryRun,
        refreshAfterDays: stateOptions.refreshAfterDays,
      });
    }

    const ctx: RunContext = {
      options,
      client: deps.client,
      log,
      journal: new JournalWriter(journal, states, counts, () => ctx.progress.recordFinished()),
      counts,
      control,
      warnings: new RecordWarnings(log),
      outage: new OutageDetector(options.maxConsecutiveFailures),
      pending: resume.pending,
      intents: resume.intents,
      intentDrift: resume.intentDrift,
      progress: new RunProgress(counts, progressState, report.input.bytes, deps.progress),
      state,
    };
    // Failures superseded by a record journaled after them (a kill came between the two lines).
    for (const { row, by } of resume.supersededAtLoad()) ctx.journal.superseded(row, by);
    // How a record is applied, in order. A step that can decide a record locally (without the
    // service) goes before updateStep; the scheduler keeps per-key order and supersession for all.
    const steps: RecordStep[] = state ? [stateStep, validateStep, updateStep] : [updateStep];
    await processRecords(ctx, source, plan, steps, deps.stop);
    // Every confirmation is in the state before the journal says the run is complete.
    store?.flush();
    journal.append({
      type: 'end',
      complete: !control.stopping,
      at: new Date().toISOString(),
    });
  } catch (e) {
    stopOn(e, control, log);
  } finally {
    source?.close();
    try {
      // The confirmations held are all of journaled records (see SyncState.journaled).
      if (store) {
        store.flush();
        report.state.customersAtEnd = store.count();
        store.close();
      }
    } catch (e) {
      store?.abandon();
      stopOn(e, control, log);
    }
    journal?.close();
  }

  try {
    if (journal && states) {
      const rendered = await renderOutputs(
        {
          journal: journal.file,
          results: options.files.results,
          deadLetter: options.files.deadLetter,
          inputFormat: options.format,
          inputColumns: source?.columns ?? [],
          maxReportedChanges: options.maxReportedChanges,
          covered,
          emptyMeans: options.emptyMeans,
        },
        states,
      );
      report.totals = rendered.totals;
      report.changes = rendered.changes;
      report.changesOmitted = rendered.changesOmitted;
      report.state.drift = rendered.drift;
      report.state.driftOmitted = rendered.driftOmitted;
    }
  } catch (e) {
    // The journal is complete either way: the next run renders these files again.
    stopOn(e, control, log);
  } finally {
    stateLock?.release();
    lock?.release();
  }
  if (state) Object.assign(report.state, state.figures);

  const stats = deps.client.stats();
  report.client = {
    calls: stats.calls - baseStats.calls,
    logins: stats.logins - baseStats.logins,
    retries: stats.retries - baseStats.retries,
    sessionRenewals: (stats.sessionRenewals ?? 0) - (baseStats.sessionRenewals ?? 0),
  };
  settle(report, control);
  report.endedAt = new Date().toISOString();
  report.durationMs = Date.now() - started;
  // Without a lock (another run holds it) the report would overwrite that run's: leave it alone.
  if (lock) {
    try {
      report.reportWritten = true;
      writeFileAtomic(options.files.report, `${JSON.stringify(report, null, 2)}\n`, 'the report');
    } catch (e) {
      report.reportWritten = false;
      stopOn(e, control, log);
      settle(report, control);
    }
  }
  const metrics = options.files.metrics;
  // Unless the metrics file itself is what could not be written (the run already said so).
  if (metrics !== undefined && !(report.fatal?.kind === 'output' && report.fatal.message.includes(metrics)))
    await writeRunMetrics(metrics, report, log);
  return report;
}

/** Takes the state's lock (not for a dry run, which only reads it) and opens the state file. */
function openState(
  o: StateOptions,
  options: SyncOptions,
  key: KeyField,
  log: SyncLogger,
  beforeCommit: () => void,
): { stateLock?: HeldLock; store: StateStore } {
  let stateLock: HeldLock | undefined;
  if (!options.dryRun) {
    stateLock = acquireLock(`${o.file}.lock`);
    if (stateLock.tookOverFrom) {
      log.warn('took over a stale lock (its run is gone)', {
        lock: stateLock.file,
        ...stateLock.tookOverFrom,
      });
    }
  }
  try {
    const store = StateStore.open(
      o.file,
      { ...o.identity, key, map: options.map },
      { readOnly: options.dryRun, rebuild: o.full, beforeCommit },
    );
    return { stateLock, store };
  } catch (e) {
    stateLock?.release();
    throw e;
  }
}

function stateReport(o: StateOptions, options: SyncOptions): StateReport {
  return {
    ...offStateReport(),
    mode: options.dryRun ? 'read-only' : o.full ? 'full' : 'incremental',
    file: o.file,
    refreshAfterDays: o.refreshAfterDays,
  };
}

/**
 * The metrics file comes last, from the final report. Failing to write it is logged, and the run's
 * outcome stands: its records are done whatever the monitoring sees (a stale file is what alerts).
 */
async function writeRunMetrics(file: string, report: SyncReport, log: SyncLogger): Promise<void> {
  try {
    await writeMetricsFile(file, report);
  } catch (e) {
    log.error('cannot write the metrics file', { file, error: e instanceof Error ? e.message : String(e) });
  }
}

/** Ends the run on an error outside the records: fatal as it is, or an internal error (a bug). */
function stopOn(e: unknown, control: RunControl, log: SyncLogger): void {
  const fatal = asFatal(e);
  if (fatal) return control.fail(fatal);
  // A bug: still stop cleanly, release the lock, report it.
  const message = e instanceof Error ? e.message : String(e);
  log.error('fatal: internal error', { error: message, stack: e instanceof Error ? e.stack : undefined });
  control.fatal ??= new SyncError('internal', message);
}

/** The report's status and exit code from how the run ended. */
function settle(report: SyncReport, control: RunControl): void {
  const { fatal, stopReason } = control;
  if (fatal) {
    report.status = 'fatal';
    report.exitCode = fatal.exitCode;
    report.fatal = { kind: fatal.kind, message: fatal.message };
  } else if (stopReason !== undefined) {
    const { code, name } = signalExitCode(stopReason);
    report.status = 'interrupted';
    report.exitCode = code;
    report.interruptedBy = name;
  } else if (report.totals.invalid + report.totals.failed > 0) {
    report.status = 'completed-with-errors';
    report.exitCode = 1;
  }
}

function publicOptions(o: SyncOptions): Record<string, unknown> {
  return {
    format: o.format,
    key: o.key ?? null,
    map: o.map,
    emptyMeans: o.emptyMeans,
    dryRun: o.dryRun,
    concurrency: o.concurrency,
    maxRps: o.maxRps ?? null,
    updateEndUserSubscriptions: o.updateEndUserSubscriptions,
    verify: o.verify,
    restart: o.restart,
    shard: o.shard ? `${o.shard.index}/${o.shard.count}` : null,
    state: o.state?.file ?? null,
    full: o.state?.full ?? false,
    refreshAfterDays: o.state?.refreshAfterDays ?? null,
  };
}
