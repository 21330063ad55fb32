import type { VisitorAttributes } from '@switchboard/protocol';
import type { Db } from './open-sqlite.js';

export interface NewOfflineMessage {
  conversationId: string;
  visitorId: string;
  widgetId: string;
  teamId: string | null;
  clientMsgId: string;
  senderName: string | null;
  body: string;
  email: string;
  attributes: VisitorAttributes;
}

/** The conversation an earlier try of this offline message created, if any (retries are idempotent). */
export async function findOfflineConversation(
  db: Db,
  visitorId: string,
  clientMsgId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('offline_messages')
    .select('conversation_id')
    .where('visitor_id', '=', visitorId)
    .where('client_msg_id', '=', clientMsgId)
    .executeTakeFirst();
  return row?.conversation_id;
}

/**
 * In one transaction: an `offline` conversation, its first message (seq 1) and the contact to
 * answer. A concurrent retry loses on the primary key and returns the winner's conversation id.
 */
export async function insertOfflineMessage(
  db: Db,
  m: NewOfflineMessage,
  now = new Date().toISOString(),
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const existing = await findOfflineConversation(trx, m.visitorId, m.clientMsgId);
    if (existing) return existing;
    await trx
      .insertInto('conversations')
      .values({
        id: m.conversationId,
        visitor_id: m.visitorId,
        widget_id: m.widgetId,
        team_id: m.teamId,
        status: 'offline',
        assignee_id: null,
        attributes: JSON.stringify(m.attributes),
        last_seq: 1,
        created_at: now,
        updated_at: now,
        assigned_at: null,
        resolved_at: null,
        resolved_by: null,
        reply_to: m.email,
      })
      .execute();
    await trx
      .insertInto('conversation_events')
      .values({
        conversation_id: m.conversationId,
        kind: 'offline-message',
        actor_id: null,
        data: JSON.stringify({ teamId: m.teamId }),
        created_at: now,
      })
      .execute();
    await trx
      .insertInto('messages')
      .values({
        conversation_id: m.conversationId,
        seq: 1,
        client_msg_id: m.clientMsgId,
        sender_kind: 'visitor',
        sender_id: m.visitorId,
        sender_name: m.senderName,
        body: m.body,
        visibility: 'all',
        attachment_id: null,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto('offline_messages')
      .values({
        visitor_id: m.visitorId,
        client_msg_id: m.clientMsgId,
        conversation_id: m.conversationId,
        email: m.email,
        name: m.senderName,
        created_at: now,
      })
      .execute();
    return m.conversationId;
  });
}
