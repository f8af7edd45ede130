import type Database from 'better-sqlite3';

/**
 * better-sqlite3 is an optional peer dependency: only `--db` (options.db) needs it, and library
 * users should not have to build a native module. Loaded on first use, with an error that says
 * what to do when it is missing or its native part was never built.
 */
export function openSqlite(file: string): Database.Database {
  let BetterSqlite3: typeof Database;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    BetterSqlite3 = require('better-sqlite3') as typeof Database;
  } catch (err) {
    if (isMissing(err)) {
      throw new Error(
        'install better-sqlite3 to use --db (options.db): it is an optional dependency of ' +
          'twocheckout-soap and is not installed. Run `npm install better-sqlite3`, or leave out --db ' +
          'to keep the sandbox state in memory.',
        { cause: err },
      );
    }
    throw err;
  }
  try {
    return new BetterSqlite3(file);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/bindings file|NODE_MODULE_VERSION|better_sqlite3\.node|invalid ELF header/i.test(message)) {
      throw new Error(
        'better-sqlite3 is installed but its native module is missing or was built for another ' +
          'Node.js (was it installed with --ignore-scripts?): run `npm rebuild better-sqlite3` to use ' +
          `--db (options.db). (${message.split('\n')[0]})`,
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
