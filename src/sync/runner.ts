import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CustomersApi } from '../customers/api';
import { TwoCheckoutError } from '../client/errors';
import { planColumns, type ColumnPlan } from './column-map';
import { InputError, type InputItem, type InputSource } from './input/input-item';
import { fingerprintInput, openInput } from './input/open-input';
import { Journal, JournalError } from './journal';
import { recordHash, type JournalHeader, type JournalRecordEntry, type Outcome } from './journal-format';
import { acquireLock, LockError, type HeldLock } from './lock';
import { silentSyncLogger, type SyncLogger } from './log';
import { writeFileAtomic } from './output/atomic-file';
import { emptyCounts, renderOutputs, type OutcomeCounts, type RenderSummary } from './output/render-outputs';
import type { ProgressReporter } from './progress';
import { RateLimiter } from './rate-limiter';
import { keyTextOf, prepareRecord } from './record-patch';
import { RecordState, type RecordStates } from './record-state';
import { Semaphore } from './semaphore';
import { inShard } from './shard';
import type { SyncOptions } from './sync-options';

/** The part of the client the sync uses (the facade's TwoCheckoutClient fits). */
export interface SyncClient {
  readonly customers: Pick<CustomersApi, 'update'>;
  stats(): { calls: number; logins: number; retries: number; sessionRenewals?: number };
}

export type RunStatus = 'completed' | 'completed-with-errors' | 'interrupted' | 'fatal';

export interface SyncReport {
  tool: 'twocheckout-sync';
  status: RunStatus;
  exitCode: number;
  dryRun: boolean;
  input: { path: string; format: string; bytes: number; key?: string };
  options: Record<string, unknown>;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  /** What this run did. */
  counts: OutcomeCounts & { skippedByJournal: number; otherShards: number; notAttempted: number };
  /** Latest outcome of every record in the journal (this run plus the runs it resumed). */
  totals: OutcomeCounts;
  client: { calls: number; logins: number; retries: number; sessionRenewals: number };
  files: { journal: string; results: string; deadLetter: string; report: string };
  /** Every planned (dry run) or applied change, field by field, up to the limit; all are in the results file. */
  changes: RenderSummary['changes'];
  changesOmitted: number;
  fatal?: { kind: string; message: string };
  /** false when the run stopped before it could own its files (e.g. the lock was held): no report file. */
  reportWritten: boolean;
  interruptedBy?: string;
  journal?: { resumedRecords: number; rotatedTo?: string; repairedTornLine: boolean };
}

export interface SyncDeps {
  client: SyncClient;
  log?: SyncLogger;
  progress?: ProgressReporter;
  /** Aborting stops taking new records; records in flight finish (up to drainTimeoutMs). */
  stop?: AbortSignal;
}

const MAX_RECORD_WARNINGS = 1000;

/** Errors after which no further record can succeed: stop the run (exit 2). */
const FATAL_KINDS: ReadonlySet<string> = new Set(['authentication', 'config', 'tls']);

class Fatal extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

function fatalOf(e: unknown): Fatal | undefined {
  if (e instanceof Fatal) return e;
  if (e instanceof InputError) return new Fatal('input', e.message);
  if (e instanceof JournalError) return new Fatal('journal', e.message);
  if (e instanceof LockError) return new Fatal('lock', e.message);
  if (e instanceof TwoCheckoutError && FATAL_KINDS.has(e.kind)) return new Fatal(e.kind, e.message);
  return undefined;
}

