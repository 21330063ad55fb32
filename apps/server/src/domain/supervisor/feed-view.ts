import {
  type LiveChat,
  SLA_THRESHOLDS,
  type SupervisorAgent,
  type SupervisorSnapshot,
  type TeamTile,
  type VisitedPage,
} from '@switchboard/protocol';
import { getConversation } from '../../store/conversations.js';
import type { Db } from '../../store/open-sqlite.js';
import { type ReportConversation, reportConversations } from '../../store/reports.js';
import { recentHandleSeconds } from '../../store/routing.js';
import { newestVisitedPages } from '../../store/visited-pages.js';
import type { RoutingService } from '../routing/routing-service.js';
import { figure, todaysSla, worst } from './sla.js';

/** How long today's SLA figures (a store query) are reused before they are computed again. */
const SLA_TTL_MS = 2_000;
const HANDLE_WINDOW = 20;

type Snapshot = ReturnType<RoutingService['snapshot']>;
interface LiveVisitor {
  id: string;
  name: string | null;
  leftAt: string | null;
  page: VisitedPage | null;
}
interface TodaysFigures {
  at: number;
  byTeam: Map<string, ReportConversation[]>;
  handle: Map<string, number | null>;
}
const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/**
 * Builds the supervisor window's picture of the whole contact center from routing's in-memory
 * state (queues, agents, loads), raised hands, and today's stored figures. Scoping to a
 * supervisor's teams and diffing against what a socket already has happen in the transport.
 */
export class FeedView {
  readonly #hands = new Set<string>();
  /**
   * Each live chat's visitor and the page they are on, read from the store once; kept current by
   * `visitorPresence` and `visitedPage`.
   */
  readonly #visitors = new Map<string, LiveVisitor>();
  #sla: TodaysFigures | undefined;

  constructor(
    private readonly db: Db,
    private readonly routing: RoutingService,
    private readonly now: () => number,
    private readonly isConnected: (userId: string) => boolean,
  ) {}

  /** True when the hand changed. */
  setHand(userId: string, raised: boolean): boolean {
    const had = this.#hands.has(userId);
    if (raised) this.#hands.add(userId);
    else this.#hands.delete(userId);
    return had !== raised;
  }

  /** The visitor of a live chat went to another page: its row says so from the next build. */
  visitedPage(conversationId: string, page: VisitedPage): void {
    const visitor = this.#visitors.get(conversationId);
    if (visitor) this.#visitors.set(conversationId, { ...visitor, page });
  }

