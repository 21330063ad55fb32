import { type Kysely, sql } from 'kysely';

/**
 * When a conversation last entered the queue, apart from `queued_at` (since when its visitor has
 * waited for a person, which a requeue keeps): the maximum queue time counts from this one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('entered_queue_at', 'text').execute();
  await sql`UPDATE conversations SET entered_queue_at = queued_at`.execute(db);
}
