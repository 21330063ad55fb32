import { type Kysely, sql } from 'kysely';

// Routing: agent capacity and status, team routing settings, routing rules, offers, bans,
// the bot's answers, and the audit log.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();

  for (const [column, type, fallback] of [
    ['mode', 'text', sql`'auto'`],
    ['offer_timeout_seconds', 'integer', sql`30`],
    ['wrap_up_seconds', 'integer', sql`0`],
    ['unanswered_seconds', 'integer', sql`0`],
    ['affinity_hours', 'integer', sql`72`],
    ['aging_seconds', 'integer', sql`120`],
    ['business_hours', 'text', sql`'null'`],
    ['bot_enabled', 'integer', sql`0`],
  ] as const) {
    await db.schema
      .alterTable('teams')
      .addColumn(column, type, (c) => c.notNull().defaultTo(fallback))
      .execute();
  }

  for (const [column, type, fallback] of [
    ['priority', 'text', sql`'normal'`],
    ['weight', 'integer', sql`1`],
    ['tags', 'text', sql`'[]'`],
    ['in_bot', 'integer', sql`0`],
    ['front_of_queue', 'integer', sql`0`],
  ] as const) {
    await db.schema
      .alterTable('conversations')
      .addColumn(column, type, (c) => c.notNull().defaultTo(fallback))
      .execute();
  }
  await db.schema.alterTable('conversations').addColumn('queued_at', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('first_reply_at', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('routing_rule', 'text').execute();
  await sql`UPDATE conversations SET queued_at = created_at WHERE status = 'queued'`.execute(db);

  await db.schema
    .createTable('agent_states')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('status_before_disconnect', 'text')
    .addColumn('last_assigned_at', 'text')
    .addColumn('wrap_up_until', 'text')
    .addColumn('disconnected_at', 'text')
    .execute();

  await db.schema
    .createTable('agent_status_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('priority', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  // At most one ringing offer per conversation, enforced by the store itself.
  await sql`CREATE UNIQUE INDEX offers_one_open ON offers (conversation_id) WHERE status = 'open'`.execute(
    db,
  );

  await db.schema
    .createTable('bans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .execute();

  await db.schema
    .createTable('bot_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}