function customerKeyId(key: number | { external: string }): string {
  return typeof key === 'number' ? `A:${key}` : `E:${key.external}`;
}

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
  const counts = { ...emptyCounts(), skippedByJournal: 0, otherShards: 0, notAttempted: 0 };
  const report: SyncReport = {
    tool: 'twocheckout-sync',
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
    },
    changes: [],
    changesOmitted: 0,
    reportWritten: false,
  };
  const baseStats = deps.client.stats();

  let lock: HeldLock | undefined;
  let journal: Journal | undefined;
  let source: InputSource | undefined;
  let states: RecordStates | undefined;
  let fatal: Fatal | undefined;
  let stopReason: unknown;
  const progressState = { bytesRead: 0 };
  try {
    const fingerprint = fingerprintInput(options.input);
    report.input.bytes = fingerprint.size;
    source = await openInput(options.input, options.format, options.maxRecordBytes, progressState);
    const plan = planColumns(source.columns, options.map, options.key);
    report.input.key = plan.key;
    log.info('input opened', {
      input: options.input,
      format: options.format,
      key: plan.key,
      fields: plan.fields.join(','),
    });

    for (const f of [
      options.files.journal,
      options.files.report,
      options.files.results,
      options.files.deadLetter,
    ]) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
    }
    lock = acquireLock(`${options.files.journal}.lock`);
    if (lock.tookOverFrom) {
      log.warn('took over a stale lock left by a dead run', { lock: lock.file, ...lock.tookOverFrom });
    }
    const header: JournalHeader = {
      type: 'journal',
      version: 1,
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
    // A dry run keeps its own journal and always starts it afresh: it must never mark records done.
    const opened = await Journal.open(options.files.journal, header, {
      restart: options.restart || options.dryRun,
    });
    journal = opened.journal;
    states = opened.states;
    report.journal = {
      resumedRecords: opened.previousRecords,
      rotatedTo: opened.rotatedTo,
      repairedTornLine: opened.repairedTornLine,
    };
    if (opened.repairedTornLine)
      log.warn('cut a torn last line off the journal (a killed run)', { journal: journal.file });
    if (opened.rotatedTo && !options.dryRun)
      log.info('set the previous journal aside', { to: opened.rotatedTo });
    if (opened.previousRecords > 0) {
      log.info('resuming from the journal', {
        journal: journal.file,
        journaledRecords: opened.previousRecords,
      });
    }
    journal.append({ type: 'run', pid: process.pid, host: os.hostname(), startedAt });

    const outcome = await processRecords(
      options,
      deps,
      log,
      source,
      plan,
      journal,
      states,
      counts,
      progressState,
      report,
    );
    fatal = outcome.fatal;
    stopReason = outcome.stopReason;
    journal.append({
      type: 'end',
      complete: !fatal && stopReason === undefined,
      at: new Date().toISOString(),
    });
  } catch (e) {
    fatal = fatalOf(e);
    if (!fatal) {
      // A bug or an I/O failure of our own files: still stop cleanly, release the lock, report it.
      const message = e instanceof Error ? e.message : String(e);
      log.error('internal error', { error: message, stack: e instanceof Error ? e.stack : undefined });
      fatal = new Fatal('internal', message);
    }
  } finally {
    source?.close();
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
        },
        states,
      );
      report.totals = rendered.totals;
      report.changes = rendered.changes;
      report.changesOmitted = rendered.changesOmitted;
    }
  } finally {
    lock?.release();
  }

  const stats = deps.client.stats();
  report.client = {
    calls: stats.calls - baseStats.calls,
    logins: stats.logins - baseStats.logins,
    retries: stats.retries - baseStats.retries,
    sessionRenewals: (stats.sessionRenewals ?? 0) - (baseStats.sessionRenewals ?? 0),
  };
  if (fatal) {
    report.status = 'fatal';
    report.exitCode = 2;
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
  report.endedAt = new Date().toISOString();
  report.durationMs = Date.now() - started;
  // Without a lock (another run holds it) the report would overwrite that run's: leave it alone.
  if (lock) {
    report.reportWritten = true;
    writeFileAtomic(options.files.report, `${JSON.stringify(report, null, 2)}\n`);
  }
  return report;
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
  };
}

interface ProcessOutcome {
  fatal?: Fatal;
  stopReason?: unknown;
}

