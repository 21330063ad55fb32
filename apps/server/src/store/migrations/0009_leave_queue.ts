import { type Kysely, sql } from 'kysely';

/**
 * A queued visitor may leave a message instead of waiting, and a team may cap the wait. The
 * address to answer at moves onto the conversation, so every kind of left message carries it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('reply_to', 'text').execute();
  await sql`UPDATE conversations SET reply_to = (
    SELECT o.email FROM offline_messages o WHERE o.conversation_id = conversations.id
    ORDER BY o.created_at DESC LIMIT 1)`.execute(db);
  await db.schema
    .alterTable('teams')
    .addColumn('max_queue_seconds', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
