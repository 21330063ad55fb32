import type { Kysely } from 'kysely';

// The widget: per-widget settings, CSAT ratings and messages left while nobody could serve.

export async function up(db: Kysely<unknown>): Promise<void> {
  // JSON of the protocol's WidgetSettings; NULL means the defaults.
  await db.schema.alterTable('widgets').addColumn('settings', 'text').execute();

  await db.schema
    .createTable('ratings')
    .addColumn('conversation_id', 'text', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('offline_messages')
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('visitors.id'))
    .addColumn('client_msg_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('offline_messages_pk', ['visitor_id', 'client_msg_id'])
    .execute();
}
