import type { Kysely } from 'kysely';

/** A routing rule can give its chats more weight against an agent's capacity. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('routing_rules')
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
