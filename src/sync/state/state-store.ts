import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { openSqlite } from '../../sqlite/open-sqlite';
import type { ColumnMap, KeyField } from '../column-map';
import { StateError, storageError } from '../errors';
import { decodeEntry, encodeEntry, wellFormed } from './state-entry';

/** Whose customers a state file describes: another merchant, service or key field is another file. */
export interface StateIdentity {
  /** The merchant code the run logs in with. */
  merchant: string;
  /** The service URL (normalized): a state built against a sandbox says nothing about the live service. */
  service: string;
  /** The key column: AvangateCustomerReference and ExternalCustomerReference are different key spaces. */
  key: KeyField;
  /** The column mapping (`--map`): the same column may mean another field under another mapping. */
  map: ColumnMap;
}

/** One customer's entry as found: its reference and its confirmed fields (see state-entry.ts). */
export interface StoredEntry {
  readonly reference: number | null;
  /** The fields as stored: read with findField, hashAt, confirmedAt, or decodeEntry. */
  readonly blob: Buffer;
}

const FORMAT = 'twocheckout-sync state';
const VERSION = 1;
const META = 'twocheckout_sync_state';
/** Customers read ahead in one query (see StateStore.ahead). */
const AHEAD = 512;
/** Confirmations held in memory before they are written in one transaction… */
const BATCH = 2_000;
/** …or after this long, so a kill loses at most about a second of them (those customers are read again). */
const BATCH_MS = 1_000;

interface SqliteFailure {
  code?: string;
  message?: string;
}

/** `--map` as a canonical string (sorted), for the identity. */
function canonicalMap(map: ColumnMap): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(map)
        .sort()
        .map((k) => [k, map[k]]),
    ),
  );
}

function describe(meta: Record<string, string>): string {
  const map = meta.map && meta.map !== '{}' ? `, --map ${meta.map}` : '';
  return `merchant ${meta.merchant}, service ${meta.service}, key ${meta.key}${map}`;
}

/**
 * The sync state in one SQLite file: per customer, the hash of each field's value as last
 * confirmed in 2Checkout and when. Confirmations are held in memory and written in transactions
 * of up to BATCH (and whenever {@link flush} is called), so the database is never on the hot path;
 * `beforeCommit` runs before each transaction (the journal writes out what it holds, so the state
 * never runs ahead of the journal). Lookups see the held confirmations first.
 */
export class StateStore {
  private readonly pending = new Map<string, StoredEntry | null>();
  private readonly statements:
    | {
        get: Database.Statement<[string], [number | null, Buffer]>;
        put: Database.Statement<[string, number | null, Buffer]>;
        del: Database.Statement<[string]>;
        range: Database.Statement<[string], [string, number | null, Buffer]>;
      }
    | undefined;
  /** Customers written to (or removed from) the file by this run. */
  written = 0;
  /**
   * Rows read ahead in key order. Exports are mostly in the order of their keys (or near it): then
   * one query reads the next AHEAD customers, and the lookups that follow find them here, instead
   * of one query (one B-tree search) per customer. When the export is in another order, the
   * windows go unused and the store falls back to one query per customer for a while.
   */
  private ahead = new Map<string, [number | null, Buffer]>();
  private aheadUsed = 0;
  private pointLookups = 0;
  private lastFlush = Date.now();

  private constructor(
    readonly file: string,
    private readonly db: Database.Database | undefined,
    private readonly beforeCommit: () => void,
  ) {
    if (db) {
      this.statements = {
        get: db
          .prepare<[string], [number | null, Buffer]>('SELECT reference, fields FROM customers WHERE key = ?')
          .raw(),
        put: db.prepare<[string, number | null, Buffer]>(
          'INSERT OR REPLACE INTO customers (key, reference, fields) VALUES (?, ?, ?)',
        ),
        del: db.prepare<[string]>('DELETE FROM customers WHERE key = ?'),
        range: db
          .prepare<[string], [string, number | null, Buffer]>(
            `SELECT key, reference, fields FROM customers WHERE key >= ? ORDER BY key LIMIT ${AHEAD}`,
          )
          .raw(),
      };
    }
  }

  /**
   * Opens (or, unless `readOnly`, creates) the state file for `identity`. A file that is not an
   * SQLite database, is damaged, is another program's database, or was written by a newer format
   * is refused with a StateError saying so. One of another merchant, service, key field or mapping
   * is refused too, unless `rebuild` (`--full`): then it is emptied and takes this identity.
   * A `readOnly` store (dry run) of a missing file is empty and creates nothing.
   */
  static open(
    file: string,
    identity: StateIdentity,
    options: { readOnly: boolean; rebuild: boolean; beforeCommit?: () => void },
  ): StateStore {
    const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
    if (options.readOnly && !exists) return new StateStore(file, undefined, () => undefined);
    let db: Database.Database;
    try {
      db = openSqlite(
        file,
        {
          feature: 'the sync state (--state)',
          without: 'pass --no-state to run without it (every customer is read)',
        },
        options.readOnly ? { readonly: true, fileMustExist: true } : {},
      );
    } catch (e) {
      if ((e as SqliteFailure).code === undefined) throw new StateError((e as Error).message);
      throw StateStore.failure(file, e);
    }
    try {
      db.pragma('busy_timeout = 5000');
      // Checked before anything is written: a file that is not ours is left exactly as it was.
      const usable = StateStore.prepare(db, file, identity, options);
      if (!usable) {
        db.close();
        return new StateStore(file, undefined, () => undefined);
      }
      return new StateStore(file, db, options.beforeCommit ?? (() => undefined));
    } catch (e) {
      db.close();
      throw StateStore.failure(file, e);
    }
  }

