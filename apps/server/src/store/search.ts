import { ftsQuery } from '@switchboard/protocol';
import { sql } from 'kysely';
import type { StaffScope } from './conversations.js';
import type { Db } from './open-sqlite.js';

export interface SearchHitRecord {
  conversationId: string;
  seq: number;
  snippet: string;
  createdAt: string;
}

/**
 * SQLite FTS5 search over message bodies within a staff member's scope, best match first. `search`
 * is the database with its index attached (`OpenedDb.search`).
 */
export async function searchMessages(
  search: Db,
  scope: StaffScope,
  text: string,
  limit: number,
): Promise<SearchHitRecord[]> {
  const match = ftsQuery(text);
  if (match === null) return [];
  const scopeSql =
    scope.kind === 'all'
      ? sql`1 = 1`
      : scope.teamIds.length > 0
        ? sql`(c.team_id IN (${sql.join(scope.teamIds)}) OR c.assignee_id = ${scope.userId})`
        : sql`c.assignee_id = ${scope.userId}`;
  const result = await sql<{ conversation_id: string; seq: number; snippet: string; created_at: string }>`
    SELECT m.conversation_id, m.seq, m.created_at,
           snippet(messages_fts, 0, '', '', '…', 16) AS snippet
    FROM search.messages_fts
    JOIN messages m ON m.id = messages_fts.rowid
    JOIN conversations c ON c.id = m.conversation_id
    WHERE messages_fts MATCH ${match} AND ${scopeSql}
    ORDER BY messages_fts.rank
    LIMIT ${limit}`.execute(search);
  return result.rows.map((r) => ({
    conversationId: r.conversation_id,
    seq: r.seq,
    snippet: r.snippet,
    createdAt: r.created_at,
  }));
}

/**
 * Messages committed but not yet in the full-text index: the background worker indexes everything
 * after the index's `indexed_through` mark. Normally a handful; a count that only grows means the
 * worker is not running, and search is missing messages.
 */
export async function unindexedMessages(search: Db): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*) AS n FROM messages
    WHERE id > coalesce((SELECT value FROM search.index_state WHERE key = 'indexed_through'), 0)`.execute(
    search,
  );
  return Number(result.rows[0]?.n ?? 0);
}
