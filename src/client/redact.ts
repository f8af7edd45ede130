import { inspect } from 'node:util';

const REDACTED = '[REDACTED]';
/** Login hashes are 32 hex digits; session IDs are opaque tokens that are usually long hex runs too. */
const LONG_HEX = /\b[0-9a-f]{32,}\b/gi;
/** How many recent session IDs / hashes to remember; older ones have long expired. */
const MAX_REMEMBERED = 16;

/**
 * Scrubs the secrets of one client (secret key, login hashes and session IDs it has seen) out of
 * texts before they reach an error or a log line. Bounded: only the latest few tokens are kept.
 */
export class Redactor {
  private readonly fixed: string[];
  private readonly recent: string[] = [];

  constructor(secrets: readonly string[]) {
    this.fixed = secrets.filter((s) => s.length > 0);
  }

  remember(token: string): void {
    if (token.length === 0 || this.recent.includes(token)) return;
    this.recent.push(token);
    if (this.recent.length > MAX_REMEMBERED) this.recent.shift();
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.fixed) out = out.split(secret).join(REDACTED);
    for (const token of this.recent) out = out.split(token).join(REDACTED);
    return out.replace(LONG_HEX, REDACTED);
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
