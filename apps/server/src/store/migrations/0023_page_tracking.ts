import { type Kysely, sql } from 'kysely';

/** What a widget records of the pages its visitors go to while chatting (`PageTracking`). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('widgets')
    .addColumn('page_tracking', 'text', (c) => c.notNull().defaultTo(sql`'full'`))
    .execute();
}
