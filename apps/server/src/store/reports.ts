import { parseTags } from './conversations.js';
import type { Db } from './open-sqlite.js';
import { readEventData } from './routing.js';

/** A conversation's times, as reports need them. */
export interface ReportConversation {
  id: string;
  status: string;
  visitorName: string | null;
  teamId: string | null;
  assigneeId: string | null;
  createdAt: string;
  firstAssignedAt: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  /** Closed with nobody ever assigned, and no address left to answer at (not a left message). */
  abandoned: boolean;
  /** Left for the team (the offline form, or leaving the queue), not a live chat. */
  leftMessage: boolean;
  rating: number | null;
  /** The tags the agent gave on resolving, each once. */
  tags: string[];
}

/** Conversations opened in [from, to), ISO instants. */
export async function reportConversations(db: Db, from: string, to: string): Promise<ReportConversation[]> {
  const rows = await db
    .selectFrom('conversations as c')
    .leftJoin('ratings as r', 'r.conversation_id', 'c.id')
    .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
    .select([
      'c.id',
      'v.name as visitor_name',
      'c.team_id',
      'c.assignee_id',
      'c.status',
      'c.created_at',
      'c.first_assigned_at',
      'c.first_response_at',
      'c.resolved_at',
      'r.score',
      'c.reply_to',
      'c.tags',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('conversation_events as e')
              .select('e.id')
              .whereRef('e.conversation_id', '=', 'c.id')
              .where('e.kind', 'in', ['offline-message', 'left-queue']),
          )
          .as('left_message'),
    ])
    .where('c.created_at', '>=', from)
    .where('c.created_at', '<', to)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    visitorName: r.visitor_name,
    teamId: r.team_id,
    assigneeId: r.assignee_id,
    createdAt: r.created_at,
    firstAssignedAt: r.first_assigned_at,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    abandoned: r.status === 'resolved' && r.first_assigned_at === null && r.reply_to === null,
    leftMessage: Boolean(r.left_message),
    rating: r.score ?? null,
    tags: [...new Set(parseTags(r.tags))],
  }));
}

/** A chat given to an agent, or an offer an agent declined or let ring out. */
export interface RoutingOutcome {
  kind: 'assigned' | 'declined' | 'expired';
  userId: string;
  teamId: string | null;
  at: string;
}

/** Routing's outcomes per agent in [from, to), by when they happened (fairness). */
export async function routingOutcomes(db: Db, from: string, to: string): Promise<RoutingOutcome[]> {
  const [events, offers] = await Promise.all([
    db
      .selectFrom('conversation_events as e')
      .innerJoin('conversations as c', 'c.id', 'e.conversation_id')
      .select(['e.data', 'e.created_at', 'c.team_id'])
      .where('e.kind', 'in', ['assigned', 'transferred'])
      .where('e.created_at', '>=', from)
      .where('e.created_at', '<', to)
      .execute(),
    db
      .selectFrom('offers as o')
      .innerJoin('conversations as c', 'c.id', 'o.conversation_id')
      .select(['o.user_id', 'o.status', 'o.closed_at', 'c.team_id'])
      .where('o.status', 'in', ['declined', 'expired'])
      .where('o.closed_at', '>=', from)
      .where('o.closed_at', '<', to)
      .execute(),
  ]);
  const outcomes: RoutingOutcome[] = [];
  for (const e of events) {
    // A transfer to a team records no decision: nobody was given the chat.
    const decision = readEventData(e.data).decision;
    if (!decision?.chosen) continue;
    outcomes.push({
      kind: 'assigned',
      userId: decision.chosen,
      teamId: decision.teamId ?? e.team_id,
      at: e.created_at,
    });
  }
  for (const o of offers) {
    outcomes.push({
      kind: o.status === 'declined' ? 'declined' : 'expired',
      userId: o.user_id,
      teamId: o.team_id,
      at: o.closed_at ?? '',
    });
  }
  return outcomes;
}

export interface StatusChange {
  userId: string;
  status: string;
  at: string;
}

/**
 * The agents' status changes in [from, to), each agent's in time order after the last one before
 * `from` (which sets their starting status). Per agent through the (user, at) index: a report
 * reads its own range, not the whole history.
 */
export async function statusChanges(
  db: Db,
  userIds: readonly string[],
  from: string,
  to: string,
): Promise<StatusChange[]> {
  const changes: StatusChange[] = [];
  for (const userId of [...userIds].sort()) {
    const [before, within] = await Promise.all([
      db
        .selectFrom('agent_status_log')
        .select(['status', 'at'])
        .where('user_id', '=', userId)
        .where('at', '<', from)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .execute(),
      db
        .selectFrom('agent_status_log')
        .select(['status', 'at'])
        .where('user_id', '=', userId)
        .where('at', '>=', from)
        .where('at', '<', to)
        .orderBy('at')
        .orderBy('id')
        .execute(),
    ]);
    for (const r of [...before, ...within]) changes.push({ userId, status: r.status, at: r.at });
  }
  return changes;
}

export async function namesOf(db: Db): Promise<{ teams: Map<string, string>; users: Map<string, string> }> {
  const [teams, users] = await Promise.all([
    db.selectFrom('teams').select(['id', 'name']).execute(),
    db.selectFrom('users').select(['id', 'name']).execute(),
  ]);
  return {
    teams: new Map(teams.map((t) => [t.id, t.name])),
    users: new Map(users.map((u) => [u.id, u.name])),
  };
}

export async function memberships(db: Db): Promise<Array<{ teamId: string; userId: string }>> {
  const rows = await db.selectFrom('team_members').select(['team_id', 'user_id']).execute();
  return rows.map((r) => ({ teamId: r.team_id, userId: r.user_id }));
}
