import {
  type ConversationStatus,
  ftsPrefixQuery,
  ftsQuery,
  SEARCH_RANKED,
  type SearchPeriod,
  SenderKind,
} from '@switchboard/protocol';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { inScope, type StaffScope } from './conversations.js';
import type { Db } from './open-sqlite.js';

export interface SearchHitRecord {
  conversationId: string;
  seq: number;
  snippet: string;
  createdAt: string;
  visitorName: string | null;
  sender: { kind: SenderKind; name: string | null };
}

export interface ConversationHitRecord {
  conversationId: string;
  visitorName: string | null;
  visitorEmail: string | null;
  status: ConversationStatus;
  updatedAt: string;
}

/**
 * How far a message search looks: the newest `SEARCH_RANKED` (1,000) matching messages the caller
 * may read are ranked (BM25) and the best of them returned, among the newest `WALKED` matches. Ranking every
 * match of a common word ("order" in 300,000 of a million messages) held the server's thread for
 * ~600 ms; within these bounds a search takes 20–65 ms, 50–100 ms for a caller whose teams hold
 * none of the matches (`npm run bench:search`).
 */
const WALKED = 10_000;

/**
 * SQLite FTS5 search over message bodies within a staff member's scope and a period: the best
 * matches among the newest in the period (`SEARCH_RANKED`, `WALKED`), `limit` of them after the best
 * `offset`. `search` is the database with its index attached (`OpenedDb.search`).
 */
export async function searchMessages(
  search: Db,
  scope: StaffScope,
  text: string,
  limit: number,
  period: SearchPeriod = {},
  offset = 0,
): Promise<SearchHitRecord[]> {
  const match = ftsQuery(text);
  if (match === null) return [];
  // The period as a range of ids, which the index walks in order.
  const low = period.from === undefined ? 0 : await firstIdAt(search, 'messages', period.from);
  const high =
    period.to === undefined ? Number.MAX_SAFE_INTEGER : await firstIdAt(search, 'messages', period.to);
  // The oldest match still walked (FTS5 reads a term's matches newest first, and stops there):
  // only for a scope that may leave most matches out, since for the last word, a prefix, each
  // reading of the index costs again (~20 ms for a common word).
  const walkedFrom =
    scope.kind === 'all'
      ? 0
      : ((
          await sql<{ rowid: number }>`
            SELECT rowid FROM search.messages_fts WHERE messages_fts MATCH ${match} AND rowid < ${high}
            ORDER BY rowid DESC LIMIT 1 OFFSET ${WALKED - 1}`.execute(search)
        ).rows[0]?.rowid ?? 0);
  const floor = Math.max(low, walkedFrom);
  // CROSS JOIN keeps the index the outer loop, in its own order: the scope's conversations would
  // otherwise be read first (an index on the team) and every message of theirs matched.
  const result = await sql<{
    conversation_id: string;
    seq: number;
    snippet: string;
    created_at: string;
    visitor_name: string | null;
    sender_kind: string;
    sender_name: string | null;
  }>`
    WITH hit AS MATERIALIZED (
      SELECT m.id, bm25(messages_fts) AS score, snippet(messages_fts, 0, '', '', '…', 16) AS snippet
      FROM search.messages_fts
      CROSS JOIN messages m ON m.id = messages_fts.rowid
      CROSS JOIN conversations c ON c.id = m.conversation_id
      WHERE messages_fts MATCH ${match} AND messages_fts.rowid >= ${floor} AND messages_fts.rowid < ${high}
        AND ${inScope(scope)} AND ${writtenIn(period)}
      ORDER BY messages_fts.rowid DESC
      LIMIT ${SEARCH_RANKED})
    SELECT m.conversation_id, m.seq, m.created_at, v.name AS visitor_name, m.sender_kind, m.sender_name,
           hit.snippet
    FROM hit
    CROSS JOIN messages m ON m.id = hit.id
    CROSS JOIN conversations c ON c.id = m.conversation_id
    CROSS JOIN visitors v ON v.id = c.visitor_id
    ORDER BY hit.score, hit.id DESC
    LIMIT ${limit} OFFSET ${offset}`.execute(search);
  return result.rows.map((r) => ({
    conversationId: r.conversation_id,
    seq: r.seq,
    snippet: r.snippet,
    createdAt: r.created_at,
    visitorName: r.visitor_name,
    sender: { kind: SenderKind.parse(r.sender_kind), name: r.sender_name },
  }));
}

/**
 * Rows numbered in the order of their time: a message's id follows the order of commits and its
 * time is taken just before its commit; a conversation's row in `contact_rows` is numbered when
 * it is opened. What `firstIdAt` halves: the time of the first row at or after an id.
 */
