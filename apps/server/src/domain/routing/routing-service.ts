import type {
  AgentState,
  AgentStatus,
  RoutingRule,
  StatusReason,
  TeamRoutingSettings,
  TransferTarget,
  VisitorAttributes,
} from '@switchboard/protocol';
import type { Contact } from '../../store/contacts.js';
import type { Db } from '../../store/open-sqlite.js';
import * as store from '../../store/routing.js';
import { conflict } from '../conflicts.js';
import { DomainError } from '../errors.js';
import type { StaffPrincipal } from '../principal.js';
import * as agents from './agent-status.js';
import { admit, assign, leaveQueue, pickUpOffline, requeue } from './assignment.js';
import { isOpen } from './business-hours.js';
import type { RoutingContext, RoutingOptions } from './context.js';
import { handleDeadlines } from './deadlines.js';
import { decisionRecord } from './decision-record.js';
import type { Placement, RoutingOffer, TeamSettings } from './model.js';
import { Mutex } from './mutex.js';
import { acceptOffer, declineOffer, withdrawOfferOf } from './offers.js';
import { currentPositions, publishPositions } from './position-pushes.js';
import { routeMarkedTeams } from './route-queue.js';
import type { QueuePosition, RoutingEvents } from './routing-events.js';
import { RoutingState } from './routing-state.js';
import { firstMatch } from './rule-matcher.js';
import { transfer } from './transfer.js';

export type { RoutingOptions } from './context.js';
export type { Placement } from './model.js';

/**
 * The queueing and assignment engine. It keeps the contact center's routing state in memory,
 * writes every change through to the store before announcing it, and rebuilds itself from the
 * store after a restart. Every change runs inside one mutex, so decisions never interleave.
 * This facade's questions read `RoutingState`; each change runs its concern's functions on a
 * `RoutingContext`, then `routeMarkedTeams` serves whatever room or waiting work it marked.
 */
export class RoutingService {
  readonly #state = new RoutingState();
  readonly #ctx: RoutingContext;
  readonly #mutex = new Mutex();

  constructor(
    private readonly db: Db,
    private readonly options: RoutingOptions,
  ) {
    this.#ctx = { db, options, state: this.#state, events: undefined };
  }

  /** The transport subscribes once it exists (it is built after the domain). */
  setEvents(events: RoutingEvents): void {
    this.#ctx.events = events;
  }

  load(): Promise<void> {
    return this.#mutex.run(() => this.#state.load(this.db, this.options.now()));
  }

  // ---- questions ---------------------------------------------------------------------------

