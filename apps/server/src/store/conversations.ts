import { ConversationStatus, PREVIEW_LENGTH, SenderKind, VisitorAttributes } from '@switchboard/protocol';
import { type RawBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import { z } from 'zod';
import { jsonColumn } from './json-columns.js';
import { systemEventOf } from './messages.js';
import { withdrawOpenOffersIn } from './offers.js';
import type { Db } from './open-sqlite.js';
import { preparedQuery } from './prepared-query.js';
import type { ConversationAccess, ConversationRecord } from './records.js';
import type { ConversationsTable } from './schema.js';
import { insertVisitedPage } from './visited-pages.js';

const parseAttributes = jsonColumn(VisitorAttributes);
export const parseTags = jsonColumn(z.array(z.string()));

type Row = Selectable<ConversationsTable> & {
  visitor_name: string | null;
  visitor_verified: number;
  visitor_left_at: string | null;
  assignee_name: string | null;
  last_sender_kind: string | null;
  last_body: string | null;
  last_file_name: string | null;
  last_created_at: string | null;
  last_visibility: string | null;
  last_system_event: string | null;
};

function rowToConversation(row: Row): ConversationRecord {
  return {
    id: row.id,
    visitorId: row.visitor_id,
    visitorName: row.visitor_name,
    visitorVerified: row.visitor_verified === 1,
    visitorLeftAt: row.visitor_left_at,
    widgetId: row.widget_id,
    teamId: row.team_id,
    status: ConversationStatus.parse(row.status),
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    attributes: parseAttributes(row.attributes),
    priority: row.priority === 'vip' ? 'vip' : 'normal',
    tags: parseTags(row.tags),
    lastSeq: row.last_seq,
    createdAt: row.created_at,
    queuedAt: row.queued_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    replyTo: row.reply_to,
    lastMessage:
      row.last_created_at === null
        ? null
        : {
            seq: row.last_seq,
            senderKind: SenderKind.catch('system').parse(row.last_sender_kind),
            text: (row.last_body ?? '').slice(0, PREVIEW_LENGTH),
            fileName: row.last_file_name,
            createdAt: row.last_created_at,
            visibility: row.last_visibility === 'agents' ? 'agents' : 'all',
            systemEvent: systemEventOf(row.last_system_event),
          },
  };
}

function selectConversations(db: Db) {
  return (
    db
      .selectFrom('conversations as c')
      .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
      .leftJoin('users as u', 'u.id', 'c.assignee_id')
      // The newest message: one primary-key lookup per conversation.
      .leftJoin('messages as m', (join) =>
        join.onRef('m.conversation_id', '=', 'c.id').onRef('m.seq', '=', 'c.last_seq'),
      )
      .leftJoin('attachments as a', 'a.id', 'm.attachment_id')
      .selectAll('c')
      .select([
        'v.name as visitor_name',
        'v.verified as visitor_verified',
        'v.left_at as visitor_left_at',
        'u.name as assignee_name',
        'm.sender_kind as last_sender_kind',
        'm.body as last_body',
        'a.file_name as last_file_name',
        'm.created_at as last_created_at',
        'm.visibility as last_visibility',
        'm.system_event as last_system_event',
      ])
  );
}

const conversationById = preparedQuery(
  (db, p: { id: string }) => selectConversations(db).where('c.id', '=', p.id),
  ['id'],
);

export async function getConversation(db: Db, id: string): Promise<ConversationRecord | undefined> {
  const [row] = await conversationById(db, { id });
  return row && rowToConversation(row);
}

const conversationAccessById = preparedQuery(
  (db, p: { id: string }) =>
    db
      .selectFrom('conversations')
      .select(['id', 'visitor_id', 'team_id', 'assignee_id', 'status', 'reply_to'])
      .where('id', '=', p.id),
  ['id'],
);

/** The columns a message's authorization and fan-out read, for the send path. */
export async function getConversationAccess(db: Db, id: string): Promise<ConversationAccess | undefined> {
  const [row] = await conversationAccessById(db, { id });
  return (
    row && {
      id: row.id,
      visitorId: row.visitor_id,
      teamId: row.team_id,
      assigneeId: row.assignee_id,
      status: ConversationStatus.parse(row.status),
      replyTo: row.reply_to,
    }
  );
}

export interface NewConversation {
  id: string;
  visitorId: string;
  widgetId: string;
  teamId: string | null;
  attributes: VisitorAttributes;
  priority: 'normal' | 'vip';
  inBot: boolean;
  rule: { id: string; name: string } | null;
  status: 'queued' | 'offline';
  /** The page it is opened on, as its widget records pages; none when absent. */
  firstPage?: { url: string; title: string | null } | null | undefined;
}

export async function insertConversation(
  db: Db,
  c: NewConversation,
  now = new Date().toISOString(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('conversations')
      .values({
        id: c.id,
        visitor_id: c.visitorId,
        widget_id: c.widgetId,
        team_id: c.teamId,
        status: c.status,
        assignee_id: null,
        attributes: JSON.stringify(c.attributes),
        last_seq: 0,
        created_at: now,
        updated_at: now,
        assigned_at: null,
        resolved_at: null,
        resolved_by: null,
        priority: c.priority,
        in_bot: c.inBot ? 1 : 0,
        routing_rule: c.rule ? JSON.stringify(c.rule) : null,
        queued_at: c.status === 'queued' ? now : null,
      })
      .execute();
    if (c.firstPage) await insertVisitedPage(trx, { conversationId: c.id, ...c.firstPage, at: now });
    await insertEventIn(trx, c.id, c.status === 'offline' ? 'offline-message' : 'opened', null, {
      teamId: c.teamId,
      rule: c.rule,
      priority: c.priority,
      bot: c.inBot,
    });
  });
}

