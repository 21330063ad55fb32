import { audit } from './audit.js';
import type { Db } from './open-sqlite.js';

export type VisitorErasure =
  | { kind: 'not-found' }
  /** One of the visitor's conversations is queued or assigned: nothing was deleted. */
  | { kind: 'open' }
  | {
      kind: 'erased';
      conversationIds: string[];
      /** The attachments' file names in the upload directory, for the caller to delete. */
      files: string[];
      messages: number;
      /** The newest erasure's number after this one. */
      lastSeq: number;
    };

/**
 * Deletes the visitor and everything of their conversations in one transaction, records which
 * conversation ids went and audits it (counts only). Messages go before the conversations
 * (they reference the attachments), and the answer emails queued for them too (no cascade);
 * the rest follows the conversations by cascade, the visitor search's entries by trigger.
 */
export async function eraseVisitor(
  db: Db,
  e: { visitorId: string; actorId: string; at: string },
): Promise<VisitorErasure> {
  return db.transaction().execute(async (trx) => {
    const visitor = await trx
      .selectFrom('visitors')
      .select('id')
      .where('id', '=', e.visitorId)
      .executeTakeFirst();
    if (!visitor) return { kind: 'not-found' } as const;
    const conversations = await trx
      .selectFrom('conversations')
      .select(['id', 'status'])
      .where('visitor_id', '=', e.visitorId)
      .execute();
    if (conversations.some((c) => c.status === 'queued' || c.status === 'assigned'))
      return { kind: 'open' } as const;
    const ids = conversations.map((c) => c.id);
    let files: string[] = [];
    let messages = 0;
    if (ids.length > 0) {
      files = (
        await trx
          .selectFrom('attachments')
          .select('storage_name')
          .where('conversation_id', 'in', ids)
          .execute()
      ).map((row) => row.storage_name);
      await trx.deleteFrom('answer_emails').where('conversation_id', 'in', ids).execute();
      const deleted = await trx.deleteFrom('messages').where('conversation_id', 'in', ids).executeTakeFirst();
      messages = Number(deleted.numDeletedRows);
      await trx.deleteFrom('conversations').where('id', 'in', ids).execute();
      await trx
        .insertInto('erasures')
        .values(ids.map((id) => ({ conversation_id: id, erased_at: e.at })))
        .execute();
    }
    await trx.deleteFrom('ratings').where('visitor_id', '=', e.visitorId).execute();
    await trx.deleteFrom('offline_messages').where('visitor_id', '=', e.visitorId).execute();
    await trx.deleteFrom('visitors').where('id', '=', e.visitorId).execute();
    await audit(
      trx,
      e.actorId,
      'visitor.erase',
      e.visitorId,
      { conversations: ids.length, messages, attachments: files.length },
      e.at,
    );
    return {
      kind: 'erased',
      conversationIds: ids,
      files,
      messages,
      lastSeq: await lastErasureSeq(trx),
    } as const;
  });
}

/** The newest erasure's number, 0 when there has been none. */
export async function lastErasureSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('erasures')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Erasures after `after`, oldest first. */
export async function erasuresAfter(db: Db, after: number, limit: number) {
  const rows = await db
    .selectFrom('erasures')
    .select(['seq', 'conversation_id', 'erased_at'])
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ seq: r.seq, conversationId: r.conversation_id, erasedAt: r.erased_at }));
}
