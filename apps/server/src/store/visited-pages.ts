import type { VisitedPage } from '@switchboard/protocol';
import type { Db } from './open-sqlite.js';

export interface PageVisit {
  conversationId: string;
  url: string;
  title: string | null;
  at: string;
}

/**
 * Records that the conversation's visitor is on this page, unless it is the page recorded last (a
 * reload, a report repeated after a reconnect, the same address with a title the page changed):
 * the page recorded, or null when nothing was.
 */
export async function recordVisitedPage(db: Db, visit: PageVisit): Promise<VisitedPage | null> {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('visited_pages')
      .select('url')
      .where('conversation_id', '=', visit.conversationId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last?.url === visit.url) return null;
    await insertVisitedPage(trx, visit);
    return { url: visit.url, title: visit.title, at: visit.at };
  });
}

/** The page a conversation is opened on, its first; in the opening's transaction. */
export async function insertVisitedPage(db: Db, visit: PageVisit): Promise<void> {
  await db
    .insertInto('visited_pages')
    .values({
      conversation_id: visit.conversationId,
      url: visit.url,
      title: visit.title,
      visited_at: visit.at,
    })
    .execute();
}

/** The conversation's newest `limit` pages, newest first. */
export async function newestVisitedPages(
  db: Db,
  conversationId: string,
  limit: number,
): Promise<VisitedPage[]> {
  const rows = await db
    .selectFrom('visited_pages')
    .select(['url', 'title', 'visited_at'])
    .where('conversation_id', '=', conversationId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toVisitedPage);
}

/** Every page of the conversation, oldest first (the right of access). */
export async function allVisitedPages(db: Db, conversationId: string): Promise<VisitedPage[]> {
  const rows = await db
    .selectFrom('visited_pages')
    .select(['url', 'title', 'visited_at'])
    .where('conversation_id', '=', conversationId)
    .orderBy('id')
    .execute();
  return rows.map(toVisitedPage);
}

function toVisitedPage(row: { url: string; title: string | null; visited_at: string }): VisitedPage {
  return { url: row.url, title: row.title, at: row.visited_at };
}
