import { type Kysely, sql } from 'kysely';

/** Whether staff see what a widget's visitors type before they send it (off unless an admin turns it on). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('widgets')
    .addColumn('typing_preview', 'integer', (c) => c.notNull().defaultTo(sql`0`))
    .execute();
}
