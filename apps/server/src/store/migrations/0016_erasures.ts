import { type Kysely, SqliteAdapter, sql } from 'kysely';

/**
 * Erasing a visitor. `erasures` keeps only which conversation ids were erased, numbered, so that
 * every workbench drops its cached copies (also one offline at the time). `erased_messages` is
 * the full-text index's queue: the index is another file, written only by the background worker,
 * which deletes each erased message's entry there. A trigger fills it, so any deletion of a
 * message reaches the index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('erasures')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('erased_messages')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('message_id', 'integer', (c) => c.notNull())
    .execute();
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`CREATE TRIGGER messages_erased AFTER DELETE ON messages BEGIN
    INSERT INTO erased_messages (message_id) VALUES (old.id);
  END`.execute(db);
  // A deleted visitor's name and address leave no trace in the index's pages either.
  await sql`INSERT INTO contacts_fts(contacts_fts, rank) VALUES ('secure-delete', 1)`.execute(db);
}
