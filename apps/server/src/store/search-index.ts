import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Db } from './open-sqlite.js';
import type { Database } from './schema.js';

/**
 * The full-text index lives in its own SQLite file beside the database, `<file>-search`, which
 * only the background worker (`workers/checkpoint.cjs`) writes. SQLite has one writer per file:
 * with the index in the database itself, every slice the worker indexed kept the server's
 * commits waiting. The index holds a copy of each body (snippets need it) and can always be
 * rebuilt from the messages: delete the file and the worker indexes everything again.
 */
export function searchIndexFile(databaseFile: string): string {
  return `${path.resolve(databaseFile)}-search`;
}

/** Bumped when the index's tables change: an index of another version is dropped and rebuilt. */
const INDEX_VERSION = 1;

/** Creates the index's tables in `schema` (a database attached to `sqlite`) unless they exist. */
export function prepareSearchIndex(sqlite: BetterSqlite3.Database, schema: string): void {
  if (sqlite.pragma(`${schema}.user_version`, { simple: true }) === INDEX_VERSION) return;
  sqlite.exec(`
    DROP TABLE IF EXISTS ${schema}.messages_fts;
    DROP TABLE IF EXISTS ${schema}.index_state;
    CREATE VIRTUAL TABLE ${schema}.messages_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
    CREATE TABLE ${schema}.index_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    PRAGMA ${schema}.user_version = ${INDEX_VERSION};
  `);
}

export interface SearchReader {
  /** The database with the index attached as `search`, only for reading. */
  db: Db;
  close(): Promise<void>;
}

/**
 * Searches run on a connection of their own, the index attached to it. On the server's writing
 * connection the attachment would make every `BEGIN IMMEDIATE` take the index's write lock too,
 * and the commits would wait for the worker again.
 */
export function openSearchReader(databaseFile: string): SearchReader {
  const indexFile = searchIndexFile(databaseFile);
  const sqlite = new BetterSqlite3(databaseFile);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.prepare('ATTACH DATABASE ? AS search').run(indexFile);
  sqlite.pragma('search.journal_mode = WAL');
  prepareSearchIndex(sqlite, 'search');
  sqlite.pragma('query_only = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, close: () => destroyWithConnection(db, sqlite) };
}

/**
 * Kysely closes its connection only if a query ever opened it: a handle never queried would stay
 * open, and the database's last connection (which checkpoints the WAL into the file) never close.
 */
export async function destroyWithConnection(db: Db, sqlite: BetterSqlite3.Database): Promise<void> {
  await db.destroy();
  if (sqlite.open) sqlite.close();
}

/** An in-memory database has no file beside it: its index is attached in memory, and stays empty. */
export function attachIndexInMemory(sqlite: BetterSqlite3.Database): void {
  sqlite.exec("ATTACH DATABASE ':memory:' AS search");
  prepareSearchIndex(sqlite, 'search');
}
