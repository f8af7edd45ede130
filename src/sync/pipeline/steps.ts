import type { JournalRecordEntry } from '../journal-format';
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
  /** The record's outcome, or undefined to hand the record to the next step. Errors go to the classifier. */
  run(task: RecordTask, ctx: RunContext): Promise<StepResult | undefined>;
  /** Called once the record's final entry is in the journal (whichever step decided it). */
  journaled?(task: RecordTask, entry: JournalRecordEntry, ctx: RunContext): void;
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
        ctx.journal.intent(task.ordinal, task.h, [...changes]);
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
      };
    }
    const drift = ctx.state?.driftOf(task, result.changes);
    return { outcome: result.outcome, reference: result.reference, changes: result.changes, drift };
  },
};
