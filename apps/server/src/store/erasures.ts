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
 * conversation ids went and audits it (counts only).
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
    const { files, messages } = await deleteConversations(trx, ids, e.at);
    await deleteVisitors(trx, [e.visitorId]);
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

/**
 * Deletes the conversations with everything of theirs and records which went. Messages go before
 * the conversations (they reference the attachments), and the answer emails queued for them too
 * (no cascade); the rest follows by cascade, the visitor search's entries by trigger, the message
 * index's through `erased_messages` (a trigger) and the background worker.
 */
async function deleteConversations(
  trx: Db,
  ids: readonly string[],
  at: string,
): Promise<{ files: string[]; messages: number }> {
  if (ids.length === 0) return { files: [], messages: 0 };
  const files = (
    await trx.selectFrom('attachments').select('storage_name').where('conversation_id', 'in', ids).execute()
  ).map((row) => row.storage_name);
  await trx.deleteFrom('answer_emails').where('conversation_id', 'in', ids).execute();
  const deleted = await trx.deleteFrom('messages').where('conversation_id', 'in', ids).executeTakeFirst();
  await trx.deleteFrom('conversations').where('id', 'in', ids).execute();
  await trx
    .insertInto('erasures')
    .values(ids.map((id) => ({ conversation_id: id, erased_at: at })))
    .execute();
  return { files, messages: Number(deleted.numDeletedRows) };
}

/** The visitors themselves (their tokens follow by cascade); their conversations are gone already. */
async function deleteVisitors(trx: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.deleteFrom('ratings').where('visitor_id', 'in', ids).execute();
  await trx.deleteFrom('offline_messages').where('visitor_id', 'in', ids).execute();
  await trx.deleteFrom('visitors').where('id', 'in', ids).execute();
}

export interface Expired {
  conversationIds: string[];
  files: string[];
  messages: number;
  visitors: number;
  lastSeq: number;
}

/** The oldest `limit` conversations resolved before `before` (its plan is tested). */
export function expiredConversationsQuery(db: Db, before: string, limit: number) {
  return db
    .selectFrom('conversations')
    .select('id')
    .where('status', '=', 'resolved')
    .where('resolved_at', '<', before)
    .orderBy('resolved_at')
    .limit(limit);
}

/**
 * The retention period: up to `limit` conversations resolved before `before`, with everything of
 * theirs, and the visitors left with no conversation who came before then (their name and
 * address). Those visitors are looked for among the owners of this batch's conversations and the
 * visitors who came since `checkedBefore` (null: all of them), not the whole table each time. One
 * short transaction per call; the caller repeats while a batch comes back full.
 */
export async function eraseExpired(
  db: Db,
  e: { before: string; checkedBefore: string | null; limit: number; at: string },
): Promise<Expired> {
  return db.transaction().execute(async (trx) => {
    const ids = (await expiredConversationsQuery(trx, e.before, e.limit).execute()).map((row) => row.id);
    const owners =
      ids.length === 0
        ? []
        : (
            await trx
              .selectFrom('conversations')
              .select('visitor_id')
              .distinct()
              .where('id', 'in', ids)
              .execute()
          ).map((row) => row.visitor_id);
    const { files, messages } = await deleteConversations(trx, ids, e.at);
    const checkedBefore = e.checkedBefore;
    const lonely = (
      await trx
        .selectFrom('visitors as v')
        .select('v.id')
        .where('v.created_at', '<', e.before)
        .$if(checkedBefore !== null, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb('v.created_at', '>=', checkedBefore as string),
              ...(owners.length > 0 ? [eb('v.id', 'in', owners)] : []),
            ]),
          ),
        )
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('conversations as c').select('c.id').whereRef('c.visitor_id', '=', 'v.id'))),
        )
        .limit(e.limit)
        .execute()
    ).map((row) => row.id);
    await deleteVisitors(trx, lonely);
    if (ids.length > 0 || lonely.length > 0) {
      await audit(
        trx,
        null,
        'retention.erase',
        'retention',
        { conversations: ids.length, messages, attachments: files.length, visitors: lonely.length },
        e.at,
      );
    }
    return {
      conversationIds: ids,
      files,
      messages,
      visitors: lonely.length,
      lastSeq: await lastErasureSeq(trx),
    };
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

/** How many conversations have been erased, and when last. */
export async function erasureTotals(db: Db): Promise<{ count: number; lastAt: string | null }> {
  const row = await db
    .selectFrom('erasures')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('erased_at').as('lastAt')])
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), lastAt: row?.lastAt ?? null };
}
