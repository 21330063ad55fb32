import {
  AgentStatus,
  BusinessHours,
  RoutingDecision,
  RoutingRule,
  RuleCondition,
  StatusReason,
  TimelineNote,
} from '@switchboard/protocol';
import { sql } from 'kysely';
import { z } from 'zod';
import type {
  RoutingAgent,
  RoutingConversation,
  RoutingOffer,
  TeamSettings,
} from '../domain/routing/model.js';
import { type Contact, saveContactIn } from './contacts.js';
import { withdrawOpenOffersIn } from './offers.js';
import type { Db } from './open-sqlite.js';

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());
const Rule = z.object({ id: z.string(), name: z.string() });

/** The column's value if set, else `at`: a first time is written once (reports). */
const firstTime = (column: 'first_assigned_at' | 'first_response_at', at: string) =>
  sql<string>`coalesce(${sql.ref(column)}, ${at})`;

export async function loadTeams(db: Db): Promise<TeamSettings[]> {
  const rows = await db.selectFrom('teams').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    mode: r.mode === 'offer' ? 'offer' : 'auto',
    offerTimeoutSeconds: r.offer_timeout_seconds,
    wrapUpSeconds: r.wrap_up_seconds,
    unansweredSeconds: r.unanswered_seconds,
    affinityHours: r.affinity_hours,
    agingSeconds: r.aging_seconds,
    businessHours: BusinessHours.nullable().parse(JSON.parse(r.business_hours)),
    botEnabled: r.bot_enabled === 1,
    maxQueueSeconds: r.max_queue_seconds,
  }));
}

export async function saveTeamSettings(db: Db, team: TeamSettings): Promise<void> {
  await db
    .updateTable('teams')
    .set({
      mode: team.mode,
      offer_timeout_seconds: team.offerTimeoutSeconds,
      wrap_up_seconds: team.wrapUpSeconds,
      unanswered_seconds: team.unansweredSeconds,
      affinity_hours: team.affinityHours,
      aging_seconds: team.agingSeconds,
      business_hours: JSON.stringify(team.businessHours),
      bot_enabled: team.botEnabled ? 1 : 0,
      max_queue_seconds: team.maxQueueSeconds,
    })
    .where('id', '=', team.id)
    .execute();
}

/** Every active user who is in a team, with their persisted status. Nobody is connected yet. */
export async function loadAgents(db: Db): Promise<RoutingAgent[]> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('agent_states as s', 's.user_id', 'u.id')
    .select([
      'u.id',
      'u.name',
      'u.capacity',
      's.status',
      's.reason',
      's.since',
      's.last_assigned_at',
      's.wrap_up_until',
      's.disconnected_at',
      's.status_before_disconnect',
    ])
    .where('u.active', '=', 1)
    .execute();
  const members = await db.selectFrom('team_members').select(['team_id', 'user_id']).execute();
  return rows.map((r) => ({
    userId: r.id,
    name: r.name,
    teamIds: members.filter((m) => m.user_id === r.id).map((m) => m.team_id),
    capacity: r.capacity,
    status: AgentStatus.catch('offline').parse(r.status ?? 'offline'),
    reason: StatusReason.catch('manual').parse(r.reason ?? 'manual'),
    since: ms(r.since ?? null) ?? 0,
    connected: false,
    lastAssignedAt: ms(r.last_assigned_at ?? null),
    wrapUpUntil: ms(r.wrap_up_until ?? null),
    disconnectedAt: ms(r.disconnected_at ?? null),
    statusBeforeDisconnect: r.status_before_disconnect
      ? AgentStatus.catch('offline').parse(r.status_before_disconnect)
      : null,
  }));
}

export async function saveAgentState(db: Db, agent: RoutingAgent, logStatus: boolean): Promise<void> {
  const row = {
    status: agent.status,
    reason: agent.reason,
    since: new Date(agent.since).toISOString(),
    status_before_disconnect: agent.statusBeforeDisconnect,
    last_assigned_at: iso(agent.lastAssignedAt),
    wrap_up_until: iso(agent.wrapUpUntil),
    disconnected_at: iso(agent.disconnectedAt),
  };
  await db
    .insertInto('agent_states')
    .values({ user_id: agent.userId, ...row })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
    .execute();
  if (logStatus) {
    await db
      .insertInto('agent_status_log')
      .values({ user_id: agent.userId, status: agent.status, reason: agent.reason, at: row.since })
      .execute();
  }
}

export async function saveCapacity(db: Db, userId: string, capacity: number): Promise<void> {
  await db.updateTable('users').set({ capacity }).where('id', '=', userId).execute();
}

