import type { Kysely } from 'kysely';

/**
 * Answers to a left message are emailed to its `reply_to`. `emailed_seq`: the conversation's
 * messages up to it have been emailed (or read by the visitor in the chat). `answer_emails`: the
 * conversations with answers still to email, one row each, written in the answer's own
 * transaction so that an acknowledged answer is never left unsent by a crash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('conversations')
    .addColumn('emailed_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('answer_emails')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey().references('conversations.id'))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('answer_emails_due').on('answer_emails').column('due_at').execute();
}
