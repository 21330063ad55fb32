import type { LiveChat, SupervisorAgent, SupervisorSnapshot, TeamTile } from '@switchboard/protocol';
import type { Logger } from 'pino';
import type { RoutingEvents } from '../domain/routing/routing-events.js';
import type { FeedView } from '../domain/supervisor/feed-view.js';
import type { AgentNamespace } from './types.js';

/** Changes are gathered this long, then sent as one delta. */
const COALESCE_MS = 150;
/** While anyone watches, times (longest wait, today's SLA) are refreshed this often. */
const REFRESH_MS = 5_000;

interface Subscription {
  /** null: every team (admins). */
  teams: string[] | null;
  version: number;
  sent: { teams: Map<string, string>; agents: Map<string, string>; chats: Map<string, string> };
}

/**
 * The supervisor feed's transport: who subscribed to which teams, what each socket has already
 * received, and coalesced `supervisor:delta` pushes computed by diffing a fresh view against it.
 */
export class SupervisorFeed {
  readonly #subscriptions = new Map<string, Subscription>();
  #timer: NodeJS.Timeout | undefined;
  #refresh: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly view: FeedView,
    private readonly agents: AgentNamespace,
    private readonly logger: Logger,
  ) {}

  async subscribe(socketId: string, teams: string[] | null): Promise<SupervisorSnapshot> {
    await this.#flushing;
    const snapshot = scoped(await this.view.build(), teams);
    this.#subscriptions.set(socketId, {
      teams,
      version: 0,
      sent: {
        teams: keyed(snapshot.teams, (t) => t.teamId),
        agents: keyed(snapshot.agents, (a) => a.userId),
        chats: keyed(snapshot.chats, (c) => c.conversationId),
      },
    });
    this.#refresh ??= setInterval(() => this.touch(true), REFRESH_MS);
    this.#refresh.unref();
    return snapshot;
  }

  unsubscribe(socketId: string): void {
    this.#subscriptions.delete(socketId);
    if (this.#subscriptions.size === 0 && this.#refresh) {
      clearInterval(this.#refresh);
      this.#refresh = undefined;
    }
  }

  /** Something a tile, an agent or a chat shows may have changed; `stored` when figures in the store did. */
  touch(stored = false): void {
    if (stored) this.view.invalidate();
    if (this.#subscriptions.size === 0 || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flushing = this.#flush().catch((error: unknown) =>
        this.logger.error({ err: error }, 'supervisor feed flush failed'),
      );
    }, COALESCE_MS);
    this.#timer.unref();
  }

  close(): void {
    clearTimeout(this.#timer);
    clearInterval(this.#refresh);
    this.#subscriptions.clear();
  }

  async #flush(): Promise<void> {
    if (this.#subscriptions.size === 0) return;
    const full = await this.view.build();
    for (const [socketId, sub] of this.#subscriptions) {
      const view = scoped(full, sub.teams);
      const teams = diff(sub.sent.teams, view.teams, (t) => t.teamId);
      const agents = diff(sub.sent.agents, view.agents, (a) => a.userId);
      const chats = diff(sub.sent.chats, view.chats, (c) => c.conversationId);
      if (
        teams.changed.length +
          agents.changed.length +
          agents.removed.length +
          chats.changed.length +
          chats.removed.length ===
        0
      ) {
        continue;
      }
      sub.version += 1;
      this.agents.to(socketId).emit('supervisor:delta', {
        version: sub.version,
        teams: teams.changed,
        agents: agents.changed,
        agentsRemoved: agents.removed,
        chats: chats.changed,
        chatsRemoved: chats.removed,
        at: full.at,
      });
    }
  }
}

function scoped(snapshot: SupervisorSnapshot, teams: string[] | null): SupervisorSnapshot {
  if (teams === null) return snapshot;
  const mine = (teamId: string | null) => teamId !== null && teams.includes(teamId);
  return {
    teams: snapshot.teams.filter((t: TeamTile) => mine(t.teamId)),
    agents: snapshot.agents.filter((a: SupervisorAgent) => a.teamIds.some(mine)),
    chats: snapshot.chats.filter((c: LiveChat) => mine(c.teamId)),
    at: snapshot.at,
  };
}

function keyed<T>(rows: T[], id: (row: T) => string): Map<string, string> {
  return new Map(rows.map((row) => [id(row), JSON.stringify(row)]));
}

/** Rows that are new or differ from what was sent, and ids no longer present; updates `sent`. */
function diff<T>(sent: Map<string, string>, rows: T[], id: (row: T) => string) {
  const changed: T[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = id(row);
    seen.add(key);
    const json = JSON.stringify(row);
    if (sent.get(key) !== json) {
      changed.push(row);
      sent.set(key, json);
    }
  }
  const removed = [...sent.keys()].filter((key) => !seen.has(key));
  for (const key of removed) sent.delete(key);
  return { changed, removed };
}

/** Routing's announcements go to their pushes and also nudge the supervisor feed. */
export function feedAware(events: RoutingEvents, feed: SupervisorFeed): RoutingEvents {
  return {
    conversationChanged: (conversationId, previousAssigneeId) => {
      events.conversationChanged(conversationId, previousAssigneeId);
      feed.touch(true);
    },
    offered: (offer) => events.offered(offer),
    offerClosed: (offer, reason) => {
      events.offerClosed(offer, reason);
      // Declined or rung out, it counts towards the chat's escalation (LiveChat.missedOffers).
      feed.touch();
    },
    agentChanged: (userId) => {
      events.agentChanged(userId);
      feed.touch();
    },
    queuePositions: (updates) => {
      events.queuePositions(updates);
      feed.touch();
    },
  };
}