/** Open conversations (queued or assigned): the queues and every agent's load. */
export async function loadOpenConversations(db: Db): Promise<RoutingConversation[]> {
  const rows = await db
    .selectFrom('conversations')
    .select([
      'id',
      'visitor_id',
      'team_id',
      'priority',
      'weight',
      'status',
      'assignee_id',
      'queued_at',
      'entered_queue_at',
      'created_at',
      'front_of_queue',
      'assigned_at',
      'first_reply_at',
      'in_bot',
      'routing_rule',
    ])
    .where('status', 'in', ['queued', 'assigned'])
    .execute();
  return rows.map((r) => {
    const queuedAt = ms(r.queued_at) ?? Date.parse(r.created_at);
    return {
      id: r.id,
      visitorId: r.visitor_id,
      teamId: r.team_id,
      priority: r.priority === 'vip' ? 'vip' : 'normal',
      weight: r.weight,
      status: r.status === 'assigned' ? 'assigned' : 'queued',
      assigneeId: r.assignee_id,
      queuedAt,
      enteredQueueAt: ms(r.entered_queue_at) ?? queuedAt,
      frontOfQueue: r.front_of_queue === 1,
      assignedAt: ms(r.assigned_at),
      firstReplyAt: ms(r.first_reply_at),
      inBot: r.in_bot === 1,
      rule: r.routing_rule ? Rule.parse(JSON.parse(r.routing_rule)) : null,
    };
  });
}

/** Where a new conversation waits: written right after it is created. */
export async function savePlacement(db: Db, c: RoutingConversation): Promise<void> {
  await db
    .updateTable('conversations')
    .set({
      team_id: c.teamId,
      priority: c.priority,
      weight: c.weight,
      queued_at: iso(c.queuedAt),
      entered_queue_at: iso(c.enteredQueueAt),
      in_bot: c.inBot ? 1 : 0,
      routing_rule: c.rule ? JSON.stringify(c.rule) : null,
    })
    .where('id', '=', c.id)
    .execute();
}

export async function loadOpenOffers(db: Db): Promise<RoutingOffer[]> {
  const rows = await db.selectFrom('offers').selectAll().where('status', '=', 'open').execute();
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversation_id,
    userId: r.user_id,
    expiresAt: Date.parse(r.expires_at),
  }));
}

/**
 * The offers agents declined or let ring out for each queued conversation since it was last
 * assigned, oldest first: routing's memory of who passed on what, rebuilt after a restart.
 */
export async function loadMissedOffers(db: Db): Promise<Array<{ conversationId: string; userId: string }>> {
  const result = await sql<{ conversation_id: string; user_id: string }>`
    SELECT o.conversation_id, o.user_id FROM offers o
    JOIN conversations c ON c.id = o.conversation_id
    WHERE c.status = 'queued' AND o.status IN ('declined', 'expired')
      AND o.created_at > coalesce(
        (SELECT max(e.created_at) FROM conversation_events e
         WHERE e.conversation_id = o.conversation_id AND e.kind = 'assigned'), '')
    ORDER BY o.created_at`.execute(db);
  return result.rows.map((r) => ({ conversationId: r.conversation_id, userId: r.user_id }));
}

/** Data of another shape reads as empty: a timeline entry shows without its decision or note. */
const EventData = z
  .object({
    decision: RoutingDecision.optional(),
    note: z.string().nullable().optional(),
    // A note's data of another shape is left out alone: the note still shows as text.
    noteData: TimelineNote.optional().catch(undefined),
  })
  .catchall(z.unknown())
  .catch({});

/** A timeline event's data as written by `TimelineWrite`: its decision record and note, if any. */
export function readEventData(text: string): z.infer<typeof EventData> {
  return EventData.parse(JSON.parse(text));
}

export interface TimelineWrite {
  kind: string;
  actorId: string | null;
  data: object;
  at: number;
}

async function writeEvent(db: Db, conversationId: string, event: TimelineWrite) {
  await db
    .insertInto('conversation_events')
    .values({
      conversation_id: conversationId,
      kind: event.kind,
      actor_id: event.actorId,
      data: JSON.stringify(event.data),
      created_at: new Date(event.at).toISOString(),
    })
    .execute();
}

export async function appendTimeline(db: Db, conversationId: string, event: TimelineWrite): Promise<void> {
  await writeEvent(db, conversationId, event);
}

/**
 * Assigns a queued conversation (closing the accepted offer, if any) in one transaction; false
 * when it was no longer queued or the offer no longer open, so nothing is assigned twice.
 */
