import { JournalError } from './errors';
import type { InputSource } from './input/input-item';
import { recordHash } from './journal-format';
import { asFatal } from './pipeline/classify';
import type { RunContext } from './pipeline/context';
import { KeyScheduler } from './pipeline/scheduler';
import type { RecordStep } from './pipeline/steps';
import { dataRecord, type ColumnPlan } from './column-map';
import type { CustomerPatch } from '../customers/api';
import type { PendingRow } from './pipeline/supersession';
import { customerKeyId, RecordMapper } from './record-patch';
import { RecordState } from './record-state';
import { inShard } from './shard';

/**
 * Reads the input's records in order and hands each one to its place: another shard's records
 * are counted and dropped, records the journal says are done are skipped, unreadable and invalid
 * records are journaled at once (nothing is sent), and valid ones go to the per-key scheduler.
 * Returns when every record finished, or after a stop or a fatal error when the scheduler has
 * drained. `ctx.control` says which.
 */
export async function processRecords(
  ctx: RunContext,
  source: InputSource,
  plan: ColumnPlan,
  steps: readonly RecordStep[],
  stop?: AbortSignal,
): Promise<void> {
  const { options, journal, counts, control } = ctx;
  const scheduler = new KeyScheduler(ctx, steps);
  const mapper = new RecordMapper(options.map, plan.key, options.emptyMeans);
  const onStop = (): void => control.requestStop(stop?.reason, scheduler.inFlight);
  if (stop?.aborted) onStop();
  stop?.addEventListener('abort', onStop);
  const ticker = setInterval(() => ctx.progress.update(), 1000);
  ticker.unref();

  try {
    for await (const item of source.items) {
      if (control.stopping) break;
      const keyText = item.kind === 'record' ? mapper.keyText(item.values) : `#unreadable:${item.ordinal}`;
      if (!inShard(keyText, options.shard)) {
        counts.otherShards += 1;
        continue;
      }
      const h = recordHash(item.kind === 'record' ? item.values : item.raw);
      const state = journal.states.state(item.ordinal);
      if (state !== RecordState.None && journal.states.hash(item.ordinal) !== parseInt(h, 16)) {
        throw new JournalError(
          `record ${item.ordinal} (line ${item.line}) differs from the one in the journal: the input changed ` +
            'since the journal was written; rerun with the original file, or pass --restart',
        );
      }
      if (state === RecordState.Done) {
        // Done by an earlier run; or by this one before reaching it (superseded while resuming).
        if (!journal.decidedThisRun(item.ordinal)) counts.skippedByJournal += 1;
        continue;
      }
      if (item.kind === 'unreadable') {
        journal.outcome({
          n: item.ordinal,
          line: item.line,
          h,
          key: '',
          outcome: 'invalid',
          error: item.message,
          raw: item.raw,
        });
        ctx.warnings.warn('unreadable record', { line: item.line, error: item.message });
        continue;
      }
      // With the state on and nothing of the key in flight, the state step decides at once: a
      // record it confirms was valid when it was confirmed, so its fields are checked only when
      // it is not (by the validate step). Otherwise they are checked here, before it is queued.
      const prepared = mapper.prepare(item.values, keyText, !ctx.state);
      let deferred = false;
      let error = prepared.ok ? undefined : prepared.error;
      if (prepared.ok && ctx.state) {
        if (scheduler.idle(customerKeyId(prepared.key))) deferred = true;
        else error = mapper.fieldProblems(prepared.patch);
      }
      if (!prepared.ok || error !== undefined) {
        journal.outcome({
          n: item.ordinal,
          line: item.line,
          h,
          key: prepared.keyText,
          outcome: 'invalid',
          error,
          values: item.values,
        });
        ctx.warnings.warn('invalid record', { line: item.line, key: prepared.keyText, error });
        continue;
      }
      const keyId = customerKeyId(prepared.key);
      const admission = scheduler.admit({
        ordinal: item.ordinal,
        line: item.line,
        h,
        values: item.values,
        key: prepared.key,
        keyText: prepared.keyText,
        keyId,
        patch: stillToApply(prepared.patch, ctx.pending.get(keyId, item.ordinal)),
        intent: ctx.intents.get(item.ordinal),
        intentDrift: ctx.intentDrift.get(item.ordinal),
        ...(deferred ? { validation: () => mapper.fieldProblems(prepared.patch) } : {}),
      });
      // A record decided at once (admission is a plain boolean) costs no await.
      if (!(typeof admission === 'boolean' ? admission : await admission)) break;
    }
  } catch (e) {
    const fatal = asFatal(e);
    if (!fatal) throw e;
    control.fail(fatal);
  } finally {
    stop?.removeEventListener('abort', onStop);
    clearInterval(ticker);
    // Whatever stopped the loop, the records admitted finish (or get their drain time).
    await scheduler.drain();
    ctx.progress.stop();
  }
}

/**
 * A failure tried again sends only the fields no later record of its key has set since (see
 * PendingFailures): the others already hold newer values.
 */
function stillToApply(patch: CustomerPatch, pending: PendingRow | undefined): CustomerPatch {
  if (!pending) return patch;
  const rest: Record<string, unknown> = dataRecord<unknown>();
  for (const [field, value] of Object.entries(patch)) if (pending.fields.includes(field)) rest[field] = value;
  return rest as CustomerPatch;
}
