import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StaffPrincipal } from '../src/domain/principal.js';
import { servingClass } from '../src/domain/routing/queue-order.js';
import { RoutingService } from '../src/domain/routing/routing-service.js';
import { insertConversation, resolve } from '../src/store/conversations.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { type OpenedDb, openSqlite } from '../src/store/open-sqlite.js';
import { addTeamMember, insertTeam, insertUser } from '../src/store/users.js';
import { insertVisitor } from '../src/store/visitors.js';
import { insertWidget } from '../src/store/widgets.js';

/**
 * Random sequences of contact-center events against the real routing engine and a real SQLite
 * file, with restarts, checking routing's invariants after every step.
 */

const AGENTS = 4;
const AGING_SECONDS = 60;

type Step =
  | { kind: 'arrive'; team: number; vip: boolean; weight: number }
  | { kind: 'status'; agent: number; status: 'online' | 'away' | 'offline' }
  | { kind: 'connect'; agent: number; connected: boolean }
  | { kind: 'resolve'; pick: number }
  | { kind: 'capacity'; agent: number; capacity: number }
  | { kind: 'transfer'; pick: number; team: number }
  | { kind: 'offer'; pick: number; accept: boolean }
  | { kind: 'time'; seconds: number }
  | { kind: 'mode'; team: number; mode: 'auto' | 'offer' }
  | { kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('arrive' as const),
      team: fc.nat(1),
      vip: fc.boolean(),
      weight: fc.constantFrom(1, 1, 1, 2),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      agent: fc.nat(AGENTS - 1),
      status: fc.constantFrom('online' as const, 'away' as const, 'offline' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('connect' as const),
      agent: fc.nat(AGENTS - 1),
      connected: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('resolve' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('capacity' as const),
      agent: fc.nat(AGENTS - 1),
      capacity: fc.integer({ min: 0, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('transfer' as const), pick: fc.nat(), team: fc.nat(1) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('offer' as const), pick: fc.nat(), accept: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('time' as const), seconds: fc.integer({ min: 1, max: 90 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('mode' as const),
      team: fc.nat(1),
      mode: fc.constantFrom('auto' as const, 'offer' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

interface World {
  opened: OpenedDb;
  routing: RoutingService;
  now: number;
  teams: string[];
  agents: string[];
  widget: string;
  connected: Set<string>;
  /** Agents whose capacity was lowered below their load: they may stay over until it drains. */
  overloadAllowed: Set<string>;
}

async function createWorld(dir: string): Promise<World> {
  const opened = openSqlite(path.join(dir, 'routing.db'), 'normal');
  await migrateToLatest(opened.db);
  const teams = [randomUUID(), randomUUID()];
  for (const [i, id] of teams.entries()) await insertTeam(opened.db, { id, name: `Team ${i}` });
  const agents: string[] = [];
  for (let i = 0; i < AGENTS; i++) {
    const id = randomUUID();
    agents.push(id);
    await insertUser(opened.db, {
      id,
      email: `a${i}@x.test`,
      name: `Agent ${i}`,
      role: 'agent',
      passwordHash: 'x',
    });
    // Agents 0 and 1 in team 0, 2 and 3 in team 1, agent 1 in both.
    await addTeamMember(opened.db, teams[i < 2 ? 0 : 1] as string, id);
    if (i === 1) await addTeamMember(opened.db, teams[1] as string, id);
  }
  await opened.db
    .updateTable('teams')
    .set({ aging_seconds: AGING_SECONDS, offer_timeout_seconds: 30 })
    .execute();
  // Small capacities make queues form, so ordering is exercised.
  await opened.db.updateTable('users').set({ capacity: 1 }).execute();
  const widget = randomUUID();
  await insertWidget(opened.db, {
    id: widget,
    name: 'w',
    secret: 's',
    allowedOrigins: [],
    identityMode: 'optional',
    teamId: teams[0] as string,
  });
  const world: World = {
    opened,
    routing: undefined as unknown as RoutingService,
    now: Date.now(),
    teams,
    agents,
    widget,
    connected: new Set(),
    overloadAllowed: new Set(),
  };
  world.routing = await startRouting(world);
  return world;
}

async function startRouting(world: World): Promise<RoutingService> {
  const routing = new RoutingService(world.opened.db, { now: () => world.now, disconnectGraceSeconds: 45 });
  await routing.load();
  return routing;
}

const admin: StaffPrincipal = {
  kind: 'staff',
  userId: randomUUID(),
  sessionId: 's',
  role: 'admin',
  name: 'Admin',
  email: 'admin@x.test',
  teamIds: [],
};

function pickFrom<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

async function apply(world: World, s: Step, assignedBefore: Map<string, string | null>): Promise<void> {
  const { routing, opened } = world;
  const snapshot = routing.snapshot();
  switch (s.kind) {
    case 'arrive': {
      // Arrivals are a second apart, so "first come" is well defined.
      world.now += 1000;
      const visitorId = randomUUID();
      await insertVisitor(opened.db, {
        id: visitorId,
        widgetId: world.widget,
        externalId: null,
        name: null,
        email: null,
        verified: false,
      });
      const id = randomUUID();
      const placement = {
        teamId: world.teams[s.team] as string,
        priority: s.vip ? ('vip' as const) : ('normal' as const),
        weight: s.weight,
        rule: null,
        inBot: false,
      };
      await insertConversation(opened.db, {
        id,
        visitorId,
        widgetId: world.widget,
        teamId: placement.teamId,
        attributes: {},
        priority: placement.priority,
        inBot: false,
        rule: null,
        status: 'queued',
      });
      await routing.admitted({ id, visitorId, placement });
      return;
    }
    case 'status':
      await routing.setStatus(world.agents[s.agent] as string, s.status, 'manual');
      return;
    case 'connect': {
      const agent = world.agents[s.agent] as string;
      if (s.connected && !world.connected.has(agent)) {
        world.connected.add(agent);
        await routing.connected(agent);
      } else if (!s.connected && world.connected.has(agent)) {
        world.connected.delete(agent);
        await routing.disconnected(agent);
      }
      return;
    }
    case 'resolve': {
      const c = pickFrom(
        snapshot.open.filter((x) => x.status === 'assigned'),
        s.pick,
      );
      if (!c?.assigneeId) return;
      await resolve(opened.db, c.id, c.assigneeId, undefined, []);
      await routing.resolved(c.id, c.assigneeId);
      return;
    }
    case 'capacity': {
      const agent = world.agents[s.agent] as string;
      const load = snapshot.agents.find((a) => a.userId === agent)?.load ?? 0;
      if (s.capacity < load) world.overloadAllowed.add(agent);
      await routing.setCapacity(agent, s.capacity);
      return;
    }
    case 'transfer': {
      const c = pickFrom(snapshot.open, s.pick);
      if (!c) return;
      await routing.transfer(
        admin,
        c.id,
        { kind: 'team', teamId: world.teams[s.team] as string },
        'property test',
      );
      return;
    }
    case 'offer': {
      const offer = pickFrom(snapshot.offers, s.pick);
      if (!offer) return;
      if (s.accept) await routing.accept(offer.userId, offer.id);
      else await routing.decline(offer.userId, offer.id, 'busy');
      return;
    }
    case 'time':
      world.now += s.seconds * 1000;
      await routing.tick();
      return;
    case 'mode': {
      const team = routing.team(world.teams[s.team] as string);
      const { id: _id, name: _name, ...settings } = team;
      await routing.setTeamSettings(team.id, { ...settings, mode: s.mode });
      return;
    }
    case 'restart': {
      world.routing = await startRouting(world);
      // Clients reconnect after a restart.
      for (const agent of world.connected) await world.routing.connected(agent);
      void assignedBefore;
      return;
    }
  }
}

async function checkInvariants(world: World, before: ReturnType<RoutingService['snapshot']>, s: Step) {
  const { routing, opened } = world;
  const after = routing.snapshot();
  const rows = await opened.db
    .selectFrom('conversations')
    .select(['id', 'status', 'assignee_id', 'team_id', 'priority', 'front_of_queue', 'in_bot'])
    .execute();

  // Memory and store agree, and an assigned conversation has exactly one assignee.
  for (const row of rows) {
    const mem = after.open.find((c) => c.id === row.id);
    if (row.status === 'resolved') expect(mem, `resolved ${row.id} left open`).toBeUndefined();
    if (row.status === 'assigned') {
      expect(row.assignee_id).not.toBeNull();
      expect(mem?.assigneeId).toBe(row.assignee_id);
    }
    if (row.status === 'queued') {
      expect(row.assignee_id).toBeNull();
      expect(mem?.status).toBe('queued');
    }
  }
  const openOffers = await opened.db
    .selectFrom('offers')
    .select(['conversation_id'])
    .where('status', '=', 'open')
    .execute();
  expect(new Set(openOffers.map((o) => o.conversation_id)).size).toBe(openOffers.length);
  expect(openOffers.length).toBe(after.offers.length);

  // No agent over capacity (unless an admin lowered it below the load, and then no new chats).
  for (const agent of after.agents) {
    if (agent.load <= agent.capacity) {
      world.overloadAllowed.delete(agent.userId);
      continue;
    }
    expect(world.overloadAllowed.has(agent.userId), `${agent.name} over capacity`).toBe(true);
    const previous = before.agents.find((a) => a.userId === agent.userId);
    expect(agent.load).toBeLessThanOrEqual(previous?.load ?? 0);
  }

  const ringing = new Set(after.offers.map((o) => o.conversationId));
  const ringingAgents = new Set(after.offers.map((o) => o.userId));
  for (const team of after.teams) {
    const waiting = after.open.filter(
      (c) => c.status === 'queued' && c.teamId === team.id && !c.inBot && !ringing.has(c.id),
    );
    // Work-conserving: nobody eligible idles while the team's queue has someone waiting.
    if (waiting.length > 0) {
      const idle = after.agents.filter(
        (a) =>
          a.connected &&
          a.status === 'online' &&
          a.teamIds.includes(team.id) &&
          a.load + Math.min(...waiting.map((c) => c.weight)) <= a.capacity &&
          !ringingAgents.has(a.userId),
      );
      expect(
        idle.map((a) => a.name),
        `idle agents while team ${team.name} has ${waiting.length} waiting`,
      ).toEqual([]);
    }
    // FIFO within team and priority: nothing assigned in this step jumped an older one of its kind.
    const newlyAssigned = after.open.filter(
      (c) =>
        c.status === 'assigned' &&
        c.teamId === team.id &&
        before.open.find((b) => b.id === c.id)?.status === 'queued',
    );
    for (const c of newlyAssigned) {
      const was = before.open.find((b) => b.id === c.id);
      if (!was || was.frontOfQueue || s.kind === 'offer') continue;
      const jumped = waiting.filter(
        (d) =>
          !d.frontOfQueue &&
          d.priority === was.priority &&
          d.weight === was.weight &&
          d.queuedAt < was.queuedAt &&
          servingClass(d, world.now, AGING_SECONDS) >= servingClass(was, world.now, AGING_SECONDS),
      );
      expect(
        jumped.map((d) => d.id),
        `${c.id} was served before older conversations`,
      ).toEqual([]);
    }
  }
}

describe('routing invariants over random event sequences', () => {
  it('holds after every step: one assignee, capacity, work-conserving, FIFO, nothing lost on restart', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 60 }), async (steps) => {
        const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-routing-'));
        const world = await createWorld(dir);
        try {
          for (const s of steps) {
            const before = world.routing.snapshot();
            const assigned = new Map(before.open.map((c) => [c.id, c.assigneeId]));
            try {
              await apply(world, s, assigned);
            } catch (error) {
              // Refusals (e.g. transferring to the same place, an agent at capacity) are fine.
              if (!(error instanceof Error && 'code' in error)) throw error;
            }
            await checkInvariants(world, before, s);
          }
          // Nothing was forgotten: every conversation is resolved, queued or assigned, in memory too.
          const rows = await world.opened.db.selectFrom('conversations').select(['id', 'status']).execute();
          const open = new Set(world.routing.snapshot().open.map((c) => c.id));
          for (const row of rows) expect(open.has(row.id)).toBe(row.status !== 'resolved');
        } finally {
          await world.opened.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      {
        numRuns: 60,
        examples: [
          // Found by a run: an offer ringing while an admin lowered the agent's capacity to 0 was
          // still accepted, putting them over it. Now an offer that no longer fits is refused and
          // withdrawn when accepted.
          [
            [
              { kind: 'connect', agent: 3, connected: true },
              { kind: 'mode', team: 1, mode: 'offer' },
              { kind: 'status', agent: 3, status: 'online' },
              { kind: 'time', seconds: 1 },
              { kind: 'arrive', team: 1, vip: false, weight: 1 },
              { kind: 'capacity', agent: 0, capacity: 0 },
              { kind: 'connect', agent: 0, connected: false },
              { kind: 'resolve', pick: 0 },
              { kind: 'arrive', team: 0, vip: false, weight: 1 },
              { kind: 'resolve', pick: 0 },
              { kind: 'mode', team: 0, mode: 'auto' },
              { kind: 'capacity', agent: 3, capacity: 0 },
              { kind: 'offer', pick: 0, accept: true },
            ],
          ],
          // Found by a run: accepting an offer of one team left the agent idle beside another team's queue.
          [
            [
              { kind: 'arrive', team: 1, vip: false, weight: 1 },
              { kind: 'capacity', agent: 1, capacity: 2 },
              { kind: 'connect', agent: 1, connected: true },
              { kind: 'mode', team: 1, mode: 'offer' },
              { kind: 'status', agent: 1, status: 'online' },
              { kind: 'restart' },
              { kind: 'connect', agent: 0, connected: false },
              { kind: 'arrive', team: 0, vip: false, weight: 1 },
              { kind: 'offer', pick: 0, accept: true },
              { kind: 'arrive', team: 0, vip: false, weight: 1 },
            ],
          ],
        ],
      },
    );
  }, 240_000);

  it('ages normal conversations: behind a stream of VIPs, a normal one waits at most the aging time plus those already ahead', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 5, max: 40 }),
        fc.integer({ min: 10, max: 30 }),
        async (vipsAhead, serviceSeconds, stream) => {
          const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-aging-'));
          const world = await createWorld(dir);
          try {
            const agent = world.agents[0] as string;
            await world.routing.setCapacity(agent, 1);
            await world.routing.connected(agent);
            const arrive = (vip: boolean) =>
              apply(world, { kind: 'arrive', team: 0, vip, weight: 1 }, new Map());
            // Busy the agent, then queue VIPs, then the normal one.
            await world.routing.setStatus(agent, 'online', 'manual');
            await arrive(true);
            for (let i = 0; i < vipsAhead; i++) await arrive(true);
            await arrive(false);
            const normal = world.routing.snapshot().open.find((c) => c.priority === 'normal');
            if (!normal) throw new Error('normal conversation missing');
            const queuedAt = normal.queuedAt;
            let servedAt: number | null = null;
            for (let i = 0; i < stream + vipsAhead + 5 && servedAt === null; i++) {
              await arrive(true); // a new VIP every service interval
              world.now += serviceSeconds * 1000;
              const current = world.routing.snapshot().open.find((c) => c.assigneeId === agent);
              if (current) {
                await resolve(world.opened.db, current.id, agent, undefined, []);
                await world.routing.resolved(current.id, agent);
              }
              const state = world.routing.snapshot().open.find((c) => c.id === normal.id);
              if (state?.status === 'assigned') servedAt = world.now;
            }
            expect(servedAt).not.toBeNull();
            const waited = ((servedAt as number) - queuedAt) / 1000;
            expect(waited).toBeLessThanOrEqual(AGING_SECONDS + (vipsAhead + 2) * serviceSeconds);
          } finally {
            await world.opened.close();
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