export async function persistAssignment(
  db: Db,
  a: { conversationId: string; userId: string; at: number; offerId: string | null; event: TimelineWrite },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const at = new Date(a.at).toISOString();
    if (a.offerId) {
      const closed = await trx
        .updateTable('offers')
        .set({ status: 'accepted', closed_at: at })
        .where('id', '=', a.offerId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (closed.numUpdatedRows === 0n) return false;
    }
    const result = await trx
      .updateTable('conversations')
      .set({
        status: 'assigned',
        assignee_id: a.userId,
        assigned_at: at,
        first_assigned_at: firstTime('first_assigned_at', at),
        updated_at: at,
        queued_at: null,
        front_of_queue: 0,
        in_bot: 0,
      })
      .where('id', '=', a.conversationId)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new Error('conversation was not queued');
    await writeEvent(trx, a.conversationId, a.event);
    await saveLastAssigned(trx, a.userId, at);
    return true;
  });
}

/** An offline message becomes an agent's chat; false when someone else picked it up first. */
export async function persistOfflinePickup(
  db: Db,
  p: { conversationId: string; userId: string; at: number; event: TimelineWrite },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const at = new Date(p.at).toISOString();
    const result = await trx
      .updateTable('conversations')
      .set({
        status: 'assigned',
        assignee_id: p.userId,
        assigned_at: at,
        first_assigned_at: firstTime('first_assigned_at', at),
        updated_at: at,
      })
      .where('id', '=', p.conversationId)
      .where('status', '=', 'offline')
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await writeEvent(trx, p.conversationId, p.event);
    await saveLastAssigned(trx, p.userId, at);
    return true;
  });
}

/**
 * When the agent last got a chat, however it came (routed, accepted, picked, transferred, taken
 * over, a left message answered): the longest-idle tie-break reads it, also after a restart.
 */
async function saveLastAssigned(trx: Db, userId: string, at: string): Promise<void> {
  await trx
    .insertInto('agent_states')
    .values({ user_id: userId, status: 'offline', reason: 'manual', since: at, last_assigned_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_assigned_at: at }))
    .execute();
}

export async function persistOffer(db: Db, offer: RoutingOffer, event: TimelineWrite): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('offers')
      .values({
        id: offer.id,
        conversation_id: offer.conversationId,
        user_id: offer.userId,
        created_at: new Date(event.at).toISOString(),
        expires_at: new Date(offer.expiresAt).toISOString(),
        status: 'open',
        closed_at: null,
      })
      .execute();
    await writeEvent(trx, offer.conversationId, event);
  });
}

/** Closes an open offer; the conversation stays queued, at the front. False if it was not open. */
export async function closeOffer(
  db: Db,
  offer: RoutingOffer,
  status: 'declined' | 'expired' | 'withdrawn',
  event: TimelineWrite,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const closed = await trx
      .updateTable('offers')
      .set({ status, closed_at: new Date(event.at).toISOString() })
      .where('id', '=', offer.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (closed.numUpdatedRows === 0n) return false;
    await trx
      .updateTable('conversations')
      .set({ front_of_queue: 1 })
      .where('id', '=', offer.conversationId)
      .execute();
    await writeEvent(trx, offer.conversationId, event);
    return true;
  });
}

/** Back to the queue: unassigned, at the front or (a team transfer) in line. */
export async function persistRequeue(
  db: Db,
  r: {
    conversationId: string;
    teamId: string | null;
    front: boolean;
    queuedAt: number;
    enteredQueueAt: number;
    event: TimelineWrite;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('conversations')
      .set({
        status: 'queued',
        assignee_id: null,
        assigned_at: null,
        first_reply_at: null,
        team_id: r.teamId,
        front_of_queue: r.front ? 1 : 0,
        queued_at: new Date(r.queuedAt).toISOString(),
        entered_queue_at: new Date(r.enteredQueueAt).toISOString(),
        in_bot: 0,
        updated_at: new Date(r.event.at).toISOString(),
      })
      .where('id', '=', r.conversationId)
      .execute();
    await writeEvent(trx, r.conversationId, r.event);
  });
}

/**
 * A queued conversation stops waiting and becomes a left message (`offline`), in one transaction
 * with withdrawing its open offer and keeping the contact, if given. False if it was no longer queued.
 */
export async function persistLeftQueue(
  db: Db,
  l: { conversationId: string; contact: Contact | null; event: TimelineWrite },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const at = new Date(l.event.at).toISOString();
    const result = await trx
      .updateTable('conversations')
      .set({
        status: 'offline',
        queued_at: null,
        front_of_queue: 0,
        in_bot: 0,
        updated_at: at,
      })
      .where('id', '=', l.conversationId)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await withdrawOpenOffersIn(trx, l.conversationId, at);
    if (l.contact) await saveContactIn(trx, l.conversationId, l.contact);
    await writeEvent(trx, l.conversationId, l.event);
    return true;
  });
}

