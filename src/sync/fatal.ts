import { TwoCheckoutError } from '../client/errors';
import { InputError } from './input/input-item';
import { JournalError } from './journal';
import { LockError } from './lock';

/** Errors after which no further record can succeed: stop the run (exit 2). */
const FATAL_KINDS: ReadonlySet<string> = new Set(['authentication', 'config', 'tls']);

/** A problem that ends the run (exit 2); `kind` goes into the report. */
export class Fatal extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/** The Fatal an error amounts to, or undefined when it concerns one record only. */
export function fatalOf(e: unknown): Fatal | undefined {
  if (e instanceof Fatal) return e;
  if (e instanceof InputError) return new Fatal('input', e.message);
  if (e instanceof JournalError) return new Fatal('journal', e.message);
  if (e instanceof LockError) return new Fatal('lock', e.message);
  if (e instanceof TwoCheckoutError && FATAL_KINDS.has(e.kind)) {
    const hint = e.kind === 'config' ? '' : ' (run `twocheckout-sync doctor` for the likely causes)';
    return new Fatal(e.kind, `${e.message}${hint}`);
  }
  return undefined;
}
