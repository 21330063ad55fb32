import { type Kysely, sql } from 'kysely';

/**
 * An index under every column that references another table's row. Deleting a row makes
 * SQLite look for the rows that reference it (to cascade, or to refuse): without an index on the
 * referencing column that is a read of the whole table, per deleted row. A retention batch of 50
 * conversations with 13 files read every message once per file (the attachment's references):
 * 1.9 s on a year of history, on the server's thread. (A test keeps every reference indexed.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Only messages that carry a file: a text message writes nothing to it.
  await db.schema
    .createIndex('messages_attachment')
    .on('messages')
    .column('attachment_id')
    .where(sql.ref('attachment_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('attachments_conversation')
    .on('attachments')
    .column('conversation_id')
    .execute();
  await db.schema.createIndex('offers_conversation').on('offers').column('conversation_id').execute();
  await db.schema
    .createIndex('offline_messages_conversation')
    .on('offline_messages')
    .column('conversation_id')
    .execute();
  await db.schema.createIndex('ratings_visitor').on('ratings').column('visitor_id').execute();
  await db.schema.createIndex('visitor_tokens_visitor').on('visitor_tokens').column('visitor_id').execute();
  // Rows an admin deletes (a widget, a team, a user): rare, but each read every conversation,
  // offer or participant.
  await db.schema.createIndex('conversations_widget').on('conversations').column('widget_id').execute();
  await db.schema.createIndex('offers_user').on('offers').column('user_id').execute();
  await db.schema
    .createIndex('conversation_participants_user')
    .on('conversation_participants')
    .column('user_id')
    .execute();
  await db.schema.createIndex('widgets_team').on('widgets').column('team_id').execute();
  await db.schema.createIndex('routing_rules_team').on('routing_rules').column('team_id').execute();
  await db.schema.createIndex('bot_entries_team').on('bot_entries').column('team_id').execute();
  // The retention pass's expired conversations: beside migration 0020's index by status and
  // creation time, SQLite chose that one over the partial index by resolution time (whose
  // condition it could not weigh) and sorted every resolved conversation (~65 ms at 200,000).
  // With the status as its first column this one wins on the status and the time alike.
  await db.schema.dropIndex('conversations_resolved').execute();
  await db.schema
    .createIndex('conversations_status_resolved')
    .on('conversations')
    .columns(['status', 'resolved_at'])
    .execute();
}
