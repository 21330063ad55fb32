import type { Db } from './open-sqlite.js';

/**
 * Inside the caller's transaction: the conversation's ringing offer (if any) is withdrawn, because
 * the conversation no longer waits for an agent (resolved, left as a message).
 */
export async function withdrawOpenOffersIn(trx: Db, conversationId: string, at: string): Promise<void> {
  await trx
    .updateTable('offers')
    .set({ status: 'withdrawn', closed_at: at })
    .where('conversation_id', '=', conversationId)
    .where('status', '=', 'open')
    .execute();
}
