import type { Db } from './open-sqlite.js';

export interface RatingRecord {
  conversationId: string;
  visitorId: string;
  score: number;
  comment: string | null;
  createdAt: string;
}

/** Stores a rating; false when the conversation already has one (a rating is given once). */
export async function insertRating(db: Db, rating: RatingRecord): Promise<boolean> {
  const result = await db
    .insertInto('ratings')
    .values({
      conversation_id: rating.conversationId,
      visitor_id: rating.visitorId,
      score: rating.score,
      comment: rating.comment,
      created_at: rating.createdAt,
    })
    .onConflict((oc) => oc.column('conversation_id').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function getRating(db: Db, conversationId: string): Promise<RatingRecord | undefined> {
  const row = await db
    .selectFrom('ratings')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return (
    row && {
      conversationId: row.conversation_id,
      visitorId: row.visitor_id,
      score: row.score,
      comment: row.comment,
      createdAt: row.created_at,
    }
  );
}