  /** Team, priority and bot for a new conversation: the first matching rule, else the widget's team. */
  placement(attributes: VisitorAttributes, verified: boolean, widgetTeamId: string | null): Placement {
    const rule = firstMatch(this.#state.rules, { attributes, verified });
    const teamId = rule?.teamId ?? widgetTeamId;
    const vip = rule?.priority === 'vip' || (verified && attributes.vip === true);
    const team = teamId ? this.#state.teams.get(teamId) : undefined;
    return {
      teamId,
      priority: vip ? 'vip' : 'normal',
      weight: rule?.weight ?? 1,
      rule: rule ? { id: rule.id, name: rule.name } : null,
      inBot: team?.botEnabled ?? false,
    };
  }

  /** Someone could answer a chat for this team right now (open hours, an agent online). */
  isTeamAvailable(teamId: string | null): boolean {
    const team = teamId ? this.#state.teams.get(teamId) : undefined;
    if (!team || !isOpen(team.businessHours, this.options.now())) return false;
    return [...this.#state.agents.values()].some(
      (a) => a.connected && a.status === 'online' && a.teamIds.includes(team.id),
    );
  }

  knowsAgent(userId: string): boolean {
    return this.#state.agents.has(userId);
  }

  agentState(userId: string): AgentState {
    const agent = this.#state.agents.get(userId);
    if (!agent) throw new DomainError('not-found', 'No such agent.');
    return {
      userId: agent.userId,
      name: agent.name,
      status: agent.status,
      reason: agent.reason,
      since: new Date(agent.since).toISOString(),
      load: this.#state.loadOf(agent.userId),
      capacity: agent.capacity,
      teamIds: agent.teamIds,
    };
  }

  /** Agents the caller may see: their teams' members; admins everyone. */
  agentStates(viewer: StaffPrincipal): AgentState[] {
    return [...this.#state.agents.values()]
      .filter((a) => viewer.role === 'admin' || a.teamIds.some((t) => viewer.teamIds.includes(t)))
      .filter((a) => a.teamIds.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((a) => this.agentState(a.userId));
  }

  teams(viewer: StaffPrincipal): TeamSettings[] {
    return [...this.#state.teams.values()].filter(
      (t) => viewer.role === 'admin' || viewer.teamIds.includes(t.id),
    );
  }

  /** A team the viewer may see (their own; admins any), else not-found. */
  visibleTeam(viewer: StaffPrincipal, teamId: string): TeamSettings {
    const team = this.teams(viewer).find((t) => t.id === teamId);
    if (!team) throw new DomainError('not-found', 'No such team.');
    return team;
  }

  team(teamId: string): TeamSettings {
    const team = this.#state.teams.get(teamId);
    if (!team) throw new DomainError('not-found', 'No such team.');
    return team;
  }

  rules(): RoutingRule[] {
    return this.#state.rules;
  }

  /** Offers ringing for this agent (re-sent to a reconnecting desktop). */
  offersFor(userId: string): RoutingOffer[] {
    return this.#state.offersFor(userId);
  }

  openOfferFor(conversationId: string): RoutingOffer | undefined {
    return this.#state.openOfferFor(conversationId);
  }

  /** Offers of this open conversation declined or rung out since it was last assigned. */
  missedOffers(conversationId: string): number {
    return this.#state.missedOffers(conversationId);
  }

  /** A (re)connecting visitor's current places in the queue. */
  positionsOf(visitorId: string): QueuePosition[] {
    return currentPositions(this.#ctx).filter((p) => p.visitorId === visitorId);
  }

  /** Snapshot for invariant checks and reports. */
  snapshot() {
    return this.#state.snapshot();
  }

  // ---- changes -----------------------------------------------------------------------------

  /** A conversation was created with this placement: queue it (or leave it with the bot). */
  admitted(c: { id: string; visitorId: string; placement: Placement }): Promise<void> {
    return this.#change(() => admit(this.#ctx, c));
  }

  /** The bot hands the conversation (with its transcript) to the queue. */
  handedOff(conversationId: string, reason: string): Promise<void> {
    return this.#change(async () => {
      const c = this.#state.open.get(conversationId);
      if (!c?.inBot) return;
      await requeue(this.#ctx, c, false, 'bot-handoff', null, reason);
    });
  }

  /**
   * A conversation changed outside routing (e.g. an offline message was left): tell the team, and
   * the previous assignee if it is no longer theirs.
   */
  announce(conversationId: string, previousAssigneeId: string | null = null): void {
    this.#ctx.events?.conversationChanged(conversationId, previousAssigneeId);
  }

  isWithBot(conversationId: string): boolean {
    return this.#state.open.get(conversationId)?.inBot ?? false;
  }

  /** A team's name as routing knows it (what the bot calls its team); null for none. */
  teamName(teamId: string | null): string | null {
    return teamId === null ? null : (this.#state.teams.get(teamId)?.name ?? null);
  }

  /** Manual pick from the queue (the agent chooses, routing records it). */
  take(agent: StaffPrincipal, conversationId: string): Promise<void> {
    return this.#change(async () => {
      const c = this.#state.open.get(conversationId);
      if (c?.status !== 'queued') {
        throw conflict({ code: 'no-longer-queued' });
      }
      await withdrawOfferOf(this.#ctx, conversationId);
      const decision = decisionRecord(c, [], agent.userId, { code: 'picked', agent: agent.name });
      await assign(this.#ctx, c, agent.userId, null, decision, 'picked');
    });
  }

  /** An agent answers a message left while nobody was available: it becomes their chat. */
  takeOffline(
    agent: StaffPrincipal,
    c: { id: string; visitorId: string; teamId: string | null },
  ): Promise<void> {
    return this.#change(() => pickUpOffline(this.#ctx, agent, c));
  }

  accept(userId: string, offerId: string): Promise<string> {
    return this.#change(() => acceptOffer(this.#ctx, userId, offerId));
  }

  decline(userId: string, offerId: string, reason: string | undefined): Promise<void> {
    return this.#change(() => declineOffer(this.#ctx, userId, offerId, reason));
  }

  setStatus(userId: string, status: AgentStatus, reason: StatusReason): Promise<AgentState> {
    return this.#change(async () => {
      const agent = this.#state.agentOrThrow(userId);
      await agents.changeStatus(this.#ctx, agent, status, reason);
      return this.agentState(userId);
    });
  }

  /** The agent's first live socket appeared. */
  connected(userId: string): Promise<void> {
    return this.#change(() => agents.connected(this.#ctx, userId));
  }

  /** The agent's last live socket closed: their chats wait out the grace period. */
  disconnected(userId: string): Promise<void> {
    return this.#change(() => agents.disconnected(this.#ctx, userId));
  }

  /** After a resolve: the agent's load drops; wrap-up starts when the team has one. */
  resolved(conversationId: string, resolvedBy: string): Promise<void> {
    return this.#change(() => agents.resolved(this.#ctx, conversationId, resolvedBy));
  }

  /**
   * The visitor stops waiting: their chat becomes a message left for the team, answered at
   * `contact`. False when it was no longer queued (just taken, resolved).
   */
  leaveQueue(conversationId: string, contact: Contact): Promise<boolean> {
    return this.#change(async () => {
      const c = this.#state.open.get(conversationId);
      if (c?.status !== 'queued') return false;
      return leaveQueue(this.#ctx, c, contact, { code: 'visitor-left-message' });
    });
  }

  /** The first agent reply stops the unanswered-chat watchdog. */
  replied(conversationId: string, userId: string): Promise<void> {
    return this.#mutex.run(async () => {
      const c = this.#state.open.get(conversationId);
      if (!c || c.firstReplyAt !== null || c.assigneeId !== userId) return;
      c.firstReplyAt = this.options.now();
      await store.saveFirstReply(this.db, conversationId, c.firstReplyAt);
    });
  }

