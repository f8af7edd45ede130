import type Database from 'better-sqlite3';
import { openSqlite as openOptionalSqlite } from '../../sqlite/open-sqlite';

/**
 * better-sqlite3 is an optional peer dependency: only `--db` (options.db) needs it. The loader and
 * its messages are shared with the sync's state (src/sqlite/open-sqlite.ts).
 */
export function openSqlite(file: string): Database.Database {
  return openOptionalSqlite(file, {
    feature: '--db (options.db)',
    without: 'leave out --db to keep the sandbox state in memory',
  });
}
