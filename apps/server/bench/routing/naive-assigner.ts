import type { Db } from '../../src/store/open-sqlite.js';
import type { Assigner, AssignerFactory } from './assigner.js';

interface Lane {
  /** Arrival indexes, oldest first; `head` is the next to serve. */
  items: number[];
  head: number;
}

interface NaiveAgent {
  id: string;
  capacity: number;
  load: number;
  teamIds: string[];
}

/**
 * The baseline: a plain dispatcher with none of the engine's fairness or explainability. Per
 * team a VIP lane and a normal lane (FIFO, no aging); the teams' members served round-robin,
 * skipping the full; a freed seat pulls the oldest head of its teams' lanes, VIP first. No
 * decision record, no timeline, no positions: only the one SQLite UPDATE that records the
 * assignment, with the same guard the engine's store uses.
 */
export const naiveAssigner: AssignerFactory = (db, population, onAssigned) => {
  const ids = population.conversations.map((c) => c.id);
  const lanes = new Map(population.teamIds.map((t) => [t, { vip: newLane(), normal: newLane() }]));
  for (const [i, c] of population.conversations.entries()) lanes.get(c.teamId)?.[c.priority].items.push(i);
  const agents = new Map<string, NaiveAgent>(
    population.agents.map((a) => [a.id, { id: a.id, capacity: a.capacity, load: 0, teamIds: a.teamIds }]),
  );
  const members = new Map(
    population.teamIds.map((t) => [t, [...agents.values()].filter((a) => a.teamIds.includes(t))]),
  );
  const teamOf = new Map(population.conversations.map((c) => [c.id, c.teamId]));

  const assign = async (conversation: number, agent: NaiveAgent) => {
    const conversationId = ids[conversation] as string;
    await write(db, conversationId, agent.id);
    agent.load++;
    onAssigned(conversationId, agent.id);
  };

  /** The oldest waiting head among the agent's teams, VIP lanes before normal ones. */
  const nextFor = (agent: NaiveAgent): Lane | undefined => {
    for (const priority of ['vip', 'normal'] as const) {
      let best: Lane | undefined;
      for (const teamId of agent.teamIds) {
        const lane = lanes.get(teamId)?.[priority];
        if (lane && lane.head < lane.items.length && (!best || peek(lane) < peek(best))) best = lane;
      }
      if (best) return best;
    }
    return undefined;
  };

  /** Round-robin over the team's members with a free seat, until the lanes or the seats run out. */
  const fillTeam = async (teamId: string) => {
    const team = members.get(teamId) ?? [];
    const teamLanes = lanes.get(teamId);
    if (!teamLanes) return;
    let cursor = 0;
    for (const lane of [teamLanes.vip, teamLanes.normal]) {
      while (lane.head < lane.items.length) {
        const at = nextWithRoom(team, cursor);
        if (at === undefined) return;
        cursor = (at + 1) % team.length;
        await assign(take(lane), team[at] as NaiveAgent);
      }
    }
  };

  const assigner: Assigner = {
    name: 'naive',
    prepare: async () => undefined,
    async open() {
      for (const teamId of population.teamIds) await fillTeam(teamId);
    },
    async resolved(conversationId, userId) {
      const agent = agents.get(userId);
      if (!agent || !teamOf.has(conversationId)) return;
      agent.load--;
      while (agent.load < agent.capacity) {
        const lane = nextFor(agent);
        if (!lane) return;
        await assign(take(lane), agent);
      }
    },
    tick: async () => undefined,
    positionUpdates: () => 0,
  };
  return assigner;
};

function newLane(): Lane {
  return { items: [], head: 0 };
}

function peek(lane: Lane): number {
  return lane.items[lane.head] as number;
}

function take(lane: Lane): number {
  return lane.items[lane.head++] as number;
}

/** Round-robin from `cursor`: the index of the first member with a free seat, if any. */
function nextWithRoom(team: readonly NaiveAgent[], cursor: number): number | undefined {
  for (let k = 0; k < team.length; k++) {
    const at = (cursor + k) % team.length;
    const agent = team[at] as NaiveAgent;
    if (agent.load < agent.capacity) return at;
  }
  return undefined;
}

async function write(db: Db, conversationId: string, userId: string): Promise<void> {
  const at = new Date().toISOString();
  const result = await db
    .updateTable('conversations')
    .set({ status: 'assigned', assignee_id: userId, assigned_at: at, updated_at: at, queued_at: null })
    .where('id', '=', conversationId)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new Error(`naive: ${conversationId} was not queued`);
}
