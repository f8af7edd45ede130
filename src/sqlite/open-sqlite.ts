import type Database from 'better-sqlite3';

/** Who needs better-sqlite3, for the messages: what uses it and what to do without it. */
export interface SqliteUse {
  /** What needs it, as the user turned it on: `--db (options.db)`, `the sync state (--state)`. */
  feature: string;
  /** What to do instead of installing it: `leave out --db to keep the sandbox state in memory`. */
  without: string;
}

/**
 * Opens an SQLite database through better-sqlite3, an optional peer dependency: library users who
 * never need a file-backed store should not have to build a native module. Loaded on first use,
 * with an error that says what to do when it is missing or its native part was never built (the
 * sandbox's `--db` and the sync's state both come through here, so they say it the same way).
 */
export function openSqlite(file: string, use: SqliteUse, options: Database.Options = {}): Database.Database {
  let BetterSqlite3: typeof Database;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    BetterSqlite3 = require('better-sqlite3') as typeof Database;
  } catch (err) {
    if (isMissing(err)) {
      throw new Error(
        `install better-sqlite3 to use ${use.feature}: it is an optional dependency of ` +
          `twocheckout-soap and is not installed. Run \`npm install better-sqlite3\`, or ${use.without}.`,
        { cause: err },
      );
    }
    throw err;
  }
  try {
    return new BetterSqlite3(file, options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/bindings file|NODE_MODULE_VERSION|better_sqlite3\.node|invalid ELF header/i.test(message)) {
      throw new Error(
        'better-sqlite3 is installed but its native module is missing or was built for another ' +
          'Node.js (was it installed with --ignore-scripts?): run `npm rebuild better-sqlite3` to use ' +
          `${use.feature}. (${message.split('\n')[0]})`,
        { cause: err },
      );
    }
    throw err;
  }
}

function isMissing(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    e?.code === 'MODULE_NOT_FOUND' && (e.message ?? '').startsWith("Cannot find module 'better-sqlite3'")
  );
}