const NUMBERED = {
  messages: (id: RawBuilder<number>) =>
    sql`SELECT created_at FROM messages WHERE id >= ${id} ORDER BY id LIMIT 1`,
  contact_rows: (id: RawBuilder<number>) => sql`
    SELECT c.created_at FROM contact_rows r JOIN conversations c ON c.id = r.conversation_id
    WHERE r.id >= ${id} ORDER BY r.id LIMIT 1`,
} as const;

/**
 * The first id of `table` whose row's time is at or after `at`, so that a period is a range of
 * ids, which the full-text indexes walk in order. Found by halving the ids, in one statement (a
 * point read of the key per step, ~20 steps for a million rows): the tables have no index by time,
 * which every message written would pay for. The max id plus one when none is.
 */
async function firstIdAt(db: Db, table: keyof typeof NUMBERED, at: string): Promise<number> {
  // Each step keeps: every row before `low` is older than `at`, and the first at or after `high`
  // is not (or there is none). `later`: the first row at or after the middle is not older.
  const later = sql`coalesce((${NUMBERED[table](sql`(low + high) / 2`)}) >= ${at}, 1)`;
  const result = await sql<{ id: number }>`
    WITH RECURSIVE half(low, high) AS (
      -- Apart: SQLite reads min() and max() from the ends of the key only one to a statement.
      SELECT coalesce((SELECT min(id) FROM ${sql.table(table)}), 0),
             coalesce((SELECT max(id) FROM ${sql.table(table)}), 0) + 1
      UNION ALL
      SELECT iif(${later}, low, (low + high) / 2 + 1), iif(${later}, (low + high) / 2, high)
      FROM half WHERE low < high)
    SELECT max(low) AS id FROM half`.execute(db);
  return result.rows[0]?.id ?? 0;
}

/** Exactly the period's messages (`m`), also where a time and the order of ids disagree. */
function writtenIn(period: SearchPeriod) {
  const from = period.from === undefined ? sql`1` : sql`m.created_at >= ${period.from}`;
  const to = period.to === undefined ? sql`1` : sql`m.created_at < ${period.to}`;
  return sql<SqlBool>`(${from} AND ${to})`;
}

/** The conversations (`c`) active in the period: opened before its end, last active since its start. */
function activeIn(period: SearchPeriod) {
  const from = period.from === undefined ? sql`1` : sql`c.updated_at >= ${period.from}`;
  const to = period.to === undefined ? sql`1` : sql`c.created_at < ${period.to}`;
  return sql<SqlBool>`(${from} AND ${to})`;
}

/**
 * How many of the newest matching conversations (by when they were opened) a search by visitor
 * looks at. A common word
 * ("mail", a frequent first name) matches most conversations; joining and sorting all of them
 * took ~240 ms at 200,000 conversations, against ~1 ms for this many.
 */
const CONTACT_CANDIDATES = 500;

/**
 * Conversations within the scope and active in the period whose visitor's name or email (the
 * visitor's, else the address a left message gave) holds every term of `text` as the start of a
 * word (`contacts_fts`, migration 0015; `visitorMatches` in the protocol reads a search the same
 * way), newest activity first, among the newest `CONTACT_CANDIDATES` matches opened before the
 * period's end.
 */
export async function searchConversations(
  db: Db,
  scope: StaffScope,
  text: string,
  limit: number,
  period: SearchPeriod = {},
): Promise<ConversationHitRecord[]> {
  const match = ftsPrefixQuery(text);
  if (match === null) return [];
  const before =
    period.to === undefined ? Number.MAX_SAFE_INTEGER : await firstIdAt(db, 'contact_rows', period.to);
  const result = await sql<{
    id: string;
    name: string | null;
    email: string | null;
    status: ConversationStatus;
    updated_at: string;
  }>`
    SELECT c.id, v.name, coalesce(v.email, c.reply_to) AS email, c.status, c.updated_at
    FROM contacts_fts f
    JOIN contact_rows r ON r.id = f.rowid
    JOIN conversations c ON c.id = r.conversation_id
    JOIN visitors v ON v.id = c.visitor_id
    WHERE f.rowid IN (
        SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ${match} AND rowid < ${before}
        ORDER BY rowid DESC LIMIT ${CONTACT_CANDIDATES})
      AND ${inScope(scope)} AND ${activeIn(period)}
    ORDER BY c.updated_at DESC
    LIMIT ${limit}`.execute(db);
  return result.rows.map((r) => ({
    conversationId: r.id,
    visitorName: r.name,
    visitorEmail: r.email,
    status: r.status,
    updatedAt: r.updated_at,
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
