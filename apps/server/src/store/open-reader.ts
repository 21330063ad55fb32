import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Db } from './open-sqlite.js';
import type { Database } from './schema.js';
import { destroyWithConnection } from './search-index.js';

/**
 * A read-only connection to the server's database file, for a thread that only reads (reports,
 * searches): SQLite itself refuses it any write, and the full-text index it attaches as `search`.
 * It reads what the server has committed, through the WAL.
 */
export function openReader(
  file: string,
  options: { searchIndex: string },
): { db: Db; close(): Promise<void> } {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.prepare('ATTACH DATABASE ? AS search').run(options.searchIndex);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, close: () => destroyWithConnection(db, sqlite) };
}
