import { type Kysely, sql } from 'kysely';

/**
 * Finding a person by email address (the admin area's privacy lookup) reads these instead of
 * every visitor and conversation: a lookup scanned them on the server's one thread, where every
 * chat waits. Only rows with an address are indexed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('visitors_email_folded')
    .on('visitors')
    .expression(sql`lower(email)`)
    .where(sql.ref('email'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('conversations_reply_to_folded')
    .on('conversations')
    .expression(sql`lower(reply_to)`)
    .where(sql.ref('reply_to'), 'is not', null)
    .execute();
}
