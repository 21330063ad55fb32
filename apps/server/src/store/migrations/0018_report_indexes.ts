import type { Kysely } from 'kysely';

/**
 * Reports read routing's outcomes of their range only: the assignments among the conversations'
 * events and the offers declined or let ring out, by when they happened. Without these a report
 * of a week read every event and offer ever recorded, on the server's one thread.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('conversation_events_kind_created')
    .on('conversation_events')
    .columns(['kind', 'created_at'])
    .execute();
  await db.schema.createIndex('offers_status_closed').on('offers').columns(['status', 'closed_at']).execute();
}
