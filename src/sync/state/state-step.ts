import type { RecordStep } from '../pipeline/steps';

/**
 * The first step when the state is on: a record whose every field the state confirms at its value,
 * recently enough (`--refresh-after`), is `unchanged-state` without a call to 2Checkout; any other
 * record goes on to the read-modify-write with what the state found (for drift and for the
 * confirmation). Once the outcome is journaled, what was found or written is confirmed.
 */
export const stateStep: RecordStep = {
  name: 'state',
  network: false,
  run(task, ctx) {
    const state = ctx.state;
    if (!state) return undefined;
    const check = state.check(task);
    task.state = check;
    if (!check.skip) return undefined;
    const reference = check.found?.reference ?? (typeof task.key === 'number' ? task.key : 0);
    return { outcome: 'unchanged-state', reference, changes: [] };
  },
  journaled(task, entry, ctx) {
    ctx.state?.journaled(task, entry);
  },
};
