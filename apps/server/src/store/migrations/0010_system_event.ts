import type { Kysely } from 'kysely';

/** A system message's words as data (protocol `SystemEvent`, JSON), for clients to translate. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('system_event', 'text').execute();
}