  /** WAL with NORMAL: a commit survives a killed process (not always a power cut, which only ever loses confirmations: those customers are read again). */
  private static writeAhead(db: Database.Database): void {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }

  /**
   * Checks (or creates) the schema and the identity. Returns false for a read-only database with
   * nothing in it yet (a run that was killed before it created its tables).
   */
  private static prepare(
    db: Database.Database,
    file: string,
    identity: StateIdentity,
    options: { readOnly: boolean; rebuild: boolean },
  ): boolean {
    const wanted: Record<string, string> = {
      format: FORMAT,
      version: String(VERSION),
      merchant: identity.merchant,
      service: identity.service,
      key: identity.key,
      map: canonicalMap(identity.map),
    };
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((t) => t.name);
    if (tables.length === 0) {
      if (options.readOnly) return false;
      StateStore.writeAhead(db);
      db.transaction(() => {
        db.exec(`
          CREATE TABLE ${META} (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
          CREATE TABLE customers (key TEXT PRIMARY KEY, reference INTEGER, fields BLOB NOT NULL) WITHOUT ROWID;
        `);
        StateStore.writeMeta(db, { ...wanted, createdAt: new Date().toISOString() });
      })();
      return true;
    }
    if (!tables.includes(META) || !tables.includes('customers')) {
      throw new StateError(
        `${file} is an SQLite database but not a twocheckout-sync state file (another program's?): ` +
          'it was left as it is; pass --state with another file, or --no-state',
      );
    }
    // A damaged file must not be used: its answers could skip customers that were never written.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw new StateError(`state file ${file} is damaged (${String(check)}): ${StateStore.remedy}`);
    const meta = Object.fromEntries(
      db
        .prepare<[], { name: string; value: string }>(`SELECT name, value FROM ${META}`)
        .all()
        .map((r) => [r.name, r.value]),
    );
    if (meta.format !== FORMAT) {
      throw new StateError(
        `${file} is not a twocheckout-sync state file: pass --state with another file (or --no-state)`,
      );
    }
    if (meta.version !== String(VERSION)) {
      throw new StateError(
        `state file ${file} has format version ${meta.version}, this twocheckout-sync reads version ${VERSION}: ` +
          'use the version that wrote it, or pass --full to rebuild it with this one',
      );
    }
    const differs = ['merchant', 'service', 'key', 'map'].filter((k) => meta[k] !== wanted[k]);
    if (differs.length > 0) {
      if (!options.rebuild || options.readOnly) {
        throw new StateError(
          `state file ${file} belongs to another sync (${describe(meta)}; this run: ${describe(wanted)}): ` +
            'its confirmations say nothing about these customers. Pass --state with a file for this sync, ' +
            'or --full to rebuild this one for it',
        );
      }
    }
    if (options.readOnly) return true;
    StateStore.writeAhead(db);
    if (options.rebuild && differs.length > 0) {
      db.transaction(() => {
        db.exec('DELETE FROM customers');
        StateStore.writeMeta(db, { ...wanted, createdAt: new Date().toISOString() });
      })();
    }
    return true;
  }

  private static writeMeta(db: Database.Database, meta: Record<string, string>): void {
    const put = db.prepare<[string, string]>(`INSERT OR REPLACE INTO ${META} (name, value) VALUES (?, ?)`);
    for (const [name, value] of Object.entries(meta)) put.run(name, value);
  }

  /** A row not in the window: a window from it on (they are paying off), or just the row. */
  private readAhead(keyId: string): [number | null, Buffer] | undefined {
    const { get, range } = this.statements as NonNullable<StateStore['statements']>;
    if (this.pointLookups > 0) {
      this.pointLookups -= 1;
      return get.get(keyId);
    }
    // A window that served few lookups: the export is in another order, ask row by row for a while.
    if (this.ahead.size > 0 && this.aheadUsed < AHEAD / 16) {
      this.ahead.clear();
      this.pointLookups = AHEAD * 4;
      return get.get(keyId);
    }
    this.ahead.clear();
    this.aheadUsed = 0;
    const rows = range.all(keyId);
    for (const [key, reference, fields] of rows) this.ahead.set(key, [reference, fields]);
    // The window starts at the first key >= keyId: keyId is in the file only if it is that one.
    const first = rows[0];
    return first !== undefined && first[0] === keyId ? [first[1], first[2]] : undefined;
  }

