import type { JournalRecordEntry } from '../journal-format';
import { SyncError } from '../errors';
import { Semaphore } from '../semaphore';
import { classify } from './classify';
import type { RecordTask, RunContext, StepResult } from './context';
import type { OutcomeEntry } from './journal-writer';
import type { RecordStep } from './steps';
import { mayBeSuperseded, type PendingRow } from './supersession';

/** Where a record stands after its leading local steps handed it on (see startLocally). */
interface Started {
  /** The step to run next (or the one whose result `first` will be). */
  step: number;
  /** The failure of an earlier run it takes over (see takeOver). */
  before: PendingRow | undefined;
  /** A local step's result still to come. */
  first?: Promise<StepResult | undefined>;
}

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

  /** Whether nothing of this key is admitted and unfinished (its next record would start at once). */
  idle(keyId: string): boolean {
    return !this.tails.has(keyId);
  }

  /**
   * Takes the next record of the input. A record whose key has nothing unfinished and that the
   * local steps decide at once (the state confirms it) is finished right here, synchronously: no
   * window slot, no promise, so a million such records cost little more than their journal lines.
   * Any other record waits for room in the window and is queued behind the earlier records of its
   * key. Returns (or resolves to) false, queueing nothing, when the run is stopping.
   */
  admit(task: RecordTask): boolean | Promise<boolean> {
    if (this.ctx.control.stopping || this.tails.has(task.keyId)) return this.queue(task, undefined);
    const started = this.startLocally(task);
    return started === undefined ? true : this.queue(task, started);
  }

  /** Waits for room in the window, then runs the record in its key's turn. */
  private async queue(task: RecordTask, started: Started | undefined): Promise<boolean> {
    await this.window.acquire();
    if (this.ctx.control.stopping) {
      this.window.release();
      // Its local steps ran, but nothing was journaled: the next run takes it again.
      if (started) this.ctx.counts.notAttempted += 1;
      return false;
    }
    const previous = this.tails.get(task.keyId);
    const run: Promise<void> = (async () => {
      if (previous) await previous;
      await this.apply(task, started);
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
   * Runs the leading local steps of a record at once. Returns undefined when they decided it (it
   * is journaled), else where the record stands for the rest of its steps.
   */
  private startLocally(task: RecordTask): Started | undefined {
    const { ctx } = this;
    const before = this.takeOver(task);
    let step = 0;
    let result: StepResult | undefined;
    try {
      for (; step < this.steps.length && !this.steps[step].network; step++) {
        const r = this.steps[step].run(task, ctx);
        // A local step that has to wait: the rest runs in the record's turn.
        if (r instanceof Promise) return { step, before, first: r };
        if (r) {
          result = r;
          break;
        }
      }
    } catch (e) {
      this.failed(task, e, before?.coveredBy);
      return undefined;
    }
    if (!result) return { step, before };
    this.finish(task, result, false);
    return undefined;
  }

  /**
   * A failure from an earlier run being tried again: whatever happens now replaces it (a new
   * failure keeps what later records had already taken over; see finish and failed, which drop it
   * once the record has its outcome). Returns that failure.
   */
  private takeOver(task: RecordTask): PendingRow | undefined {
    return this.ctx.pending.get(task.keyId, task.ordinal);
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

  /** One record in its key's turn: the steps (from where startLocally left it), then its outcome journaled. */
  private async apply(task: RecordTask, started: Started | undefined): Promise<void> {
    const { ctx } = this;
    if (ctx.control.stopping) {
      ctx.counts.notAttempted += 1;
      return;
    }
    const before = started ? started.before : this.takeOver(task);
    let slot = false;
    let result: StepResult | undefined;
    try {
      if (started?.first) result = await started.first;
      for (
        let i = started ? started.step + (started.first ? 1 : 0) : 0;
        !result && i < this.steps.length;
        i++
      ) {
        const step = this.steps[i];
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
      }
    } catch (e) {
      this.failed(task, e, before?.coveredBy);
      return;
    } finally {
      if (slot) this.slots.release();
    }
    if (!result) throw new Error(`no step decided record ${task.ordinal}`);
    this.finish(task, result, slot);
  }

  /**
   * Journals a decided record, tells the steps, and journals the earlier failures of its key it
   * supersedes. `networked`: the service answered (a record decided locally says nothing about
   * whether the service is up, so it does not end a streak of failures).
   */
  private finish(task: RecordTask, result: StepResult, networked: boolean): void {
    const { ctx } = this;
    ctx.pending.forget(task.keyId, task.ordinal);
    if (networked) ctx.outage.observe('ok');
    const fields = Object.keys(task.patch);
    // Earlier failures of this key pending: the entry says which fields it takes over from them.
    const takesOver = ctx.pending.has(task.keyId);
    const outcome: OutcomeEntry = {
      n: task.ordinal,
      line: task.line,
      h: task.h,
      key: task.keyText,
      outcome: result.outcome,
      reference: result.reference,
      changes: result.changes,
    };
    if (takesOver) outcome.fields = fields;
    if (result.confirmedOnResume) outcome.confirmedOnResume = true;
    if (result.drift) outcome.drift = result.drift;
    const entry = ctx.journal.outcome(outcome);
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
    if (c.kind !== 'fatal') ctx.pending.forget(task.keyId, task.ordinal);
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
