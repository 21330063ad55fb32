import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Full-text indexing leaves the message insert: half of the pages a message wrote were the
 * index's. The background worker (workers/checkpoint.cjs) indexes new messages in batches.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`DROP TRIGGER IF EXISTS messages_fts_insert`.execute(db);
    // Everything so far was indexed by the trigger; the worker continues after it.
    await sql`INSERT OR REPLACE INTO settings (key, value)
      SELECT 'fts_indexed_through', CAST(coalesce(max(id), 0) AS TEXT) FROM messages`.execute(db);
  }
}