  /**
   * `force` (supervisors): to an agent whatever their status and capacity, assigned at once.
   * `reason` null: a supervisor's takeover without one (to an agent only).
   */
  transfer(
    actor: StaffPrincipal,
    conversationId: string,
    target: TransferTarget,
    reason: string | null,
    force = false,
  ): Promise<void> {
    return this.#change(() => transfer(this.#ctx, actor, conversationId, target, reason, force));
  }

  // ---- admin -------------------------------------------------------------------------------

  setTeamSettings(teamId: string, settings: TeamRoutingSettings): Promise<TeamSettings> {
    return this.#change(async () => {
      const team = { ...this.team(teamId), ...settings };
      await store.saveTeamSettings(this.db, team);
      this.#state.teams.set(teamId, team);
      this.#state.markTeam(teamId);
      return team;
    });
  }

  setCapacity(userId: string, capacity: number): Promise<AgentState> {
    return this.#change(async () => {
      const agent = this.#state.agentOrThrow(userId);
      agent.capacity = capacity;
      await store.saveCapacity(this.db, userId, capacity);
      this.#ctx.events?.agentChanged(userId);
      this.#state.markAgent(userId);
      return this.agentState(userId);
    });
  }

  setRules(rules: RoutingRule[]): Promise<RoutingRule[]> {
    return this.#mutex.run(async () => {
      for (const rule of rules) {
        if (!this.#state.teams.has(rule.teamId))
          throw new DomainError('invalid-payload', `Rule "${rule.name}": no such team.`);
      }
      await store.replaceRules(this.db, rules);
      this.#state.rules = rules;
      return rules;
    });
  }

  /** Users, teams or rules changed outside routing (admin area, seeding): reread them. */
  reload(): Promise<void> {
    return this.#change(() => this.#state.reload(this.db));
  }

  // ---- time --------------------------------------------------------------------------------

  /** Handles every deadline that has passed, then routes every team (aging moves queues). */
  tick(): Promise<void> {
    return this.#change(() => handleDeadlines(this.#ctx)).then(() =>
      this.#mutex.run(async () => publishPositions(this.#ctx)),
    );
  }

  // ---- internals ---------------------------------------------------------------------------

  /** One change: its work, then routing wherever room or waiting work appeared, then positions. */
  #change<T>(work: () => Promise<T>): Promise<T> {
    return this.#mutex.run(async () => {
      const result = await work();
      await routeMarkedTeams(this.#ctx);
      return result;
    });
  }
}
