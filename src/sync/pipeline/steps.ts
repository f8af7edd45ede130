import { ValidationError } from '../../client/errors';
import type { Change, JournalRecordEntry } from '../journal-format';
import type { RecordTask, RunContext, StepResult } from './context';

/**
 * One stage of applying a record. The scheduler runs a record's steps in order, in the record's
 * turn for its key, until one returns a result; later steps are not run. A step that talks to the
 * service says so (`network`), and the scheduler gives it one of the `--concurrency` slots first;
 * a local step (a state-store lookup) runs without one, so it costs no slot and no rate budget.
 */
export interface RecordStep {
  readonly name: string;
  readonly network: boolean;
  /**
   * The record's outcome, or undefined to hand the record to the next step. Errors go to the
   * classifier. A local step that can answer at once returns its answer, not a promise: the
   * scheduler then decides the record without a promise or a window slot.
   */
  run(task: RecordTask, ctx: RunContext): StepResult | undefined | Promise<StepResult | undefined>;
  /** Called once the record's final entry is in the journal (whichever step decided it). */
  journaled?(task: RecordTask, entry: JournalRecordEntry, ctx: RunContext): void;
}

/**
 * Checks the record's fields when that was left to the steps (RecordTask.validation): a record
 * with a problem is `invalid`, as if it had been refused before it was queued, and nothing is sent.
 */
export const validateStep: RecordStep = {
  name: 'validate',
  network: false,
  run(task) {
    const error = task.validation?.();
    if (error !== undefined) {
      throw new ValidationError(error, { operation: 'sync', attempts: 0, problems: [] });
    }
    return undefined;
  },
};

/**
 * The changed fields that put back what someone else had changed: those the state confirmed at
 * the record's value, or, for a retry of an earlier run's write (the state forgot its fields
 * before that write), those its intent said so of.
 */
function driftOf(task: RecordTask, changes: readonly Change[], ctx: RunContext): string[] | undefined {
  const found = ctx.state?.driftOf(task, changes);
  if (found || !task.intentDrift) return found;
  const fields = task.intentDrift.filter((f) => changes.some((c) => c.field === f));
  return fields.length > 0 ? fields : undefined;
}

/**
 * The read-modify-write through the client: one read, plus a write when something differs, with
 * the intent journaled right before the write. A record whose earlier write (intent journaled,
 * answer lost) is found in place is `updated`, confirmed on resume.
 */
export const updateStep: RecordStep = {
  name: 'update',
  network: true,
  async run(task, ctx) {
    const { options } = ctx;
    const result = await ctx.client.customers.update(task.key, task.patch, {
      dryRun: options.dryRun,
      verify: options.verify,
      updateEndUserSubscriptions: options.updateEndUserSubscriptions,
      beforeWrite: (changes) => {
        // The drift goes with the intent: once the state forgets these fields (below), a resumed
        // run could no longer tell that this write put back what someone else had changed.
        ctx.journal.intent(task.ordinal, task.h, [...changes], driftOf(task, changes, ctx));
        // The state stops claiming the old values before they are overwritten (a kill may follow).
        ctx.state?.beforeWrite(task, changes);
      },
    });
    if (result.outcome === 'unchanged' && task.intent && task.intent.length > 0) {
      return {
        outcome: 'updated',
        reference: result.reference,
        changes: [...task.intent],
        confirmedOnResume: true,
        ...(task.intentDrift ? { drift: [...task.intentDrift] } : {}),
      };
    }
    const drift = driftOf(task, result.changes, ctx);
    return { outcome: result.outcome, reference: result.reference, changes: result.changes, drift };
  },
};