  /** The visitor came (null) or went: their live chats' rows say so from the next build. */
  visitorPresence(visitorId: string, leftAt: string | null): void {
    for (const [conversationId, visitor] of this.#visitors)
      if (visitor.id === visitorId) this.#visitors.set(conversationId, { ...visitor, leftAt });
  }

  /** Stored figures changed (an assignment, a reply, a resolve): recompute them at the next build. */
  invalidate(): void {
    this.#sla = undefined;
  }

  async build(): Promise<SupervisorSnapshot> {
    const now = this.now();
    const snapshot = this.routing.snapshot();
    const sla = await this.#todaysFigures(now, snapshot);
    const chats = await this.#chats(snapshot);
    return {
      teams: snapshot.teams.map((team) => this.#tile(team, snapshot, sla, now)),
      agents: snapshot.agents.filter((a) => a.teamIds.length > 0).map((a) => this.#agent(a, snapshot)),
      chats,
      at: new Date(now).toISOString(),
    };
  }

  #tile(team: Snapshot['teams'][number], snapshot: Snapshot, sla: TodaysFigures, now: number): TeamTile {
    const queued = snapshot.open.filter((c) => c.teamId === team.id && c.status === 'queued' && !c.inBot);
    const members = snapshot.agents.filter((a) => a.teamIds.includes(team.id));
    const count = (status: string) => members.filter((a) => a.status === status).length;
    const serving = members.filter(
      (a) => this.isConnected(a.userId) && (a.status === 'online' || a.status === 'wrap-up'),
    ).length;
    const longest =
      queued.length === 0 ? null : Math.floor((now - Math.min(...queued.map((c) => c.queuedAt))) / 1000);
    const handle = sla.handle.get(team.id) ?? null;
    const estimate =
      handle === null || serving === 0 ? null : Math.ceil(Math.ceil((queued.length + 1) / serving) * handle);
    const longestWait = figure(
      longest === null ? null : Math.max(0, longest),
      SLA_THRESHOLDS.longestWaitSeconds,
    );
    const today = todaysSla(sla.byTeam.get(team.id) ?? []);
    return {
      teamId: team.id,
      name: team.name,
      queueLength: queued.length,
      longestWait,
      estimatedWaitSeconds: estimate,
      agents: {
        online: count('online'),
        away: count('away'),
        wrapUp: count('wrap-up'),
        offline: count('offline'),
      },
      chatsInProgress: snapshot.open.filter((c) => c.teamId === team.id && c.status === 'assigned').length,
      sla: today,
      level: worst([
        longestWait.level,
        today.firstResponseSeconds.level,
        today.waitSeconds.level,
        today.abandonedRate.level,
      ]),
    };
  }

  #agent(a: Snapshot['agents'][number], snapshot: Snapshot): SupervisorAgent {
    return {
      userId: a.userId,
      name: a.name,
      status: a.status,
      reason: a.reason,
      since: new Date(a.since).toISOString(),
      connected: this.isConnected(a.userId),
      load: a.load,
      capacity: a.capacity,
      teamIds: [...a.teamIds].sort(),
      conversationIds: snapshot.open
        .filter((c) => c.assigneeId === a.userId)
        .map((c) => c.id)
        .sort(),
      handRaised: this.#hands.has(a.userId),
    };
  }

  async #chats(snapshot: Snapshot): Promise<LiveChat[]> {
    const names = new Map(snapshot.agents.map((a) => [a.userId, a.name]));
    const chats: LiveChat[] = [];
    for (const c of snapshot.open) {
      let visitor = this.#visitors.get(c.id);
      if (!visitor) {
        const stored = await getConversation(this.db, c.id);
        const [page] = await newestVisitedPages(this.db, c.id, 1);
        visitor = {
          id: c.visitorId,
          name: stored?.visitorName ?? null,
          leftAt: stored?.visitorLeftAt ?? null,
          page: page ?? null,
        };
        this.#visitors.set(c.id, visitor);
      }
      chats.push({
        conversationId: c.id,
        teamId: c.teamId,
        status: c.status,
        assignee: c.assigneeId === null ? null : { id: c.assigneeId, name: names.get(c.assigneeId) ?? '' },
        visitor: { id: visitor.id, name: visitor.name, leftAt: visitor.leftAt },
        page: visitor.page,
        priority: c.priority,
        inBot: c.inBot,
        queuedAt: c.status === 'queued' ? iso(c.queuedAt) : null,
        assignedAt: iso(c.assignedAt),
        firstReplyAt: iso(c.firstReplyAt),
        missedOffers: c.missedOffers,
      });
    }
    const open = new Set(snapshot.open.map((c) => c.id));
    for (const id of this.#visitors.keys()) if (!open.has(id)) this.#visitors.delete(id);
    return chats.sort((a, b) => (a.conversationId < b.conversationId ? -1 : 1));
  }

  async #todaysFigures(now: number, snapshot: Snapshot): Promise<TodaysFigures> {
    if (this.#sla && now - this.#sla.at < SLA_TTL_MS) return this.#sla;
    const midnight = new Date(now);
    midnight.setUTCHours(0, 0, 0, 0);
    const today = await reportConversations(
      this.db,
      midnight.toISOString(),
      new Date(midnight.getTime() + 86_400_000).toISOString(),
    );
    const byTeam = new Map<string, ReportConversation[]>();
    for (const c of today) {
      if (c.teamId === null) continue;
      byTeam.set(c.teamId, [...(byTeam.get(c.teamId) ?? []), c]);
    }
    const handle = new Map<string, number | null>();
    for (const team of snapshot.teams) {
      const times = await recentHandleSeconds(this.db, team.id, HANDLE_WINDOW);
      handle.set(team.id, times.length === 0 ? null : times.reduce((a, b) => a + b, 0) / times.length);
    }
    this.#sla = { at: now, byTeam, handle };
    return this.#sla;
  }
}
