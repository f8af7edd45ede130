import { classifyError, type ClassifiedError } from './error-factory';
import type { Redactor } from './redact';

/** Sends one request: resolves with node-soap's parsed result, rejects with its raw error. */
export type Send = (args: object, options: { timeout: number; signal: AbortSignal }) => Promise<unknown>;

export type AttemptResult = { ok: true; raw: unknown } | { ok: false; failure: ClassifiedError };

export interface AttemptLimits {
  timeoutMs: number;
  /** Absolute time (Date.now() scale) at which the whole facade call must end. */
  deadlineAt: number;
}

/**
 * One HTTP exchange, bounded by the per-request timeout and the call's deadline, whichever comes
 * first. Never throws: failures come back classified, so retry logic stays free of try/catch.
 */
export async function callOnce(
  send: Send,
  operation: string,
  args: object,
  attempt: number,
  limits: AttemptLimits,
  redactor: Redactor,
): Promise<AttemptResult> {
  const remaining = limits.deadlineAt - Date.now();
  const limitedByDeadline = remaining < limits.timeoutMs;
  const budget = Math.max(1, Math.min(limits.timeoutMs, remaining));
  const controller = new AbortController();
  let fired: 'timeout' | 'deadline' | undefined;
  const timer = setTimeout(() => {
    fired = limitedByDeadline ? 'deadline' : 'timeout';
    controller.abort();
  }, budget);
  try {
    const raw = await send(args, { timeout: budget, signal: controller.signal });
    return { ok: true, raw };
  } catch (err) {
    return {
      ok: false,
      failure: classifyError(err, {
        operation,
        attempts: attempt,
        redactor,
        ...(fired ? { abortedBy: fired } : {}),
        timeoutMs: limits.timeoutMs,
      }),
    };
  } finally {
    clearTimeout(timer);
  }
}
