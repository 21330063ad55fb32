import type { Db } from './open-sqlite.js';
import type { CannedRepliesTable } from './schema.js';

export interface CannedReplyRecord {
  id: string;
  shortcut: string;
  title: string;
  body: string;
}

function rowToCannedReply(row: CannedRepliesTable): CannedReplyRecord {
  return { id: row.id, shortcut: row.shortcut, title: row.title, body: row.body };
}

export async function insertCannedReply(db: Db, reply: CannedReplyRecord): Promise<void> {
  await db
    .insertInto('canned_replies')
    .values({ ...reply, created_at: new Date().toISOString() })
    .execute();
}

export async function listCannedReplies(db: Db): Promise<CannedReplyRecord[]> {
  const rows = await db.selectFrom('canned_replies').selectAll().orderBy('shortcut').execute();
  return rows.map(rowToCannedReply);
}
