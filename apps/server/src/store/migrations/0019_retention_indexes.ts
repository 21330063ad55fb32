import { type Kysely, sql } from 'kysely';

/**
 * The retention period's hourly pass reads these instead of whole tables: the resolved
 * conversations by when they were resolved, and the visitors by when they came (it looks for
 * visitors left with no conversation among those who came since its last pass).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('conversations_resolved')
    .on('conversations')
    .column('resolved_at')
    .where(sql.ref('status'), '=', sql.lit('resolved'))
    .execute();
  await db.schema.createIndex('visitors_created').on('visitors').column('created_at').execute();
}