export async function resolve(
  db: Db,
  id: string,
  actorId: string,
  note: string | undefined,
  tags: string[],
  now = new Date().toISOString(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('conversations')
      .set({
        status: 'resolved',
        resolved_at: now,
        resolved_by: actorId,
        updated_at: now,
        queued_at: null,
        tags: JSON.stringify(tags),
      })
      .where('id', '=', id)
      .where('status', '!=', 'resolved')
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await withdrawOpenOffersIn(trx, id, now);
    await insertEventIn(trx, id, 'resolved', actorId, { note: note ?? null, tags });
    return true;
  });
}

/**
 * A resolved conversation whose visitor wrote again by email becomes a left message again (no
 * assignee, back in its team's list), in one transaction with its timeline event. False if it
 * was not resolved.
 */
export async function reopenAsLeftMessage(
  db: Db,
  id: string,
  now = new Date().toISOString(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('conversations')
      .set({ status: 'offline', assignee_id: null, resolved_at: null, resolved_by: null, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'resolved')
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await insertEventIn(trx, id, 'offline-message', null, { via: 'email' });
    return true;
  });
}

async function insertEventIn(
  db: Db,
  conversationId: string,
  kind: string,
  actorId: string | null,
  data: object,
) {
  await db
    .insertInto('conversation_events')
    .values({
      conversation_id: conversationId,
      kind,
      actor_id: actorId,
      data: JSON.stringify(data),
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** Which conversations a staff member may read: admins all; others their teams' and their own. */
export type StaffScope = { kind: 'all' } | { kind: 'teams'; userId: string; teamIds: string[] };

/**
 * The scope as a condition on `conversations` under the alias `c`: one rule for the searches' raw
 * SQL and the lists (which walk its parts one by one).
 */
export function inScope(scope: StaffScope): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(scopeParts(scope), sql` OR `)})`;
}

/**
 * The scope as conditions whose union it is, each one that an index walks in order: every
 * conversation, or each team's and the staff member's own.
 */
function scopeParts(scope: StaffScope): Array<RawBuilder<SqlBool>> {
  if (scope.kind === 'all') return [sql<SqlBool>`1 = 1`];
  return [
    ...scope.teamIds.map((teamId) => sql<SqlBool>`c.team_id = ${teamId}`),
    sql<SqlBool>`c.assignee_id = ${scope.userId}`,
  ];
}

export interface ConversationFilter {
  status?: ConversationStatus | undefined;
  teamId?: string | undefined;
  assignee?: { kind: 'unassigned' } | { kind: 'user'; id: string } | undefined;
  visitorId?: string | undefined;
  /** Exclusive keyset cursor: [createdAt, id] of the last item of the previous page. */
  after?: [string, string] | undefined;
  limit: number;
}

/** Newest first. */
export async function listConversations(
  db: Db,
  scope: StaffScope,
  filter: ConversationFilter,
): Promise<ConversationRecord[]> {
  const rows = await conversationListQuery(db, scope, filter).execute();
  return rows.map(rowToConversation);
}

/** The list's query (its plan is tested: it walks indexes in order, never the whole table). */
export function conversationListQuery(db: Db, scope: StaffScope, filter: ConversationFilter) {
  // The page's ids first, from the conversations alone, then their visitor, assignee and newest
  // message: sorting the joined rows read the newest message of every conversation in scope
  // (1.5 s for a team of 200,000). A scope of teams and one's own chats is the union of one
  // walk per team and one of the assignee's, each in index order and cut at the page's length:
  // with an OR, SQLite gathered and sorted all of them (136 ms).
  const walks = scopeParts(scope).map((part) => {
    let walk = db.selectFrom('conversations as c').select(['c.id', 'c.created_at']).where(part);
    if (filter.status) walk = walk.where('c.status', '=', filter.status);
    if (filter.teamId) walk = walk.where('c.team_id', '=', filter.teamId);
    if (filter.assignee?.kind === 'unassigned') walk = walk.where('c.assignee_id', 'is', null);
    if (filter.assignee?.kind === 'user') walk = walk.where('c.assignee_id', '=', filter.assignee.id);
    if (filter.visitorId) walk = walk.where('c.visitor_id', '=', filter.visitorId);
    const after = filter.after;
    if (after) {
      walk = walk.where((eb) =>
        eb.or([
          eb('c.created_at', '<', after[0]),
          eb.and([eb('c.created_at', '=', after[0]), eb('c.id', '<', after[1])]),
        ]),
      );
    }
    const ordered = walk.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc').limit(filter.limit);
    return db.selectFrom(ordered.as('w')).select(['w.id', 'w.created_at']);
  });
  const [first, ...rest] = walks as [(typeof walks)[number], ...typeof walks];
  const page = db
    .selectFrom(rest.reduce((union, walk) => union.union(walk), first).as('p'))
    .select('p.id')
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(filter.limit);
  return selectConversations(db)
    .where('c.id', 'in', page)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc');
}

/** Newest first; the newest `limit` (null: every one, for a visitor's data export). */
export async function listVisitorConversations(
  db: Db,
  visitorId: string,
  limit: number | null = 100,
): Promise<ConversationRecord[]> {
  const query = selectConversations(db).where('c.visitor_id', '=', visitorId).orderBy('c.created_at', 'desc');
  const rows = await (limit === null ? query : query.limit(limit)).execute();
  return rows.map(rowToConversation);
}

/** The visitor's live chats: queued or with an agent (not left as a message, not resolved). */
export async function liveVisitorConversations(db: Db, visitorId: string): Promise<ConversationRecord[]> {
  const rows = await selectConversations(db)
    .where('c.visitor_id', '=', visitorId)
    .where('c.status', 'in', ['queued', 'assigned'])
    .execute();
  return rows.map(rowToConversation);
}

export async function openConversationIdsAssignedTo(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where('assignee_id', '=', userId)
    .where('status', '=', 'assigned')
    .execute();
  return rows.map((r) => r.id);
}

export async function countQueued(db: Db): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'queued')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The visitors with a conversation waiting in a queue, and when each last left (ms; null: connected). */
export async function queuedVisitors(db: Db): Promise<Array<{ visitorId: string; leftAt: number | null }>> {
  const rows = await db
    .selectFrom('conversations as c')
    .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
    .select(['c.visitor_id', 'v.left_at'])
    .distinct()
    .where('c.status', '=', 'queued')
    .execute();
  return rows.map((row) => ({
    visitorId: row.visitor_id,
    leftAt: row.left_at ? Date.parse(row.left_at) : null,
  }));
}

/** The tags of the conversations in scope resolved since `since` (an ISO instant), those with any. */
export async function recentTagLists(db: Db, scope: StaffScope, since: string): Promise<string[][]> {
  const rows = await db
    .selectFrom('conversations as c')
    .select('c.tags')
    .where('c.resolved_at', '>=', since)
    .where('c.tags', '!=', '[]')
    .where(inScope(scope))
    .execute();
  return rows.map((r) => parseTags(r.tags));
}

/** A resolved conversation's tags replaced; false when it is not (or no longer) resolved. */
export async function setResolvedTags(db: Db, id: string, tags: string[]): Promise<boolean> {
  const result = await db
    .updateTable('conversations')
    .set({ tags: JSON.stringify(tags) })
    .where('id', '=', id)
    .where('status', '=', 'resolved')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
