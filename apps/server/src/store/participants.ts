import type { Db } from './open-sqlite.js';

/** Records that a supervisor joined a conversation visibly; false when they already had. */
export async function addParticipant(db: Db, conversationId: string, userId: string): Promise<boolean> {
  const result = await db
    .insertInto('conversation_participants')
    .values({ conversation_id: conversationId, user_id: userId, joined_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function isParticipant(db: Db, conversationId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('conversation_participants')
    .select('user_id')
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
