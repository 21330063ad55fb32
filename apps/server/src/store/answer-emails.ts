import { sql } from 'kysely';
import type { Db } from './open-sqlite.js';
import { preparedQuery } from './prepared-query.js';

/**
 * Queues the conversation's answers for email at `dueAt`, inside the answer's own transaction.
 * A row already waiting keeps its time (the first answer's delay gathers the next ones) and a
 * retrying one its back-off.
 */
export const queueAnswerEmail = preparedQuery(
  (db, p: { conversationId: string; dueAt: string }) =>
    db
      .insertInto('answer_emails')
      .values({ conversation_id: p.conversationId, due_at: p.dueAt })
      .onConflict((oc) => oc.column('conversation_id').doNothing()),
  ['conversationId', 'dueAt'],
);

export interface DueAnswerEmail {
  conversationId: string;
  attempts: number;
  /** The conversation's messages up to this seq are already emailed or read. */
  emailedSeq: number;
  /** How far the visitor has read in the chat (0: nothing). */
  visitorReadSeq: number;
}

/** The conversations whose answers are due to be emailed at `now`, the longest due first. */
export async function dueAnswerEmails(db: Db, now: string, limit: number): Promise<DueAnswerEmail[]> {
  const rows = await db
    .selectFrom('answer_emails as e')
    .innerJoin('conversations as c', 'c.id', 'e.conversation_id')
    .leftJoin('read_marks as r', (join) =>
      join.onRef('r.conversation_id', '=', 'e.conversation_id').on('r.reader_id', '=', 'visitor'),
    )
    .select(['e.conversation_id', 'e.attempts', 'c.emailed_seq', 'r.seq as read_seq'])
    .where('e.due_at', '<=', now)
    .orderBy('e.due_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    conversationId: row.conversation_id,
    attempts: row.attempts,
    emailedSeq: row.emailed_seq,
    visitorReadSeq: row.read_seq ?? 0,
  }));
}

/**
 * Done with the conversation's messages up to `seq`: emailed or read in the chat (`advance`: the
 * next email starts after them), or given up on (the next answer's email carries them again).
 * An answer written after them, while this one was on its way, is queued again for `requeueAt`.
 */
export async function settleAnswerEmail(
  db: Db,
  conversationId: string,
  seq: number,
  options: { advance: boolean; requeueAt: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (options.advance) {
      await trx
        .updateTable('conversations')
        .set({ emailed_seq: sql<number>`max(emailed_seq, ${seq})` })
        .where('id', '=', conversationId)
        .execute();
    }
    await trx.deleteFrom('answer_emails').where('conversation_id', '=', conversationId).execute();
    const later = await trx
      .selectFrom('messages')
      .select('seq')
      .where('conversation_id', '=', conversationId)
      .where('seq', '>', seq)
      .where('sender_kind', '=', 'agent')
      .where('visibility', '=', 'all')
      .limit(1)
      .executeTakeFirst();
    if (later) {
      await trx
        .insertInto('answer_emails')
        .values({ conversation_id: conversationId, due_at: options.requeueAt })
        .execute();
    }
  });
}

/** A temporary failure: tried again at `dueAt`. */
export async function retryAnswerEmail(
  db: Db,
  conversationId: string,
  attempts: number,
  dueAt: string,
  error: string,
): Promise<void> {
  await db
    .updateTable('answer_emails')
    .set({ attempts, due_at: dueAt, last_error: error })
    .where('conversation_id', '=', conversationId)
    .execute();
}
