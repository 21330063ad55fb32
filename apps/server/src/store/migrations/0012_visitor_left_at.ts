import type { Kysely } from 'kysely';

/**
 * When a visitor's last connection closed (null while one is open): after a restart, a queued
 * visitor who had already left gets only what was left of the abandonment window.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('visitors').addColumn('left_at', 'text').execute();
}
