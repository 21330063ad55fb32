import { resolve } from '../../src/store/conversations.js';
import type { Db } from '../../src/store/open-sqlite.js';
import type { AssignerFactory, AssignerName } from './assigner.js';
import { MinHeap } from './heap.js';
import { type Latencies, latencies, type Spread, spread } from './measure.js';
import type { Population, SeedConversation } from './seed.js';
import type { RoutingBenchSettings } from './settings.js';

export interface DrainFigures {
  assigner: AssignerName;
  round: number;
  assignments: number;
  /** The queue emptied within the budget; if not, the figures cover the part drained. */
  drained: boolean;
  /** Conversations still waiting when the drain ended (0 when drained). */
  left: number;
  /** From the teams opening to the assignment that empties the queue (or to the budget), wall clock. */
  drainMs: number;
  assignmentsPerSecond: number;
  /** Wall time inside the assigner's calls (open, resolved, tick): the drain minus the driver's own work. */
  assignerMs: number;
  assignerMsPerAssignment: number;
  /** Every agent connecting and going online while the teams are closed (before the drain, not in it). */
  loginMs: number;
  /** The teams opening over the backlog: every seat filled in one go. */
  fillMs: number;
  fillAssignments: number;
  /**
   * Per assignment: from the start of the assigner call that made it (an opening, a resolve or a
   * tick), or from the previous assignment in that call, to its announcement. Covers the routing
   * pass and the write-through to SQLite; the first assignment of a call also carries the call's
   * fixed cost.
   */
  decisionMs: Latencies;
  /** The same, after the fill only: a freed seat (or a tick) until the next chat is placed. */
  refillDecisionMs: Latencies;
  /** Whole `resolved()` calls: a freed seat until the engine is done (assignment, positions, …). */
  resolvedCallMs: Latencies;
  /** Periodic ticks (every `tickMs` of wall time, as the server's ticker) and ticks forced by a stall. */
  ticks: number;
  stallTicks: number;
  tickMs: Latencies;
  /** Assignments that only a tick made (the triggering event did not). */
  tickAssignments: number;
  /** Resolves after which the resolving agent had a free seat while one of their teams had chats waiting. */
  idleWhileWaiting: number;
  /** Queue position updates pushed to waiting visitors. */
  positionUpdates: number;
  /** Right after the fill. */
  atFill: { load: Spread; loadShare: Spread; idleSeatsWithWorkWaiting: number };
  /** When the queue is empty (or at the budget). */
  atEnd: { loadShare: Spread; assignmentsPerAgent: Spread; assignmentsPerSeat: Spread };
  /** Simulated wait until assigned, in virtual minutes (the handling-time clock), by priority. */
  waitMinutesP50: { vip: number; normal: number };
  /** Broken invariants seen by the driver or found in the store afterwards; must be empty. */
  violations: string[];
}

interface AgentBook {
  capacity: number;
  teamIds: string[];
  load: number;
  assignments: number;
}

interface ConversationBook {
  seed: SeedConversation;
  assignee: string | null;
  /** Virtual seconds from the opening until assigned. */
  waited: number | null;
}

const MAX_VIOLATIONS_KEPT = 20;

/**
 * One drain: the teams open over the whole backlog, then a discrete-event simulation resolves
 * chats in order of their simulated end (each chat's handling time is fixed by the seed, so both
 * assigners replay the same day) and lets the assigner refill each freed seat, until the queue is
 * empty or the budget is spent. Resolving goes through the store first, as the conversation service does. The driver
 * keeps its own books from the announcements and checks them against the store at the end.
 */
