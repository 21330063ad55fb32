import * as store from '../../store/routing.js';
import { assign } from './assignment.js';
import { isOpen } from './business-hours.js';
import { type Candidate, chooseAgent, isEligible } from './choose-agent.js';
import type { RoutingContext } from './context.js';
import { decisionRecord } from './decision-record.js';
import { offerTo } from './offers.js';
import { orderQueue } from './queue-order.js';

/** Routes every team a change marked, until none is left (routing may mark more). */
export async function routeMarkedTeams(ctx: RoutingContext): Promise<void> {
  const { dirty } = ctx.state;
  while (dirty.size > 0) {
    const [teamId] = dirty;
    dirty.delete(teamId as string);
    await routeTeam(ctx, teamId as string);
  }
}

/** Serves the team's queue while anyone eligible is free. Work-conserving. */
export async function routeTeam(ctx: RoutingContext, teamId: string): Promise<void> {
  const { state } = ctx;
  const team = state.teams.get(teamId);
  const now = ctx.options.now();
  if (!team || !isOpen(team.businessHours, now)) return;
  const ringing = new Set([...state.offers.values()].map((o) => o.conversationId));
  const ringingAgents = new Set([...state.offers.values()].map((o) => o.userId));
  const waiting = [...state.open.values()].filter(
    (c) => c.status === 'queued' && c.teamId === teamId && !c.inBot && !ringing.has(c.id),
  );
  if (waiting.length === 0) return;
  const members = [...state.agents.values()].filter((a) => a.teamIds.includes(teamId));
  const loads = state.loads();
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
    const passedOn = state.passes.get(c.id) ?? [];
    const fresh = eligible.filter((e) => !passedOn.includes(e.agent.userId));
    const candidates = fresh.length > 0 ? fresh : eligible;
    const previous =
      team.affinityHours > 0
        ? await store.previousAgentOf(ctx.db, c.visitorId, now - team.affinityHours * 3_600_000)
        : null;
    const choice = chooseAgent(candidates, previous);
    if (!choice) continue;
    const decision = decisionRecord(c, eligible, choice.chosen.agent.userId, choice.reason);
    if (team.mode === 'offer') {
      await offerTo(ctx, c, choice.chosen.agent, decision);
      ringingAgents.add(choice.chosen.agent.userId);
    } else {
      await assign(ctx, c, choice.chosen.agent.userId, null, decision, 'routed');
      loads.set(choice.chosen.agent.userId, (loads.get(choice.chosen.agent.userId) ?? 0) + c.weight);
    }
  }
}
