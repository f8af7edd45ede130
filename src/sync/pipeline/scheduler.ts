import type { JournalRecordEntry } from '../journal-format';
import { SyncError } from '../errors';
import { Semaphore } from '../semaphore';
import { classify } from './classify';
import type { RecordTask, RunContext, StepResult } from './context';
import type { RecordStep } from './steps';
import { mayBeSuperseded } from './supersession';

/**
 * The per-key scheduler. It admits records in input order and applies them through the steps:
 *
 * - **window**: at most `4 × concurrency` records admitted and not finished (memory stays bounded
 *   whatever the input size, and so does the per-key map);
 * - **in flight**: at most `concurrency` records inside a network step at once;
 * - **per-key order**: a record starts only after every earlier record of its key has finished
 *   and been journaled, so the last record of a key is the last one applied;
 * - **supersession**: when a record is applied, the failed earlier records of its key (in this run
 *   or a resumed one) are journaled `superseded`, so no later run retries them over it;
 * - **drain**: after a stop or a fatal error nothing new starts; records in flight may finish for
 *   `--drain-timeout`, then the journal is closed to them (they run again next time).
 */
export class KeyScheduler {
  private readonly window: Semaphore;
  private readonly slots: Semaphore;
  /** The last admitted record of each key that has one unfinished. */
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly ctx: RunContext,
    private readonly steps: readonly RecordStep[],
  ) {
    this.window = new Semaphore(ctx.options.concurrency * 4);
    this.slots = new Semaphore(ctx.options.concurrency);
  }

  get inFlight(): number {
    return this.running.size;
  }

  /**
   * Waits for room in the window, then queues the record behind the earlier records of its key.
   * Returns false (and queues nothing) when the run is stopping.
   */
  async admit(task: RecordTask): Promise<boolean> {
    await this.window.acquire();
    if (this.ctx.control.stopping) {
      this.window.release();
      return false;
    }
    const previous = this.tails.get(task.keyId);
    const run: Promise<void> = (async () => {
      if (previous) await previous;
      await this.apply(task);
    })()
      .catch((e: unknown) => {
        // Only the journal itself failing (disk full…), or a bug, gets here: stop the run.
        const c = classify(e);
        this.ctx.control.fail(c.kind === 'fatal' ? c.error : new SyncError('internal', c.message));
      })
      .finally(() => {
        if (this.tails.get(task.keyId) === run) this.tails.delete(task.keyId);
        this.running.delete(run);
        this.window.release();
      });
    this.tails.set(task.keyId, run);
    this.running.add(run);
    return true;
  }

  /**
   * Resolves when every admitted record has finished; after a stop, when they have or the drain
   * timeout has passed (then the journal takes no more outcomes from them).
   */
  async drain(): Promise<void> {
    const all = Promise.all([...this.running]).then(() => undefined);
    if (!this.ctx.control.stopping) {
      await all;
      // A fatal error may have come up while waiting: then those left still get their drain time.
      if (!this.ctx.control.stopping) return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      Promise.all([...this.running]).then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), this.ctx.options.drainTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      this.ctx.journal.close();
      this.ctx.log.warn('records still in flight after the drain timeout; they will run again next time', {
        inFlight: this.running.size,
      });
    }
  }

  /** One record in its key's turn: the steps, then its outcome journaled. */
  private async apply(task: RecordTask): Promise<void> {
    const { ctx } = this;
    if (ctx.control.stopping) {
      ctx.counts.notAttempted += 1;
      return;
    }
    // A failure from an earlier run being tried again: whatever happens now replaces it (a new
    // failure keeps what later records had already taken over).
    const before = ctx.pending.get(task.keyId, task.ordinal);
    ctx.pending.forget(task.keyId, task.ordinal);
    let slot = false;
    let result: StepResult | undefined;
    try {
      for (const step of this.steps) {
        if (step.network && !slot) {
          await this.slots.acquire();
          slot = true;
          // Stopped while waiting for a slot: leave the record to the next run.
          if (ctx.control.stopping) {
            ctx.counts.notAttempted += 1;
            return;
          }
        }
        result = await step.run(task, ctx);
        if (result) break;
      }
    } catch (e) {
      this.failed(task, e, before?.coveredBy);
      return;
    } finally {
      if (slot) this.slots.release();
    }
    if (!result) throw new Error(`no step decided record ${task.ordinal}`);
    ctx.outage.observe('ok');
    const fields = Object.keys(task.patch);
    // Earlier failures of this key pending: the entry says which fields it takes over from them.
    const takesOver = ctx.pending.has(task.keyId);
    const entry = ctx.journal.outcome({
      n: task.ordinal,
      line: task.line,
      h: task.h,
      key: task.keyText,
      outcome: result.outcome,
      reference: result.reference,
      changes: result.changes,
      ...(takesOver ? { fields } : {}),
      ...(result.confirmedOnResume ? { confirmedOnResume: true as const } : {}),
      ...(result.drift ? { drift: result.drift } : {}),
    });
    if (entry && result.confirmedOnResume) ctx.counts.confirmedOnResume += 1;
    ctx.intents.delete(task.ordinal);
    this.journaled(task, entry);
    if (entry && takesOver) {
      for (const row of ctx.pending.applied(task.keyId, task.ordinal, task.line, fields)) {
        ctx.journal.superseded(row, task.line);
        ctx.intents.delete(row.n);
      }
    }
    if (result.outcome !== 'unchanged' && result.outcome !== 'unchanged-state') {
      ctx.log.debug(`record ${result.outcome}`, {
        line: task.line,
        key: task.keyText,
        fields: result.changes.map((c) => c.field).join(','),
      });
    }
  }

  private failed(task: RecordTask, e: unknown, coveredBy: Record<string, number> | undefined): void {
    const { ctx } = this;
    const c = classify(e);
    if (c.kind === 'fatal') {
      ctx.control.fail(c.error);
      ctx.counts.notAttempted += 1;
      return;
    }
    const base = { n: task.ordinal, line: task.line, h: task.h, key: task.keyText, values: task.values };
    if (c.kind === 'invalid') {
      ctx.intents.delete(task.ordinal);
      const entry = ctx.journal.outcome({
        ...base,
        outcome: 'invalid',
        error: c.message,
        errorKind: c.errorKind,
      });
      this.journaled(task, entry);
      ctx.warnings.warn('invalid record', { line: task.line, key: task.keyText, error: c.message });
      return;
    }
    const fields = Object.keys(task.patch);
    const entry = ctx.journal.outcome(
      {
        ...base,
        outcome: 'failed',
        error: c.message,
        errorKind: c.errorKind,
        fields,
        ...(coveredBy ? { coveredBy } : {}),
      },
      c.retry,
    );
    this.journaled(task, entry);
    if (entry && mayBeSuperseded(c.errorKind)) {
      ctx.pending.add(task.keyId, {
        n: task.ordinal,
        line: task.line,
        h: task.h,
        key: task.keyText,
        thisRun: true,
        fields,
        ...(coveredBy ? { coveredBy } : {}),
      });
    }
    ctx.warnings.warn('record failed', {
      line: task.line,
      key: task.keyText,
      kind: c.errorKind,
      error: c.message,
    });
    const outage = ctx.outage.observe(c);
    if (outage) ctx.control.fail(outage);
  }

  private journaled(task: RecordTask, entry: JournalRecordEntry | undefined): void {
    if (!entry) return;
    for (const step of this.steps) step.journaled?.(task, entry, this.ctx);
  }
}