export async function drain(
  factory: AssignerFactory,
  db: Db,
  population: Population,
  settings: RoutingBenchSettings,
  round: number,
): Promise<DrainFigures> {
  const agents = new Map<string, AgentBook>(
    population.agents.map((a) => [
      a.id,
      { capacity: a.capacity, teamIds: a.teamIds, load: 0, assignments: 0 },
    ]),
  );
  const conversations = new Map<string, ConversationBook>(
    population.conversations.map((c) => [c.id, { seed: c, assignee: null, waited: null }]),
  );
  const waitingByTeam = new Map(population.teamIds.map((t) => [t, 0]));
  for (const c of population.conversations)
    waitingByTeam.set(c.teamId, (waitingByTeam.get(c.teamId) ?? 0) + 1);
  let waiting = population.conversations.length;
  const calendar = new MinHeap<string>();
  let virtualNow = 0;
  const violations: string[] = [];
  const violate = (text: string) => {
    if (violations.length < MAX_VIOLATIONS_KEPT) violations.push(text);
  };

  const decisionMs: number[] = [];
  const refillDecisionMs: number[] = [];
  let filling = true;
  let mark = 0;
  let drainedAt = 0;
  const onAssigned = (conversationId: string, userId: string) => {
    const at = performance.now();
    decisionMs.push(at - mark);
    if (!filling) refillDecisionMs.push(at - mark);
    mark = at;
    const c = conversations.get(conversationId);
    const agent = agents.get(userId);
    if (!c || !agent) return violate(`unknown assignment ${conversationId} → ${userId}`);
    if (c.assignee !== null) violate(`${conversationId} assigned twice`);
    if (!agent.teamIds.includes(c.seed.teamId))
      violate(`${conversationId} went to ${userId}, not in its team`);
    c.assignee = userId;
    c.waited = virtualNow;
    agent.load++;
    agent.assignments++;
    if (agent.load > agent.capacity) violate(`${userId} over capacity (${agent.load}/${agent.capacity})`);
    waitingByTeam.set(c.seed.teamId, (waitingByTeam.get(c.seed.teamId) ?? 0) - 1);
    waiting--;
    calendar.push(virtualNow + c.seed.handleSeconds, conversationId);
    if (waiting === 0) drainedAt = at;
  };

  const assigner = factory(db, population, onAssigned);
  const loginStarted = performance.now();
  await assigner.prepare();
  const loginMs = performance.now() - loginStarted;

  let assignerMs = 0;
  const timed = async (call: () => Promise<void>, into?: number[]) => {
    const start = performance.now();
    mark = start;
    await call();
    const ms = performance.now() - start;
    assignerMs += ms;
    into?.push(ms);
  };
  const hasWorkWaiting = (agent: AgentBook) => agent.teamIds.some((t) => (waitingByTeam.get(t) ?? 0) > 0);

  const started = performance.now();
  await timed(() => assigner.open());
  const fillMs = performance.now() - started;
  filling = false;
  const fillAssignments = population.conversations.length - waiting;
  const books = [...agents.values()];
  const atFill = {
    load: spread(books.map((a) => a.load)),
    loadShare: spread(books.map((a) => a.load / a.capacity)),
    idleSeatsWithWorkWaiting: books.filter(hasWorkWaiting).reduce((n, a) => n + a.capacity - a.load, 0),
  };

  const resolvedCallMs: number[] = [];
  const tickMs: number[] = [];
  let stallTicks = 0;
  let tickAssignments = 0;
  let idleWhileWaiting = 0;
  let lastTick = performance.now();
  const tick = async () => {
    const before = waiting;
    await timed(() => assigner.tick(), tickMs);
    tickAssignments += before - waiting;
    lastTick = performance.now();
  };

  while (waiting > 0) {
    if (performance.now() - started > settings.budgetMs) break;
    const next = calendar.pop();
    if (!next) {
      // Nothing left to resolve yet chats wait: only the server's ticker can place them now.
      stallTicks++;
      const before = waiting;
      await tick();
      if (waiting === before)
        throw new Error(`${assigner.name}: stalled with ${waiting} waiting, every seat free`);
      continue;
    }
    virtualNow = next.key;
    const conversationId = next.value;
    const userId = conversations.get(conversationId)?.assignee;
    const agent = userId ? agents.get(userId) : undefined;
    if (!userId || !agent) throw new Error(`calendar holds unassigned ${conversationId}`);
    if (!(await resolve(db, conversationId, userId, undefined, [])))
      violate(`${conversationId} resolved twice`);
    agent.load--;
    await timed(() => assigner.resolved(conversationId, userId), resolvedCallMs);
    if (agent.load < agent.capacity && hasWorkWaiting(agent)) idleWhileWaiting++;
    if (waiting > 0 && performance.now() - lastTick >= settings.tickMs) await tick();
  }
  const drained = waiting === 0;
  const drainMs = (drained ? drainedAt : performance.now()) - started;

  const atEnd = {
    loadShare: spread(books.map((a) => a.load / a.capacity)),
    assignmentsPerAgent: spread(books.map((a) => a.assignments)),
    assignmentsPerSeat: spread(books.map((a) => a.assignments / a.capacity)),
  };
  await checkStore(db, conversations, drained, violate);
  const waitsOf = (priority: 'vip' | 'normal') =>
    [...conversations.values()]
      .filter((c) => c.seed.priority === priority && c.waited !== null)
      .map((c) => (c.waited ?? 0) / 60);
  const assignments = decisionMs.length;
  return {
    assigner: assigner.name,
    round,
    assignments,
    drained,
    left: waiting,
    drainMs,
    assignmentsPerSecond: assignments / (drainMs / 1000),
    assignerMs,
    assignerMsPerAssignment: assignerMs / assignments,
    loginMs,
    fillMs,
    fillAssignments,
    decisionMs: latencies(decisionMs),
    refillDecisionMs: latencies(refillDecisionMs),
    resolvedCallMs: latencies(resolvedCallMs),
    ticks: tickMs.length,
    stallTicks,
    tickMs: latencies(tickMs),
    tickAssignments,
    idleWhileWaiting,
    positionUpdates: assigner.positionUpdates(),
    atFill,
    atEnd,
    waitMinutesP50: { vip: latencies(waitsOf('vip')).p50, normal: latencies(waitsOf('normal')).p50 },
    violations,
  };
}

/** Nothing left queued (when drained), and every assignee in the store is the one announced. */
async function checkStore(
  db: Db,
  conversations: ReadonlyMap<string, ConversationBook>,
  drained: boolean,
  violate: (text: string) => void,
): Promise<void> {
  const rows = await db.selectFrom('conversations').select(['id', 'status', 'assignee_id']).execute();
  for (const row of rows) {
    const book = conversations.get(row.id);
    if (!book) continue;
    if (row.status === 'queued') {
      if (drained || book.assignee !== null)
        violate(`${row.id} queued in the store, announced ${book.assignee}`);
    } else if (row.assignee_id !== book.assignee) {
      violate(`${row.id}: store says ${row.assignee_id}, announced ${book.assignee}`);
    }
  }
}
