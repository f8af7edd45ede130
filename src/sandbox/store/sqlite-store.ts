import type Database from 'better-sqlite3';
import type { SoapStruct } from '../xml/values';
import { openSqlite } from './load-sqlite';
import type { EntityKind, SandboxStore } from './store';

/** The same document model in one SQLite file, so state survives a restart (`--db FILE`). */
export class SqliteStore implements SandboxStore {
  private readonly db: Database.Database;
  private readonly stmts: {
    get: Database.Statement<[string, string, string], { doc: string }>;
    put: Database.Statement<[string, string, string, string]>;
    del: Database.Statement<[string, string, string]>;
    list: Database.Statement<[string, string], { doc: string }>;
    count: Database.Statement<[string, string], { n: number }>;
    seqGet: Database.Statement<[string], { value: number }>;
    seqSet: Database.Statement<[string, number]>;
  };

  constructor(file: string) {
    this.db = openSqlite(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS docs (
        merchant TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, doc TEXT NOT NULL,
        PRIMARY KEY (merchant, kind, key)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    `);
    this.stmts = {
      get: this.db.prepare('SELECT doc FROM docs WHERE merchant = ? AND kind = ? AND key = ?'),
      put: this.db.prepare('INSERT OR REPLACE INTO docs (merchant, kind, key, doc) VALUES (?, ?, ?, ?)'),
      del: this.db.prepare('DELETE FROM docs WHERE merchant = ? AND kind = ? AND key = ?'),
      list: this.db.prepare('SELECT doc FROM docs WHERE merchant = ? AND kind = ?'),
      count: this.db.prepare('SELECT COUNT(*) AS n FROM docs WHERE merchant = ? AND kind = ?'),
      seqGet: this.db.prepare('SELECT value FROM sequences WHERE name = ?'),
      seqSet: this.db.prepare('INSERT OR REPLACE INTO sequences (name, value) VALUES (?, ?)'),
    };
  }

  get(merchant: string, kind: EntityKind, key: string): SoapStruct | undefined {
    const row = this.stmts.get.get(merchant, kind, key);
    return row ? (JSON.parse(row.doc) as SoapStruct) : undefined;
  }

  put(merchant: string, kind: EntityKind, key: string, doc: SoapStruct): void {
    this.stmts.put.run(merchant, kind, key, JSON.stringify(doc));
  }

  delete(merchant: string, kind: EntityKind, key: string): void {
    this.stmts.del.run(merchant, kind, key);
  }

  list(merchant: string, kind: EntityKind): SoapStruct[] {
    return this.stmts.list.all(merchant, kind).map((r) => JSON.parse(r.doc) as SoapStruct);
  }

  count(merchant: string, kind: EntityKind): number {
    return this.stmts.count.get(merchant, kind)?.n ?? 0;
  }

  nextId(sequence: string, floor: number): number {
    const next = Math.max(this.stmts.seqGet.get(sequence)?.value ?? 0, floor - 1) + 1;
    this.stmts.seqSet.run(sequence, next);
    return next;
  }

  bumpId(sequence: string, value: number): void {
    if ((this.stmts.seqGet.get(sequence)?.value ?? 0) < value) this.stmts.seqSet.run(sequence, value);
  }

  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
