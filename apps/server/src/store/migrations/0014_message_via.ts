import type { Kysely } from 'kysely';

/** How a message arrived when not from a chat client (protocol `MessageVia`: `email`); else null. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('via', 'text').execute();
}
