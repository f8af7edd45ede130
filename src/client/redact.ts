import { inspect } from 'node:util';

const REDACTED = '[REDACTED]';
/** How many recent session IDs / hashes to remember; older ones have long expired. */
const MAX_REMEMBERED = 16;

/**
 * Scrubs the secrets of one client out of texts before they reach an error or a log line: the
 * secret key, and the login hashes and session IDs this client has seen, matched by value. Text
 * that merely looks like a token (a faultstring of hex digits) is left alone. Bounded: only the
 * latest few tokens are kept.
 */
export class Redactor {
  readonly #fixed: string[];
  readonly #recent: string[] = [];

  constructor(secrets: readonly string[]) {
    this.#fixed = secrets.filter((s) => s.length > 0);
  }

  remember(token: string): void {
    if (token.length === 0 || this.#recent.includes(token)) return;
    this.#recent.push(token);
    if (this.#recent.length > MAX_REMEMBERED) this.#recent.shift();
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.#fixed) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    for (const token of this.#recent) if (out.includes(token)) out = out.split(token).join(REDACTED);
    return out;
  }

  /** Never shows what it holds. */
  toJSON(): string {
    return 'Redactor';
  }
}

/**
 * Makes util.inspect and JSON.stringify of an options object show the secret key (and the
 * environment it came from) redacted. The hooks are non-enumerable, so spreading the object still
 * copies the real values.
 */
export function hideSecretsFromInspection<T extends { secretKey?: unknown; env?: unknown }>(options: T): T {
  const shown = (): Record<string, unknown> => {
    const { env, ...rest } = options;
    return {
      ...rest,
      ...(rest.secretKey !== undefined ? { secretKey: REDACTED } : {}),
      ...(env !== undefined ? { env: `[environment: ${Object.keys(env as object).length} variables]` } : {}),
    };
  };
  Object.defineProperty(options, inspect.custom, { value: shown, enumerable: false, configurable: true });
  Object.defineProperty(options, 'toJSON', { value: shown, enumerable: false, configurable: true });
  return options;
}

/** Faultstrings (and other server texts) keep this many characters in messages, logs and results. */
export const MAX_SERVER_TEXT = 4096;

/**
 * A server text fit for messages: redacted first (so a secret cut in half by the cap cannot leak
 * its prefix), then cut to MAX_SERVER_TEXT with an ellipsis and the original length.
 */
export function capServerText(text: string, redactor: Redactor, originalLength = text.length): string {
  const clean = redactor.redact(text);
  if (clean.length <= MAX_SERVER_TEXT && originalLength <= text.length) return clean;
  return `${clean.slice(0, MAX_SERVER_TEXT)}… [${originalLength} characters in all]`;
}
