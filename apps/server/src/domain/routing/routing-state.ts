import type { RoutingRule } from '@switchboard/protocol';
import type { Db } from '../../store/open-sqlite.js';
import * as store from '../../store/routing.js';
import { DomainError } from '../errors.js';
import type { RoutingAgent, RoutingConversation, RoutingOffer, TeamSettings } from './model.js';

/** How many recent resolutions the wait estimate averages. */
const HANDLE_WINDOW = 20;

/**
 * Routing's in-memory picture of the contact center, the lookups over it and the marks a change
 * leaves for the routing pass that ends it. Only the routing service's mutex changes it; the store
 * is the source of truth it is (re)built from.
 */
export class RoutingState {
  readonly agents = new Map<string, RoutingAgent>();
  readonly open = new Map<string, RoutingConversation>();
  readonly offers = new Map<string, RoutingOffer>();
  readonly teams = new Map<string, TeamSettings>();
  rules: RoutingRule[] = [];
  /** Recent handle times (assignment → resolution, seconds) per team, newest last. */
  readonly handleTimes = new Map<string, number[]>();
  /** The position and estimate last pushed for each waiting conversation (`position:estimate`). */
  readonly pushedPositions = new Map<string, string>();
  /** Teams where someone may now be served; routed at the end of the change. */
  readonly dirty = new Set<string>();
  /**
   * Per conversation since it was last assigned, who declined or let ring out each of its offers,
   * in order: they are asked again only if nobody else can, and the count is its escalation.
   */
  readonly passes = new Map<string, string[]>();

  /** Builds the picture from the store (at startup, `now` being then). */
  async load(db: Db, now: number): Promise<void> {
    for (const team of await store.loadTeams(db)) {
      this.teams.set(team.id, team);
      this.handleTimes.set(team.id, await store.recentHandleSeconds(db, team.id, HANDLE_WINDOW));
    }
    this.rules = await store.loadRules(db);
    for (const agent of await store.loadAgents(db)) {
      // After a restart nobody is connected: agents who were working get the grace period.
      if (agent.status !== 'offline' && agent.disconnectedAt === null) {
        agent.statusBeforeDisconnect = agent.status;
        agent.disconnectedAt = now;
      }
      this.agents.set(agent.userId, agent);
    }
    for (const c of await store.loadOpenConversations(db)) this.open.set(c.id, c);
    for (const offer of await store.loadOpenOffers(db)) this.offers.set(offer.id, offer);
    for (const missed of await store.loadMissedOffers(db)) this.passOn(missed.conversationId, missed.userId);
  }

  /** Rereads users, teams and rules changed outside routing; every team is marked. */
  async reload(db: Db): Promise<void> {
    for (const team of await store.loadTeams(db)) {
      this.teams.set(team.id, team);
      if (!this.handleTimes.has(team.id)) this.handleTimes.set(team.id, []);
      this.markTeam(team.id);
    }
    this.rules = await store.loadRules(db);
    for (const fresh of await store.loadAgents(db)) {
      const known = this.agents.get(fresh.userId);
      if (known) Object.assign(known, { name: fresh.name, teamIds: fresh.teamIds, capacity: fresh.capacity });
      else this.agents.set(fresh.userId, fresh);
    }
  }

  // ---- marks -------------------------------------------------------------------------------

  markTeam(teamId: string | null) {
    if (teamId) this.dirty.add(teamId);
  }

  markAgent(userId: string | null) {
    for (const teamId of (userId && this.agents.get(userId)?.teamIds) || []) this.dirty.add(teamId);
  }

  /** The agent declined or let ring out an offer of the conversation. */
  passOn(conversationId: string, userId: string) {
    this.passes.set(conversationId, [...(this.passes.get(conversationId) ?? []), userId]);
  }

  /** A resolved conversation's handle time joins its team's recent ones. */
  recordHandleTime(teamId: string, seconds: number) {
    const times = this.handleTimes.get(teamId) ?? [];
    times.push(seconds);
    this.handleTimes.set(teamId, times.slice(-HANDLE_WINDOW));
  }

  // ---- lookups -----------------------------------------------------------------------------

  agentOrThrow(userId: string): RoutingAgent {
    const agent = this.agents.get(userId);
    if (!agent) throw new DomainError('not-found', 'No such agent.');
    return agent;
  }

  /** Offers ringing for this agent. */
  offersFor(userId: string): RoutingOffer[] {
    return [...this.offers.values()].filter((o) => o.userId === userId);
  }

  openOfferFor(conversationId: string): RoutingOffer | undefined {
    return [...this.offers.values()].find((o) => o.conversationId === conversationId);
  }

  /** Offers of this open conversation declined or rung out since it was last assigned. */
  missedOffers(conversationId: string): number {
    return this.passes.get(conversationId)?.length ?? 0;
  }

  /** Every agent's load, in one pass over the open conversations. */
  loads(): Map<string, number> {
    const loads = new Map<string, number>();
    for (const c of this.open.values()) {
      if (c.assigneeId !== null) loads.set(c.assigneeId, (loads.get(c.assigneeId) ?? 0) + c.weight);
    }
    return loads;
  }

  /** Copies of everything, with each agent's load and each conversation's missed offers. */
  snapshot() {
    const loads = this.loads();
    return {
      agents: [...this.agents.values()].map((a) => ({ ...a, load: loads.get(a.userId) ?? 0 })),
      open: [...this.open.values()].map((c) => ({
        ...c,
        missedOffers: this.missedOffers(c.id),
      })),
      offers: [...this.offers.values()].map((o) => ({ ...o })),
      teams: [...this.teams.values()],
    };
  }

  loadOf(userId: string): number {
    let load = 0;
    for (const c of this.open.values()) if (c.assigneeId === userId) load += c.weight;
    return load;
  }
}
