import { randomUUID } from 'node:crypto';
import type {
  AgentState,
  AgentStatus,
  RoutingRule,
  StatusReason,
  TeamRoutingSettings,
  TimelineNote,
  TransferTarget,
  VisitorAttributes,
} from '@switchboard/protocol';
import type { Contact } from '../../store/contacts.js';
import type { Db } from '../../store/open-sqlite.js';
import * as store from '../../store/routing.js';
import { conflict } from '../conflicts.js';
import { DomainError } from '../errors.js';
import type { StaffPrincipal } from '../principal.js';
import { isOpen } from './business-hours.js';
import { type Candidate, chooseAgent, isEligible } from './choose-agent.js';
import { decisionRecord } from './decision-record.js';
import type { Decision, RoutingAgent, RoutingConversation, RoutingOffer, TeamSettings } from './model.js';
import { Mutex } from './mutex.js';
import { noteFields } from './notes.js';
import { orderQueue } from './queue-order.js';
import { queuePositions } from './queue-positions.js';
import type { QueuePosition, RoutingEvents } from './routing-events.js';
import { firstMatch } from './rule-matcher.js';

/** How many recent resolutions the wait estimate averages. */
const HANDLE_WINDOW = 20;

export interface RoutingOptions {
  now: () => number;
  /** How long an agent who lost every connection keeps their chats. */
  disconnectGraceSeconds: number;
}

export interface Placement {
  teamId: string | null;
  priority: 'normal' | 'vip';
  weight: number;
  rule: { id: string; name: string } | null;
  inBot: boolean;
}

/**
 * The queueing and assignment engine. It keeps the contact center's routing state in memory,
 * writes every change through to the store before announcing it, and rebuilds itself from the
 * store after a restart. Every change runs inside one mutex, so decisions never interleave.
 */
export class RoutingService {
  readonly #agents = new Map<string, RoutingAgent>();
  readonly #open = new Map<string, RoutingConversation>();
  readonly #offers = new Map<string, RoutingOffer>();
  readonly #teams = new Map<string, TeamSettings>();
  #rules: RoutingRule[] = [];
  /** Recent handle times (assignment → resolution, seconds) per team, newest last. */
  readonly #handleTimes = new Map<string, number[]>();
  readonly #pushedPositions = new Map<string, string>();
  readonly #mutex = new Mutex();
  #events: RoutingEvents | undefined;
  /** Teams where someone may now be served; routed at the end of the change. */
  readonly #dirty = new Set<string>();
  /**
   * Per conversation since it was last assigned, who declined or let ring out each of its offers,
   * in order: they are asked again only if nobody else can, and the count is its escalation.
   */
  readonly #passes = new Map<string, string[]>();

  constructor(
    private readonly db: Db,
    private readonly options: RoutingOptions,
  ) {}

  /** The transport subscribes once it exists (it is built after the domain). */
  setEvents(events: RoutingEvents): void {
    this.#events = events;
  }

