import type { FaultTiming, SandboxFaultOptions } from '../options';
import { createPrng } from './prng';

/** A fault the sandbox can inject instead of an answer. */
export type InjectedFault = 'hang' | 'reset' | 'http500' | 'http503';

export interface InjectionPlan {
  delayMs: number;
  fault?: InjectedFault;
  /** For http500/reset: whether the operation runs before the failure. */
  timing: 'before' | 'after';
}

function rate(value: number | undefined, name: string): number {
  const r = value ?? 0;
  if (!(r >= 0 && r <= 1)) throw new RangeError(`faults.${name} must be between 0 and 1, got ${value}`);
  return r;
}

/**
 * Draws a plan per SOAP request from a seeded PRNG. Exactly three draws per request whatever
 * the outcome, so the sequence depends only on the seed and the request order.
 */
export class FaultInjector {
  private readonly random: () => number;
  private readonly rates: Record<InjectedFault, number>;
  private readonly timing: FaultTiming;

  constructor(private readonly options: SandboxFaultOptions = {}) {
    this.random = createPrng(options.seed ?? 1);
    this.rates = {
      hang: rate(options.hangRate, 'hangRate'),
      reset: rate(options.resetRate, 'resetRate'),
      http500: rate(options.http500Rate, 'http500Rate'),
      http503: rate(options.http503Rate, 'http503Rate'),
    };
    const total = Object.values(this.rates).reduce((a, b) => a + b, 0);
    if (total > 1) throw new RangeError(`faults: the rates add up to ${total}, more than 1`);
    for (const name of ['latencyMs', 'jitterMs'] as const) {
      const v = options[name];
      if (v !== undefined && !(Number.isFinite(v) && v >= 0)) {
        throw new RangeError(`faults.${name} must be a non-negative number, got ${v}`);
      }
    }
    this.timing = options.timing ?? 'after';
    if (!['before', 'after', 'random'].includes(this.timing)) {
      throw new RangeError(`faults.timing must be before, after or random, got ${String(this.timing)}`);
    }
  }

  plan(operation: string): InjectionPlan {
    const jitter = this.random();
    const pick = this.random();
    const when = this.random();
    const applies = !this.options.operations || this.options.operations.includes(operation);
    const delayMs = applies ? (this.options.latencyMs ?? 0) + jitter * (this.options.jitterMs ?? 0) : 0;
    const timing = this.timing === 'random' ? (when < 0.5 ? 'before' : 'after') : this.timing;
    if (!applies) return { delayMs, timing };
    let edge = 0;
    for (const fault of ['hang', 'reset', 'http500', 'http503'] as const) {
      edge += this.rates[fault];
      if (pick < edge) return { delayMs, fault, timing };
    }
    return { delayMs, timing };
  }
}
