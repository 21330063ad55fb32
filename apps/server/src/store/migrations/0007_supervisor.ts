import { type Kysely, sql } from 'kysely';

// Supervisor window, admin area and reports: canned reply scopes, supervisors who joined a chat
// visibly, the first assignment and first agent reply (never reset by a reassignment, for
// reports), and indexes for the audit log and the status log.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('canned_replies')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('global'))
    .execute();
  await db.schema.alterTable('canned_replies').addColumn('team_id', 'text').execute();
  await db.schema.alterTable('canned_replies').addColumn('owner_id', 'text').execute();

  await db.schema
    .createTable('conversation_participants')
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_participants_pk', ['conversation_id', 'user_id'])
    .execute();

  await db.schema.alterTable('conversations').addColumn('first_assigned_at', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('first_response_at', 'text').execute();
  await sql`UPDATE conversations SET first_assigned_at = assigned_at WHERE assigned_at IS NOT NULL`.execute(
    db,
  );
  await sql`UPDATE conversations SET first_response_at = first_reply_at WHERE first_reply_at IS NOT NULL`.execute(
    db,
  );

  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'id']).execute();
  await db.schema
    .createIndex('agent_status_log_user')
    .on('agent_status_log')
    .columns(['user_id', 'at'])
    .execute();
}
