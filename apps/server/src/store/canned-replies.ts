import type { CannedScope } from '@switchboard/protocol';
import type { Selectable } from 'kysely';
import type { Db } from './open-sqlite.js';
import type { CannedRepliesTable } from './schema.js';

export interface CannedReplyRecord {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  scope: CannedScope;
  teamId: string | null;
  ownerId: string | null;
}

function rowToCannedReply(row: Selectable<CannedRepliesTable>): CannedReplyRecord {
  return {
    id: row.id,
    shortcut: row.shortcut,
    title: row.title,
    body: row.body,
    scope: row.scope === 'team' ? 'team' : row.scope === 'personal' ? 'personal' : 'global',
    teamId: row.team_id,
    ownerId: row.owner_id,
  };
}

/** Inserts a reply; false when its shortcut is taken. */
export async function insertCannedReply(
  db: Db,
  reply: Omit<CannedReplyRecord, 'scope' | 'teamId' | 'ownerId'> & Partial<CannedReplyRecord>,
): Promise<boolean> {
  const result = await db
    .insertInto('canned_replies')
    .values({
      id: reply.id,
      shortcut: reply.shortcut,
      title: reply.title,
      body: reply.body,
      scope: reply.scope ?? 'global',
      team_id: reply.teamId ?? null,
      owner_id: reply.ownerId ?? null,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('shortcut').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function listCannedReplies(db: Db): Promise<CannedReplyRecord[]> {
  const rows = await db.selectFrom('canned_replies').selectAll().orderBy('shortcut').execute();
  return rows.map(rowToCannedReply);
}

export async function getCannedReply(db: Db, id: string): Promise<CannedReplyRecord | undefined> {
  const row = await db.selectFrom('canned_replies').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowToCannedReply(row);
}

/** False when the new shortcut is taken. */
export async function updateCannedReply(
  db: Db,
  id: string,
  change: { shortcut?: string | undefined; title?: string | undefined; body?: string | undefined },
): Promise<boolean> {
  try {
    await db
      .updateTable('canned_replies')
      .set({
        ...(change.shortcut === undefined ? {} : { shortcut: change.shortcut }),
        ...(change.title === undefined ? {} : { title: change.title }),
        ...(change.body === undefined ? {} : { body: change.body }),
      })
      .where('id', '=', id)
      .execute();
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
    throw error;
  }
}

export async function deleteCannedReply(db: Db, id: string): Promise<void> {
  await db.deleteFrom('canned_replies').where('id', '=', id).execute();
}
