import { TwoCheckoutError } from '../client/errors';
import type { ColumnPlan } from './column-map';
import { Fatal, fatalOf } from './fatal';
import type { InputItem, InputSource } from './input/input-item';
import { JournalError, type Journal } from './journal';
import { recordHash, type JournalRecordEntry, type Outcome } from './journal-format';
import type { SyncLogger } from './log';
import { RateLimiter } from './rate-limiter';
import { keyTextOf, prepareRecord } from './record-patch';
import { RecordState, type RecordStates } from './record-state';
import { Semaphore } from './semaphore';
import { inShard } from './shard';
import type { SyncOptions } from './sync-options';
import type { SyncDeps, SyncReport } from './sync-types';

const MAX_RECORD_WARNINGS = 1000;

function customerKeyId(key: number | { external: string }): string {
  return typeof key === 'number' ? `A:${key}` : `E:${key.external}`;
}

export interface ProcessOutcome {
  fatal?: Fatal;
  stopReason?: unknown;
}

/**
 * Feeds the input's records through validation and the client: at most `concurrency` in flight and
 * `4 × concurrency` admitted (memory stays bounded), records of one key chained in input order,
 * the rate budget applied, every outcome journaled. Returns when the input is exhausted and every
 * record finished, or, after a stop or a fatal error, when the records in flight finished (or the
 * drain timeout passed).
 */
export async function processRecords(
  options: SyncOptions,
  deps: SyncDeps,
  log: SyncLogger,
  source: InputSource,
  plan: ColumnPlan,
  journal: Journal,
  states: RecordStates,
  counts: SyncReport['counts'],
  progressState: { bytesRead: number },
  totalBytes: number,
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
    totalBytes,
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
            log.error(`fatal: ${f.message}; stopping the run`, { kind: f.kind });
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
          log.error(`fatal: ${fatal.message}`, { kind: fatal.kind });
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
    if (!fatal) {
      fatal = f;
      log.error(`fatal: ${f.message}; stopping the run`, { kind: f.kind });
    }
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
