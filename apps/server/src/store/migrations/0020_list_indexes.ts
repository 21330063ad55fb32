import type { Kysely } from 'kysely';

/**
 * The conversation lists, newest first, walk these in order and stop at the page's end: by status
 * (an admin's queue and offline lists read every conversation before), by team and by assignee (a
 * team's list sorted the team's whole history; an agent's list is a walk per team and one of
 * their own). None holds a column a message changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('conversations_status_created')
    .on('conversations')
    .columns(['status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('conversations_team_created')
    .on('conversations')
    .columns(['team_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('conversations_assignee_created')
    .on('conversations')
    .columns(['assignee_id', 'created_at', 'id'])
    .execute();
  // A team's chats of one status (its queue, on every agent's reconnect) likewise: with the id
  // after the time the index gives the list's whole order, so that it is chosen over the team's
  // index above (which would walk the team's history for the few of that status).
  await db.schema.dropIndex('conversations_team_status').execute();
  await db.schema
    .createIndex('conversations_team_status')
    .on('conversations')
    .columns(['team_id', 'status', 'created_at', 'id'])
    .execute();
  // An agent's chats of one status (their open ones, on every reconnect) in order too; it serves
  // what the index it replaces did (an agent's open chats).
  await db.schema.dropIndex('conversations_assignee').execute();
  await db.schema
    .createIndex('conversations_assignee_status')
    .on('conversations')
    .columns(['assignee_id', 'status', 'created_at', 'id'])
    .execute();
}