  private static readonly remedy =
    'delete it (the next run rebuilds it, reading every customer once) or pass --no-state';

  /** An SQLite error as what it means for the user. */
  private static failure(file: string, e: unknown): Error {
    if (e instanceof StateError) return e;
    const code = (e as SqliteFailure).code ?? '';
    const message = (e as SqliteFailure).message ?? String(e);
    if (code === 'SQLITE_NOTADB') {
      return new StateError(
        `${file} is not a twocheckout-sync state file (not an SQLite database): pass --state with another file, or --no-state`,
      );
    }
    if (code.startsWith('SQLITE_CORRUPT'))
      return new StateError(`state file ${file} is damaged (${message}): ${StateStore.remedy}`);
    if (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR')) {
      return storageError('the state', file, {
        code: code.startsWith('SQLITE_FULL') ? 'ENOSPC' : 'EIO',
        message,
      });
    }
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      return new StateError(`state file ${file} is in use by another program (${message})`);
    }
    return new StateError(`cannot use the state file ${file}: ${message} (${code || 'error'})`);
  }

  /** The customer's entry: held (not yet written) confirmations first, then the file. */
  lookup(keyId: string): StoredEntry | undefined {
    const held = this.pending.get(keyId);
    if (held !== undefined) return held ?? undefined;
    return this.committed(keyId);
  }

  /** Records confirmed fields for a customer (`entry` replaces what was there); written in the next batch. */
  confirm(keyId: string, entry: StoredEntry): void {
    if (!this.db) return;
    this.pending.set(keyId, entry);
    if (this.pending.size >= BATCH || Date.now() - this.lastFlush >= BATCH_MS) this.flush();
  }

  /**
   * Before a write that changes `fields` of the customer: the file must no longer claim their old
   * values, or a write whose confirmation is then lost (a kill) would leave a claim that is false.
   * Written at once (with what is held) when the file holds any of them; otherwise held. Returns
   * whether there was a claim to forget.
   */
  forget(keyId: string, fields: ReadonlySet<number>): boolean {
    if (!this.db) return false;
    const claims = (e: StoredEntry | null | undefined): boolean =>
      !!e && decodeEntry(e.blob).some((f) => fields.has(f.field));
    const held = this.pending.get(keyId);
    const onFile = this.committed(keyId);
    const current = held === undefined ? onFile : (held ?? undefined);
    if (!claims(current) && !claims(onFile)) return false;
    const rest = (current ? decodeEntry(current.blob) : []).filter((f) => !fields.has(f.field));
    this.pending.set(
      keyId,
      rest.length === 0 ? null : { reference: current?.reference ?? null, blob: encodeEntry(rest) },
    );
    if (claims(onFile)) this.flush();
    return true;
  }

  /** Writes what is held, in one transaction (after `beforeCommit`). */
  flush(): void {
    if (!this.db || !this.statements || this.pending.size === 0) return;
    const { put, del } = this.statements;
    this.beforeCommit();
    try {
      this.db.transaction(() => {
        for (const [key, entry] of this.pending) {
          // The window read ahead must not answer with what this overwrites.
          this.ahead.delete(key);
          if (entry === null) del.run(key);
          else put.run(key, entry.reference, entry.blob);
        }
      })();
    } catch (e) {
      throw StateStore.failure(this.file, e);
    }
    this.written += this.pending.size;
    this.pending.clear();
    this.lastFlush = Date.now();
  }

  /** Empties the file (`--full`: the state is written afresh). */
  clear(): void {
    this.pending.clear();
    this.ahead.clear();
    if (!this.db) return;
    try {
      this.db.exec('DELETE FROM customers');
    } catch (e) {
      throw StateStore.failure(this.file, e);
    }
  }

  /** Customers in the file. */
  count(): number {
    if (!this.db) return 0;
    return this.db.prepare<[], [number]>('SELECT COUNT(*) FROM customers').raw().get()?.[0] ?? 0;
  }

  /** Writes what is held and closes the file. Idempotent. */
  close(): void {
    if (!this.db?.open) return;
    try {
      this.flush();
    } finally {
      this.db.close();
    }
  }

  /** Closes without writing what is held (the run failed in a way that makes it untrustworthy). */
  abandon(): void {
    this.pending.clear();
    if (this.db?.open) this.db.close();
  }

  private committed(keyId: string): StoredEntry | undefined {
    if (!this.statements) return undefined;
    let row: [number | null, Buffer] | undefined;
    try {
      row = this.ahead.get(keyId);
      if (row) this.aheadUsed += 1;
      else row = this.readAhead(keyId);
    } catch (e) {
      throw StateStore.failure(this.file, e);
    }
    if (!row) return undefined;
    if (!wellFormed(row[1])) {
      throw new StateError(
        `state file ${this.file} is damaged (the entry of customer ${keyId} does not decode): ${StateStore.remedy}`,
      );
    }
    return { reference: row[0], blob: row[1] };
  }
}
