import type { Kysely } from 'kysely';

/**
 * The pages of the site a visitor had open while their conversation was open: the page it was
 * opened on, then each page the widget reported (`page:view`). They go with the conversation
 * (erasure, the retention period) by cascade.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('visited_pages')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .execute();
  // A conversation's newest pages, and the rows a deleted conversation takes with it.
  await db.schema
    .createIndex('visited_pages_conversation')
    .on('visited_pages')
    .columns(['conversation_id', 'id'])
    .execute();
}
