import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * The full-text index moves to a file of its own beside the database (`store/search-index.ts`),
 * so that indexing never holds the database's write lock. The background worker builds the new
 * index from the messages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`DROP TRIGGER IF EXISTS messages_fts_delete`.execute(db);
    await sql`DROP TABLE IF EXISTS messages_fts`.execute(db);
    await sql`DELETE FROM settings WHERE key = 'fts_indexed_through'`.execute(db);
  }
}