  load(): Promise<void> {
    return this.#mutex.run(async () => {
      const now = this.options.now();
      for (const team of await store.loadTeams(this.db)) {
        this.#teams.set(team.id, team);
        this.#handleTimes.set(team.id, await store.recentHandleSeconds(this.db, team.id, HANDLE_WINDOW));
      }
      this.#rules = await store.loadRules(this.db);
      for (const agent of await store.loadAgents(this.db)) {
        // After a restart nobody is connected: agents who were working get the grace period.
        if (agent.status !== 'offline' && agent.disconnectedAt === null) {
          agent.statusBeforeDisconnect = agent.status;
          agent.disconnectedAt = now;
        }
        this.#agents.set(agent.userId, agent);
      }
      for (const c of await store.loadOpenConversations(this.db)) this.#open.set(c.id, c);
      for (const offer of await store.loadOpenOffers(this.db)) this.#offers.set(offer.id, offer);
      for (const missed of await store.loadMissedOffers(this.db))
        this.#passOn(missed.conversationId, missed.userId);
    });
  }

  // ---- questions ---------------------------------------------------------------------------

  /** Team, priority and bot for a new conversation: the first matching rule, else the widget's team. */
  placement(attributes: VisitorAttributes, verified: boolean, widgetTeamId: string | null): Placement {
    const rule = firstMatch(this.#rules, { attributes, verified });
    const teamId = rule?.teamId ?? widgetTeamId;
    const vip = rule?.priority === 'vip' || (verified && attributes.vip === true);
    const team = teamId ? this.#teams.get(teamId) : undefined;
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
    const team = teamId ? this.#teams.get(teamId) : undefined;
    if (!team || !isOpen(team.businessHours, this.options.now())) return false;
    return [...this.#agents.values()].some(
      (a) => a.connected && a.status === 'online' && a.teamIds.includes(team.id),
    );
  }

  knowsAgent(userId: string): boolean {
    return this.#agents.has(userId);
  }

  agentState(userId: string): AgentState {
    const agent = this.#agents.get(userId);
    if (!agent) throw new DomainError('not-found', 'No such agent.');
    return {
      userId: agent.userId,
      name: agent.name,
      status: agent.status,
      reason: agent.reason,
      since: new Date(agent.since).toISOString(),
      load: this.#loadOf(agent.userId),
      capacity: agent.capacity,
      teamIds: agent.teamIds,
    };
  }

  /** Agents the caller may see: their teams' members; admins everyone. */
  agentStates(viewer: StaffPrincipal): AgentState[] {
    return [...this.#agents.values()]
      .filter((a) => viewer.role === 'admin' || a.teamIds.some((t) => viewer.teamIds.includes(t)))
      .filter((a) => a.teamIds.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((a) => this.agentState(a.userId));
  }

  teams(viewer: StaffPrincipal): TeamSettings[] {
    return [...this.#teams.values()].filter((t) => viewer.role === 'admin' || viewer.teamIds.includes(t.id));
  }

  /** A team the viewer may see (their own; admins any), else not-found. */
  visibleTeam(viewer: StaffPrincipal, teamId: string): TeamSettings {
    const team = this.teams(viewer).find((t) => t.id === teamId);
    if (!team) throw new DomainError('not-found', 'No such team.');
    return team;
  }

  team(teamId: string): TeamSettings {
    const team = this.#teams.get(teamId);
    if (!team) throw new DomainError('not-found', 'No such team.');
    return team;
  }

  rules(): RoutingRule[] {
    return this.#rules;
  }

  /** Offers ringing for this agent (re-sent to a reconnecting desktop). */
  offersFor(userId: string): RoutingOffer[] {
    return [...this.#offers.values()].filter((o) => o.userId === userId);
  }

  openOfferFor(conversationId: string): RoutingOffer | undefined {
    return [...this.#offers.values()].find((o) => o.conversationId === conversationId);
  }

  /** Offers of this open conversation declined or rung out since it was last assigned. */
  missedOffers(conversationId: string): number {
    return this.#passes.get(conversationId)?.length ?? 0;
  }

  /** Snapshot for invariant checks and reports. */
  snapshot() {
    const loads = this.#loads();
    return {
      agents: [...this.#agents.values()].map((a) => ({ ...a, load: loads.get(a.userId) ?? 0 })),
      open: [...this.#open.values()].map((c) => ({
        ...c,
        missedOffers: this.missedOffers(c.id),
      })),
      offers: [...this.#offers.values()].map((o) => ({ ...o })),
      teams: [...this.#teams.values()],
    };
  }

  // ---- changes -----------------------------------------------------------------------------

  /** A conversation was created with this placement: queue it (or leave it with the bot). */
  admitted(c: { id: string; visitorId: string; placement: Placement }): Promise<void> {
    return this.#change(async () => {
      const conversation: RoutingConversation = {
        id: c.id,
        visitorId: c.visitorId,
        teamId: c.placement.teamId,
        priority: c.placement.priority,
        weight: c.placement.weight,
        status: 'queued',
        assigneeId: null,
        queuedAt: this.options.now(),
        enteredQueueAt: this.options.now(),
        frontOfQueue: false,
        assignedAt: null,
        firstReplyAt: null,
        inBot: c.placement.inBot,
        rule: c.placement.rule,
      };
      this.#open.set(c.id, conversation);
      await store.savePlacement(this.db, conversation);
      this.#markTeam(conversation.teamId);
    });
  }

  /** The bot hands the conversation (with its transcript) to the queue. */
  handedOff(conversationId: string, reason: string): Promise<void> {
    return this.#change(async () => {
      const c = this.#open.get(conversationId);
      if (!c?.inBot) return;
      await this.#requeue(c, false, 'bot-handoff', null, reason);
    });
  }

  /**
   * A conversation changed outside routing (e.g. an offline message was left): tell the team, and
   * the previous assignee if it is no longer theirs.
   */
  announce(conversationId: string, previousAssigneeId: string | null = null): void {
    this.#events?.conversationChanged(conversationId, previousAssigneeId);
  }

  isWithBot(conversationId: string): boolean {
    return this.#open.get(conversationId)?.inBot ?? false;
  }

  /** Manual pick from the queue (the agent chooses, routing records it). */
  take(agent: StaffPrincipal, conversationId: string): Promise<void> {
    return this.#change(async () => {
      const c = this.#open.get(conversationId);
      if (c?.status !== 'queued') {
        throw conflict({ code: 'no-longer-queued' });
      }
      const offer = this.openOfferFor(conversationId);
      if (offer) await this.#closeOffer(offer, 'withdrawn');
      const decision = decisionRecord(c, [], agent.userId, { code: 'picked', agent: agent.name });
      await this.#assign(c, agent.userId, null, decision, 'picked');
    });
  }

  /** An agent answers a message left while nobody was available: it becomes their chat. */
  takeOffline(
    agent: StaffPrincipal,
    c: { id: string; visitorId: string; teamId: string | null },
  ): Promise<void> {
    return this.#change(async () => {
      const conversation: RoutingConversation = {
        id: c.id,
        visitorId: c.visitorId,
        teamId: c.teamId,
        priority: 'normal',
        weight: 1,
        status: 'queued',
        assigneeId: null,
        queuedAt: this.options.now(),
        enteredQueueAt: this.options.now(),
        frontOfQueue: false,
        assignedAt: null,
        firstReplyAt: null,
        inBot: false,
        rule: null,
      };
      const at = this.options.now();
      const event = this.#event('assigned', agent.userId, {
        decision: decisionRecord(conversation, [], agent.userId, {
          code: 'offline-picked',
          agent: agent.name,
        }),
        how: 'picked',
      });
      if (
        !(await store.persistOfflinePickup(this.db, {
          conversationId: c.id,
          userId: agent.userId,
          at,
          event,
        }))
      ) {
        throw conflict({ code: 'already-answered' });
      }
      this.#open.set(c.id, { ...conversation, status: 'assigned', assigneeId: agent.userId, assignedAt: at });
      this.#events?.conversationChanged(c.id, null);
      this.#events?.agentChanged(agent.userId);
    });
  }

  accept(userId: string, offerId: string): Promise<string> {
    return this.#change(async () => {
      const offer = this.#offers.get(offerId);
      const c = offer && this.#open.get(offer.conversationId);
      if (!offer || offer.userId !== userId || c?.status !== 'queued') {
        throw conflict({ code: 'offer-closed' });
      }
      const decision = decisionRecord(c, [], userId, { code: 'accepted' });
      if (!(await this.#assign(c, userId, offer, decision, 'accepted'))) {
        throw conflict({ code: 'offer-closed' });
      }
      return c.id;
    });
  }

  decline(userId: string, offerId: string, reason: string | undefined): Promise<void> {
    return this.#change(async () => {
      const offer = this.#offers.get(offerId);
      if (!offer || offer.userId !== userId) throw conflict({ code: 'offer-closed' });
      await this.#closeOffer(offer, 'declined', reason);
    });
  }

  setStatus(userId: string, status: AgentStatus, reason: StatusReason): Promise<AgentState> {
    return this.#change(async () => {
      const agent = this.#agentOrThrow(userId);
      await this.#changeStatus(agent, status, reason);
      return this.agentState(userId);
    });
  }

  /** The agent's first live socket appeared. */
  connected(userId: string): Promise<void> {
    return this.#change(async () => {
      const agent = this.#agents.get(userId);
      if (!agent) return;
      agent.connected = true;
      this.#markAgent(userId);
      if (agent.disconnectedAt === null) return;
      const previous = agent.statusBeforeDisconnect;
      agent.disconnectedAt = null;
      agent.statusBeforeDisconnect = null;
      if (previous && previous !== agent.status) await this.#changeStatus(agent, previous, 'manual');
      else await store.saveAgentState(this.db, agent, false);
    });
  }

  /** The agent's last live socket closed: their chats wait out the grace period. */
  disconnected(userId: string): Promise<void> {
    return this.#change(async () => {
      const agent = this.#agents.get(userId);
      if (!agent) return;
      agent.connected = false;
      for (const offer of [...this.#offers.values()].filter((o) => o.userId === userId)) {
        await this.#closeOffer(offer, 'withdrawn');
      }
      if (agent.status !== 'offline') {
        agent.disconnectedAt = this.options.now();
        agent.statusBeforeDisconnect = agent.status;
        await store.saveAgentState(this.db, agent, false);
      }
    });
  }

  /** After a resolve: the agent's load drops; wrap-up starts when the team has one. */
  resolved(conversationId: string, resolvedBy: string): Promise<void> {
    return this.#change(async () => {
      const c = this.#open.get(conversationId);
      if (!c) return;
      // The store withdrew any open offer in the same transaction as the resolve.
      this.#forget(c);
      const team = c.teamId ? this.#teams.get(c.teamId) : undefined;
      if (team && c.assignedAt !== null) {
        const times = this.#handleTimes.get(team.id) ?? [];
        times.push((this.options.now() - c.assignedAt) / 1000);
        this.#handleTimes.set(team.id, times.slice(-HANDLE_WINDOW));
      }
      const agent = c.assigneeId ? this.#agents.get(c.assigneeId) : undefined;
      if (!agent) return;
      this.#markAgent(agent.userId);
      if (team && team.wrapUpSeconds > 0 && agent.status === 'online' && agent.userId === resolvedBy) {
        agent.wrapUpUntil = this.options.now() + team.wrapUpSeconds * 1000;
        await this.#changeStatus(agent, 'wrap-up', 'wrap-up');
      } else {
        this.#events?.agentChanged(agent.userId);
      }
    });
  }

  /**
   * The visitor stops waiting: their chat becomes a message left for the team, answered at
   * `contact`. False when it was no longer queued (just taken, resolved).
   */
  leaveQueue(conversationId: string, contact: Contact): Promise<boolean> {
    return this.#change(async () => {
      const c = this.#open.get(conversationId);
      if (c?.status !== 'queued') return false;
      return this.#leaveQueue(c, contact, { code: 'visitor-left-message' });
    });
  }

  /** The first agent reply stops the unanswered-chat watchdog. */
  replied(conversationId: string, userId: string): Promise<void> {
    return this.#mutex.run(async () => {
      const c = this.#open.get(conversationId);
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
    return this.#change(async () => {
      const c = this.#open.get(conversationId);
      if (!c) throw conflict({ code: 'not-open' });
      const previous = c.assigneeId;
      if (target.kind === 'team') {
        // Only a takeover comes without a reason, and it is always to the supervisor.
        if (reason === null) throw new Error('A transfer to a team needs a reason.');
        const team = this.#teams.get(target.teamId);
        if (!team) throw new DomainError('not-found', 'No such team.');
        const offer = this.openOfferFor(c.id);
        if (offer) await this.#closeOffer(offer, 'withdrawn');
        c.teamId = team.id;
        await this.#requeue(c, true, 'transferred', actor.userId, {
          code: 'transferred-to-team',
          team: team.name,
          reason,
        });
        this.#events?.conversationChanged(c.id, previous);
        return;
      }
      const agent = this.#agents.get(target.userId);
      if (!agent || (agent.teamIds.length === 0 && !force))
        throw new DomainError('not-found', 'No such agent.');
      if (target.userId === previous) throw conflict({ code: 'already-theirs' });
      if (!force && (!agent.connected || agent.status !== 'online'))
        throw conflict({ code: 'agent-unavailable', agent: agent.name });
      if (!force && this.#loadOf(agent.userId) + c.weight > agent.capacity) {
        throw conflict({ code: 'agent-at-capacity', agent: agent.name });
      }
      const offer = this.openOfferFor(c.id);
      if (offer) await this.#closeOffer(offer, 'withdrawn');
      c.teamId = c.teamId && agent.teamIds.includes(c.teamId) ? c.teamId : (agent.teamIds[0] ?? c.teamId);
      const note: TimelineNote =
        reason === null
          ? { code: 'taken-over', agent: agent.name }
          : { code: 'transferred-to-agent', agent: agent.name, reason };
      if (!force && c.teamId && this.#teams.get(c.teamId)?.mode === 'offer') {
        // The receiving agent may refuse: it waits at the front of the queue, ringing only them.
        await this.#requeue(c, true, 'transferred', actor.userId, note);
        this.#dirty.delete(c.teamId);
        await this.#offer(
          c,
          agent,
          decisionRecord(c, [], agent.userId, { code: 'transferred', actor: actor.name, note: null }),
        );
      } else {
        c.status = 'assigned';
        c.assigneeId = agent.userId;
        c.assignedAt = this.options.now();
        c.firstReplyAt = null;
        c.frontOfQueue = false;
        const decision = decisionRecord(c, [], agent.userId, {
          code: 'transferred',
          actor: actor.name,
          note: reason,
        });
        await store.persistReassignment(
          this.db,
          c.id,
          agent.userId,
          this.#event('transferred', actor.userId, { ...noteFields(note), decision }),
        );
        this.#events?.agentChanged(agent.userId);
      }
      if (previous) {
        this.#events?.agentChanged(previous);
        this.#markAgent(previous);
      }
      this.#events?.conversationChanged(c.id, previous);
    });
  }

  // ---- admin -------------------------------------------------------------------------------

  setTeamSettings(teamId: string, settings: TeamRoutingSettings): Promise<TeamSettings> {
    return this.#change(async () => {
      const team = { ...this.team(teamId), ...settings };
      await store.saveTeamSettings(this.db, team);
      this.#teams.set(teamId, team);
      this.#markTeam(teamId);
      return team;
    });
  }

  setCapacity(userId: string, capacity: number): Promise<AgentState> {
    return this.#change(async () => {
      const agent = this.#agentOrThrow(userId);
      agent.capacity = capacity;
      await store.saveCapacity(this.db, userId, capacity);
      this.#events?.agentChanged(userId);
      this.#markAgent(userId);
      return this.agentState(userId);
    });
  }

  setRules(rules: RoutingRule[]): Promise<RoutingRule[]> {
    return this.#mutex.run(async () => {
      for (const rule of rules) {
        if (!this.#teams.has(rule.teamId))
          throw new DomainError('invalid-payload', `Rule "${rule.name}": no such team.`);
      }
      await store.replaceRules(this.db, rules);
      this.#rules = rules;
      return rules;
    });
  }

  /** Users, teams or rules changed outside routing (admin area, seeding): reread them. */
  reload(): Promise<void> {
    return this.#change(async () => {
      for (const team of await store.loadTeams(this.db)) {
        this.#teams.set(team.id, team);
        if (!this.#handleTimes.has(team.id)) this.#handleTimes.set(team.id, []);
        this.#markTeam(team.id);
      }
      this.#rules = await store.loadRules(this.db);
      for (const fresh of await store.loadAgents(this.db)) {
        const known = this.#agents.get(fresh.userId);
        if (known)
          Object.assign(known, { name: fresh.name, teamIds: fresh.teamIds, capacity: fresh.capacity });
        else this.#agents.set(fresh.userId, fresh);
      }
    });
  }

  // ---- time --------------------------------------------------------------------------------

  /** Handles every deadline that has passed, then routes every team (aging moves queues). */
  tick(): Promise<void> {
    return this.#change(async () => {
      const now = this.options.now();
      for (const offer of [...this.#offers.values()]) {
        if (offer.expiresAt <= now) await this.#closeOffer(offer, 'expired');
      }
      for (const agent of this.#agents.values()) {
        if (agent.status === 'wrap-up' && agent.wrapUpUntil !== null && agent.wrapUpUntil <= now) {
          agent.wrapUpUntil = null;
          await this.#changeStatus(agent, 'online', 'manual');
        }
        const graceEnds =
          agent.disconnectedAt === null
            ? null
            : agent.disconnectedAt + this.options.disconnectGraceSeconds * 1000;
        if (!agent.connected && graceEnds !== null && graceEnds <= now) {
          agent.disconnectedAt = null;
          agent.statusBeforeDisconnect = null;
          if (agent.status !== 'offline') await this.#changeStatus(agent, 'offline', 'disconnected');
          for (const c of [...this.#open.values()].filter((x) => x.assigneeId === agent.userId)) {
            await this.#requeue(c, true, 'requeued', null, { code: 'agent-disconnected', agent: agent.name });
            this.#events?.conversationChanged(c.id, agent.userId);
          }
        }
      }
      // A ringing offer may still be accepted: the maximum queue time applies once it closes.
      const ringing = new Set([...this.#offers.values()].map((o) => o.conversationId));
      for (const c of [...this.#open.values()]) {
        const team = c.teamId ? this.#teams.get(c.teamId) : undefined;
        if (!team) continue;
        const unansweredSince = c.status === 'assigned' && c.firstReplyAt === null ? c.assignedAt : null;
        if (
          team.unansweredSeconds > 0 &&
          unansweredSince !== null &&
          unansweredSince + team.unansweredSeconds * 1000 <= now
        ) {
          const previous = c.assigneeId;
          await this.#requeue(c, true, 'requeued', null, {
            code: 'no-reply',
            seconds: team.unansweredSeconds,
          });
          this.#markAgent(previous);
          this.#events?.conversationChanged(c.id, previous);
        } else if (
          team.maxQueueSeconds > 0 &&
          c.status === 'queued' &&
          !c.inBot &&
          !ringing.has(c.id) &&
          c.enteredQueueAt + team.maxQueueSeconds * 1000 <= now
        ) {
          await this.#leaveQueue(c, null, { code: 'queue-timeout', seconds: team.maxQueueSeconds });
        }
      }
      for (const teamId of this.#teams.keys()) this.#markTeam(teamId);
    }).then(() => this.#mutex.run(async () => this.#publishPositions()));
  }

  // ---- internals (called inside the mutex) ------------------------------------------------

  /** One change: its work, then routing wherever room or waiting work appeared, then positions. */
  #change<T>(work: () => Promise<T>): Promise<T> {
    return this.#mutex.run(async () => {
      const result = await work();
      while (this.#dirty.size > 0) {
        const [teamId] = this.#dirty;
        this.#dirty.delete(teamId as string);
        await this.#route(teamId as string);
      }
      return result;
    });
  }

  #markTeam(teamId: string | null) {
    if (teamId) this.#dirty.add(teamId);
  }

  #markAgent(userId: string | null) {
    for (const teamId of (userId && this.#agents.get(userId)?.teamIds) || []) this.#dirty.add(teamId);
  }

  /** Serves the team's queue while anyone eligible is free. Work-conserving. */
  async #route(teamId: string) {
    const team = this.#teams.get(teamId);
    const now = this.options.now();
    if (!team || !isOpen(team.businessHours, now)) return;
    const ringing = new Set([...this.#offers.values()].map((o) => o.conversationId));
    const ringingAgents = new Set([...this.#offers.values()].map((o) => o.userId));
    const waiting = [...this.#open.values()].filter(
      (c) => c.status === 'queued' && c.teamId === teamId && !c.inBot && !ringing.has(c.id),
    );
    if (waiting.length === 0) return;
    const members = [...this.#agents.values()].filter((a) => a.teamIds.includes(teamId));
    const loads = this.#loads();
    const lightest = Math.min(...waiting.map((c) => c.weight));
    for (const c of orderQueue(waiting, now, team.agingSeconds)) {
      const eligible: Candidate[] = members
        .filter((a) => isEligible(a, teamId, loads.get(a.userId) ?? 0, c.weight, ringingAgents.has(a.userId)))
        .map((agent) => ({ agent, load: loads.get(agent.userId) ?? 0 }));
      if (eligible.length === 0) {
        // Loads only grow within a pass: if even the lightest chat fits nowhere, nothing will.
        if (c.weight <= lightest) break;
        continue;
      }
      // Someone who just declined (or let it ring out) is asked again only when nobody else can take it.
      const passedOn = this.#passes.get(c.id) ?? [];
      const fresh = eligible.filter((e) => !passedOn.includes(e.agent.userId));
      const candidates = fresh.length > 0 ? fresh : eligible;
      const previous =
        team.affinityHours > 0
          ? await store.previousAgentOf(this.db, c.visitorId, now - team.affinityHours * 3_600_000)
          : null;
      const choice = chooseAgent(candidates, previous);
      if (!choice) continue;
      const decision = decisionRecord(c, eligible, choice.chosen.agent.userId, choice.reason);
      if (team.mode === 'offer') {
        await this.#offer(c, choice.chosen.agent, decision);
        ringingAgents.add(choice.chosen.agent.userId);
      } else {
        await this.#assign(c, choice.chosen.agent.userId, null, decision, 'routed');
        loads.set(choice.chosen.agent.userId, (loads.get(choice.chosen.agent.userId) ?? 0) + c.weight);
      }
    }
  }

  async #assign(
    c: RoutingConversation,
    userId: string,
    offer: RoutingOffer | null,
    decision: Decision,
    how: 'routed' | 'accepted' | 'picked',
  ): Promise<boolean> {
    const at = this.options.now();
    const ok = await store.persistAssignment(this.db, {
      conversationId: c.id,
      userId,
      at,
      offerId: offer?.id ?? null,
      event: this.#event('assigned', how === 'routed' ? null : userId, { decision, how }),
    });
    if (!ok) return false;
    if (offer) {
      this.#offers.delete(offer.id);
      this.#events?.offerClosed(offer, 'accepted');
      // No longer ringing, the agent may have room in their other teams' queues.
      this.#markAgent(userId);
    }
    c.status = 'assigned';
    c.assigneeId = userId;
    c.assignedAt = at;
    c.firstReplyAt = null;
    c.frontOfQueue = false;
    this.#passes.delete(c.id);
    const agent = this.#agents.get(userId);
    if (agent) agent.lastAssignedAt = at;
    this.#pushedPositions.delete(c.id);
    this.#events?.conversationChanged(c.id, null);
    this.#events?.agentChanged(userId);
    return true;
  }

  async #offer(c: RoutingConversation, agent: RoutingAgent, decision: Decision) {
    const team = c.teamId ? this.#teams.get(c.teamId) : undefined;
    const offer: RoutingOffer = {
      id: randomUUID(),
      conversationId: c.id,
      userId: agent.userId,
      expiresAt: this.options.now() + (team?.offerTimeoutSeconds ?? 30) * 1000,
    };
    await store.persistOffer(this.db, offer, this.#event('offered', null, { decision }));
    this.#offers.set(offer.id, offer);
    this.#events?.offered(offer);
  }

  async #closeOffer(offer: RoutingOffer, reason: 'declined' | 'expired' | 'withdrawn', note?: string) {
    const kind =
      reason === 'declined' ? 'offer-declined' : reason === 'expired' ? 'offer-expired' : 'requeued';
    const actor = reason === 'declined' ? offer.userId : null;
    const agent = this.#agents.get(offer.userId)?.name ?? 'the agent';
    const said: TimelineNote | string =
      reason === 'withdrawn'
        ? { code: 'offer-withdrawn', agent }
        : (note ?? { code: reason === 'declined' ? 'offer-declined' : 'offer-unanswered', agent });
    await store.closeOffer(this.db, offer, reason, this.#event(kind, actor, noteFields(said)));
    this.#offers.delete(offer.id);
    const c = this.#open.get(offer.conversationId);
    if (c) {
      c.frontOfQueue = true;
      this.#markTeam(c.teamId);
      if (reason !== 'withdrawn') this.#passOn(c.id, offer.userId);
    }
    this.#markAgent(offer.userId);
    this.#events?.offerClosed(offer, reason);
  }

  async #leaveQueue(c: RoutingConversation, contact: Contact | null, note: TimelineNote): Promise<boolean> {
    const event = this.#event('left-queue', null, noteFields(note));
    if (!(await store.persistLeftQueue(this.db, { conversationId: c.id, contact, event }))) return false;
    // The store withdrew any open offer in the same transaction.
    this.#forget(c);
    this.#events?.conversationChanged(c.id, null);
    return true;
  }

  /** A conversation that is no longer open (resolved, left as a message) leaves routing's memory. */
  #forget(c: RoutingConversation) {
    this.#open.delete(c.id);
    this.#passes.delete(c.id);
    this.#pushedPositions.delete(c.id);
    const offer = this.openOfferFor(c.id);
    if (offer) {
      this.#offers.delete(offer.id);
      this.#markAgent(offer.userId);
      this.#events?.offerClosed(offer, 'withdrawn');
    }
  }

  async #requeue(
    c: RoutingConversation,
    front: boolean,
    kind: 'requeued' | 'transferred' | 'bot-handoff',
    actorId: string | null,
    /** Routing's own words as data; a string is someone else's (the bot's hand-over reason). */
    note: TimelineNote | string,
  ) {
    const previous = c.assigneeId;
    const now = this.options.now();
    const waitingSince = kind === 'bot-handoff' ? now : await this.#waitingSince(c, now);
    c.status = 'queued';
    c.assigneeId = null;
    c.assignedAt = null;
    c.firstReplyAt = null;
    c.frontOfQueue = front;
    c.inBot = false;
    c.queuedAt = waitingSince;
    c.enteredQueueAt = now;
    await store.persistRequeue(this.db, {
      conversationId: c.id,
      teamId: c.teamId,
      front,
      queuedAt: c.queuedAt,
      enteredQueueAt: c.enteredQueueAt,
      event: this.#event(kind, actorId, noteFields(note)),
    });
    this.#pushedPositions.delete(c.id);
    this.#markTeam(c.teamId);
    this.#markAgent(previous);
    if (previous) this.#events?.agentChanged(previous);
  }

  /**
   * A conversation back in the queue keeps its visitor's wait: if nobody on the staff has answered
   * them yet, since they entered the queue; else since their oldest message not yet answered;
   * else (the staff had the last word) from now. Its aging counts from there; the maximum queue
   * time starts afresh (`enteredQueueAt`), so a transfer is never a timeout on arrival.
   */
  async #waitingSince(c: RoutingConversation, now: number): Promise<number> {
    const { staffAnswered, oldest } = await store.unansweredSince(this.db, c.id);
    return Math.min(staffAnswered ? (oldest ?? now) : c.queuedAt, now);
  }

  async #changeStatus(agent: RoutingAgent, status: AgentStatus, reason: StatusReason) {
    if (status !== 'wrap-up') agent.wrapUpUntil = null;
    agent.status = status;
    agent.reason = reason;
    agent.since = this.options.now();
    await store.saveAgentState(this.db, agent, true);
    this.#markAgent(agent.userId);
    if (status !== 'online') {
      for (const offer of [...this.#offers.values()].filter((o) => o.userId === agent.userId)) {
        await this.#closeOffer(offer, 'withdrawn');
      }
    }
    this.#events?.agentChanged(agent.userId);
  }

  /** The agent declined or let ring out an offer of the conversation. */
  #passOn(conversationId: string, userId: string) {
    this.#passes.set(conversationId, [...(this.#passes.get(conversationId) ?? []), userId]);
  }

  #agentOrThrow(userId: string): RoutingAgent {
    const agent = this.#agents.get(userId);
    if (!agent) throw new DomainError('not-found', 'No such agent.');
    return agent;
  }

  /** Every agent's load, in one pass over the open conversations. */
  #loads(): Map<string, number> {
    const loads = new Map<string, number>();
    for (const c of this.#open.values()) {
      if (c.assigneeId !== null) loads.set(c.assigneeId, (loads.get(c.assigneeId) ?? 0) + c.weight);
    }
    return loads;
  }

  #loadOf(userId: string): number {
    let load = 0;
    for (const c of this.#open.values()) if (c.assigneeId === userId) load += c.weight;
    return load;
  }

  #event(kind: string, actorId: string | null, data: object): store.TimelineWrite {
    return { kind, actorId, data, at: this.options.now() };
  }

  #positions(): QueuePosition[] {
    return queuePositions(
      {
        teams: this.#teams.values(),
        open: this.#open.values(),
        agents: this.#agents.values(),
        handleTimes: this.#handleTimes,
      },
      this.options.now(),
    );
  }

  /** A (re)connecting visitor's current places in the queue. */
  positionsOf(visitorId: string): QueuePosition[] {
    return this.#positions().filter((p) => p.visitorId === visitorId);
  }

  /** Pushes each waiting visitor's position and estimate when either changed (called once per tick). */
  #publishPositions() {
    const updates = this.#positions().filter((p) => {
      const key = `${p.position}:${p.estimatedWaitSeconds}`;
      if (this.#pushedPositions.get(p.conversationId) === key) return false;
      this.#pushedPositions.set(p.conversationId, key);
      return true;
    });
    if (updates.length > 0) this.#events?.queuePositions(updates);
  }
}