async function processRecords(
  options: SyncOptions,
  deps: SyncDeps,
  log: SyncLogger,
  source: InputSource,
  plan: ColumnPlan,
  journal: Journal,
  states: RecordStates,
  counts: SyncReport['counts'],
  progressState: { bytesRead: number },
  report: SyncReport,
): Promise<ProcessOutcome> {
  const workers = new Semaphore(options.concurrency);
  // Records admitted but not finished: bounds memory (and the per-key map) whatever the input size.
  const window = new Semaphore(options.concurrency * 4);
  const limiter = options.maxRps ? new RateLimiter(options.maxRps) : undefined;
  const tails = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let fatal: Fatal | undefined;
  let stopReason: unknown;
  let finished = 0;
  // Records in a row that failed with errors that may pass later: many means the service is down.
  let consecutiveRetryable = 0;
  // One warning per bad record, up to a limit: a file of a million bad rows must not flood the log
  // (the results and dead-letter files have every one).
  let recordWarnings = 0;
  const recordWarning = (msg: string, fields: Record<string, unknown>): void => {
    recordWarnings += 1;
    if (recordWarnings <= MAX_RECORD_WARNINGS) log.warn(msg, fields);
    if (recordWarnings === MAX_RECORD_WARNINGS) {
      log.warn(
        `${MAX_RECORD_WARNINGS} record problems logged; the rest are only in the results and dead-letter files`,
      );
    }
  };

  const stopping = (): boolean => fatal !== undefined || stopReason !== undefined;
  const onStop = (): void => {
    if (stopReason === undefined) {
      stopReason = deps.stop?.reason ?? 'stop';
      log.warn('stop requested: taking no new records, finishing those in flight', {
        signal: String(stopReason),
        inFlight: inFlight.size,
      });
    }
  };
  if (deps.stop?.aborted) onStop();
  deps.stop?.addEventListener('abort', onStop);
  const snapshot = () => ({
    processed: finished + counts.skippedByJournal,
    skipped: counts.skippedByJournal,
    failed: counts.failed + counts.invalid,
    bytesRead: progressState.bytesRead,
    totalBytes: report.input.bytes,
  });
  const ticker = setInterval(() => deps.progress?.update(snapshot()), 1000);
  ticker.unref();

  // Set when a stop gave up waiting for records in flight: they must not write any more.
  let journalClosed = false;
  const record = (entry: Omit<JournalRecordEntry, 'type'>, retry = false): void => {
    if (journalClosed) return;
    const index = journal.append({ type: 'record', ...entry, ...(retry ? { retry: true } : {}) });
    states.set(entry.n, parseInt(entry.h, 16), retry ? RecordState.Retry : RecordState.Done, index);
    counts[entry.outcome] += 1;
    finished += 1;
    deps.progress?.update(snapshot());
  };

  async function apply(item: Extract<InputItem, { kind: 'record' }>, h: string): Promise<void> {
    const prepared = prepareRecord(item.values, options.map, plan.key, options.emptyMeans);
    const base = { n: item.ordinal, line: item.line, h, key: prepared.keyText };
    if (!prepared.ok) {
      record({ ...base, outcome: 'invalid', error: prepared.error, values: item.values });
      recordWarning('invalid record', { line: item.line, key: prepared.keyText, error: prepared.error });
      return;
    }
    const id = customerKeyId(prepared.key);
    const previous = tails.get(id);
    const run = (async () => {
      if (previous) await previous;
      await workers.acquire();
      try {
        if (stopping()) {
          counts.notAttempted += 1;
          return;
        }
        await limiter?.take();
        const result = await deps.client.customers.update(prepared.key, prepared.patch, {
          dryRun: options.dryRun,
          verify: options.verify,
          updateEndUserSubscriptions: options.updateEndUserSubscriptions,
        });
        // The read took the token; the write and the verify read are charged after the fact.
        limiter?.charge(
          (result.outcome === 'updated' ? 1 : 0) + (result.outcome === 'updated' && options.verify ? 1 : 0),
        );
        const outcome: Outcome = result.outcome;
        consecutiveRetryable = 0;
        record({ ...base, outcome, reference: result.reference, changes: result.changes });
        if (outcome !== 'unchanged') {
          log.debug(`record ${outcome}`, {
            line: item.line,
            key: prepared.keyText,
            fields: result.changes.map((c) => c.field).join(','),
          });
        }
      } catch (e) {
        const f = fatalOf(e);
        if (f) {
          if (!fatal) {
            fatal = f;
            log.error('fatal error: stopping the run', { kind: f.kind, error: f.message });
          }
          counts.notAttempted += 1;
          return;
        }
        const err = e instanceof TwoCheckoutError ? e : undefined;
        const message = e instanceof Error ? e.message : String(e);
        if (err?.kind === 'validation' && err.attempts === 0) {
          // Refused by the client's own checks on the merged customer (e.g. FiscalCode without a
          // Company on file): nothing was written, the record needs fixing.
          record({ ...base, outcome: 'invalid', error: message, errorKind: err.kind, values: item.values });
          recordWarning('invalid record', { line: item.line, key: prepared.keyText, error: message });
          return;
        }
        // A customer update is a full-object write of the same values: repeating it is safe, so
        // everything that may pass later (network, throttling, unknown outcome) is retried next run.
        const retry = err ? err.retryable || err.kind === 'unknown-outcome' : false;
        record(
          {
            ...base,
            outcome: 'failed',
            error: message,
            errorKind: err?.kind ?? 'internal',
            values: item.values,
          },
          retry,
        );
        recordWarning('record failed', {
          line: item.line,
          key: prepared.keyText,
          kind: err?.kind ?? 'internal',
          error: message,
        });
        consecutiveRetryable = retry ? consecutiveRetryable + 1 : 0;
        const limit = options.maxConsecutiveFailures;
        if (limit > 0 && consecutiveRetryable >= limit && !fatal) {
          fatal = new Fatal(
            'unavailable',
            `${consecutiveRetryable} records in a row failed with errors that may pass later (last: ${message}); ` +
              'the service looks unavailable, so the run stops here. Rerun later: those records are tried again',
          );
          log.error('stopping the run: the service looks unavailable', {
            consecutiveFailures: consecutiveRetryable,
          });
        }
      } finally {
        workers.release();
      }
    })();
    tails.set(id, run);
    try {
      await run;
    } finally {
      if (tails.get(id) === run) tails.delete(id);
    }
  }

  try {
    for await (const item of source.items) {
      if (stopping()) break;
      const keyText =
        item.kind === 'record'
          ? keyTextOf(item.values, options.map, plan.key)
          : `#unreadable:${item.ordinal}`;
      if (!inShard(keyText, options.shard)) {
        counts.otherShards += 1;
        continue;
      }
      const h = recordHash(item.kind === 'record' ? item.values : item.raw);
      const state = states.state(item.ordinal);
      if (state !== RecordState.None && states.hash(item.ordinal) !== parseInt(h, 16)) {
        throw new JournalError(
          `record ${item.ordinal} (line ${item.line}) differs from the one in the journal: the input changed ` +
            'since the journal was written; rerun with the original file, or pass --restart',
        );
      }
      if (state === RecordState.Done) {
        counts.skippedByJournal += 1;
        continue;
      }
      if (item.kind === 'unreadable') {
        record({
          n: item.ordinal,
          line: item.line,
          h,
          key: '',
          outcome: 'invalid',
          error: item.message,
          raw: item.raw,
        });
        recordWarning('unreadable record', { line: item.line, error: item.message });
        continue;
      }
      await window.acquire();
      if (stopping()) {
        window.release();
        break;
      }
      const task = apply(item, h)
        .catch((e: unknown) => {
          // Only the journal itself failing (disk full…) gets here: nothing more can be recorded.
          fatal ??= new Fatal(
            'journal',
            `cannot write the journal: ${e instanceof Error ? e.message : String(e)}`,
          );
        })
        .finally(() => {
          window.release();
          inFlight.delete(task);
        });
      inFlight.add(task);
    }
  } catch (e) {
    const f = fatalOf(e);
    if (!f) throw e;
    fatal ??= f;
  } finally {
    deps.stop?.removeEventListener('abort', onStop);
    clearInterval(ticker);
  }

  // Let the records in flight finish; after a stop, only for drainTimeoutMs (they run again next time).
  const all = Promise.all([...inFlight]).then(() => undefined);
  if (stopping()) {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), options.drainTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      journalClosed = true;
      log.warn('records still in flight after the drain timeout; they will run again next time', {
        inFlight: inFlight.size,
      });
    }
  } else await all;
  deps.progress?.stop(snapshot());
  return { fatal, stopReason };
}