/** Direct reassignment (transfer to an agent in auto mode). */
export async function persistReassignment(
  db: Db,
  conversationId: string,
  userId: string,
  event: TimelineWrite,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const at = new Date(event.at).toISOString();
    await trx
      .updateTable('conversations')
      .set({
        status: 'assigned',
        assignee_id: userId,
        assigned_at: at,
        first_assigned_at: firstTime('first_assigned_at', at),
        first_reply_at: null,
        updated_at: at,
        queued_at: null,
        front_of_queue: 0,
        in_bot: 0,
      })
      .where('id', '=', conversationId)
      .execute();
    await writeEvent(trx, conversationId, event);
    await saveLastAssigned(trx, userId, at);
  });
}

export async function saveFirstReply(db: Db, conversationId: string, at: number): Promise<void> {
  await db
    .updateTable('conversations')
    .set({
      first_reply_at: new Date(at).toISOString(),
      first_response_at: firstTime('first_response_at', new Date(at).toISOString()),
    })
    .where('id', '=', conversationId)
    .where('first_reply_at', 'is', null)
    .execute();
}

/**
 * Where a conversation's visitor stands with the staff's answers: whether anyone on the staff has
 * written to them yet, and when they sent their oldest message after the staff's last one (ms;
 * null when the staff had the last word). Internal notes and whispers are no answer.
 */
export async function unansweredSince(
  db: Db,
  conversationId: string,
): Promise<{ staffAnswered: boolean; oldest: number | null }> {
  const lastAnswer = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('conversation_id', '=', conversationId)
    .where('sender_kind', '=', 'agent')
    .where('visibility', '=', 'all')
    .executeTakeFirst();
  const answeredThrough = lastAnswer?.seq ?? null;
  const oldest = await db
    .selectFrom('messages')
    .select('created_at')
    .where('conversation_id', '=', conversationId)
    .where('sender_kind', '=', 'visitor')
    .where('seq', '>', answeredThrough ?? 0)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  return { staffAnswered: answeredThrough !== null, oldest: oldest ? Date.parse(oldest.created_at) : null };
}

/** The visitor's most recent agent within the window, for returning-customer affinity. */
export async function previousAgentOf(db: Db, visitorId: string, since: number): Promise<string | null> {
  const row = await db
    .selectFrom('conversations')
    .select('assignee_id')
    .where('visitor_id', '=', visitorId)
    .where('assignee_id', 'is not', null)
    .where('updated_at', '>=', new Date(since).toISOString())
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return row?.assignee_id ?? null;
}

/** Seconds from assignment to resolution of a team's most recent resolved conversations, oldest first. */
export async function recentHandleSeconds(db: Db, teamId: string, count: number): Promise<number[]> {
  const result = await sql<{ seconds: number }>`
    SELECT (julianday(resolved_at) - julianday(assigned_at)) * 86400.0 AS seconds FROM conversations
    WHERE team_id = ${teamId} AND status = 'resolved' AND assigned_at IS NOT NULL
    ORDER BY resolved_at DESC LIMIT ${count}`.execute(db);
  return result.rows.map((r) => r.seconds).reverse();
}

export async function loadRules(db: Db): Promise<RoutingRule[]> {
  const rows = await db.selectFrom('routing_rules').selectAll().orderBy('position').execute();
  return rows.map((r) =>
    RoutingRule.parse({
      id: r.id,
      name: r.name,
      teamId: r.team_id,
      priority: r.priority,
      conditions: z.array(RuleCondition).parse(JSON.parse(r.conditions)),
      weight: r.weight,
    }),
  );
}

export async function replaceRules(db: Db, rules: RoutingRule[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('routing_rules').execute();
    for (const [position, rule] of rules.entries()) {
      await trx
        .insertInto('routing_rules')
        .values({
          id: rule.id,
          name: rule.name,
          position,
          conditions: JSON.stringify(rule.conditions),
          team_id: rule.teamId,
          priority: rule.priority,
          weight: rule.weight,
        })
        .execute();
    }
  });
}

export async function timelineOf(db: Db, conversationId: string) {
  return db
    .selectFrom('conversation_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.kind', 'e.actor_id', 'u.name as actor_name', 'e.data', 'e.created_at'])
    .where('e.conversation_id', '=', conversationId)
    .orderBy('e.id')
    .execute();
}
