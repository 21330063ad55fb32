import type { AgentStatus, StatusReason } from '@switchboard/protocol';
import * as store from '../../store/routing.js';
import { forget } from './assignment.js';
import type { RoutingContext } from './context.js';
import type { RoutingAgent } from './model.js';
import { withdrawOffersTo } from './offers.js';

/**
 * An agent's availability: status changes (which withdraw their offers unless online), their
 * first socket appearing and last one closing (the grace period), and wrap-up after a resolve.
 */

export async function changeStatus(
  ctx: RoutingContext,
  agent: RoutingAgent,
  status: AgentStatus,
  reason: StatusReason,
) {
  if (status !== 'wrap-up') agent.wrapUpUntil = null;
  agent.status = status;
  agent.reason = reason;
  agent.since = ctx.options.now();
  await store.saveAgentState(ctx.db, agent, true);
  ctx.state.markAgent(agent.userId);
  if (status !== 'online') await withdrawOffersTo(ctx, agent.userId);
  ctx.events?.agentChanged(agent.userId);
}

/** The agent's first live socket appeared. */
export async function connected(ctx: RoutingContext, userId: string): Promise<void> {
  const agent = ctx.state.agents.get(userId);
  if (!agent) return;
  agent.connected = true;
  ctx.state.markAgent(userId);
  if (agent.disconnectedAt === null) return;
  const previous = agent.statusBeforeDisconnect;
  agent.disconnectedAt = null;
  agent.statusBeforeDisconnect = null;
  if (previous && previous !== agent.status) await changeStatus(ctx, agent, previous, 'manual');
  else await store.saveAgentState(ctx.db, agent, false);
}

/** The agent's last live socket closed: their chats wait out the grace period. */
export async function disconnected(ctx: RoutingContext, userId: string): Promise<void> {
  const agent = ctx.state.agents.get(userId);
  if (!agent) return;
  agent.connected = false;
  await withdrawOffersTo(ctx, userId);
  if (agent.status !== 'offline') {
    agent.disconnectedAt = ctx.options.now();
    agent.statusBeforeDisconnect = agent.status;
    await store.saveAgentState(ctx.db, agent, false);
  }
}

/** After a resolve: the agent's load drops; wrap-up starts when the team has one. */
export async function resolved(
  ctx: RoutingContext,
  conversationId: string,
  resolvedBy: string,
): Promise<void> {
  const { state } = ctx;
  const c = state.open.get(conversationId);
  if (!c) return;
  // The store withdrew any open offer in the same transaction as the resolve.
  forget(ctx, c);
  const team = c.teamId ? state.teams.get(c.teamId) : undefined;
  if (team && c.assignedAt !== null) {
    state.recordHandleTime(team.id, (ctx.options.now() - c.assignedAt) / 1000);
  }
  const agent = c.assigneeId ? state.agents.get(c.assigneeId) : undefined;
  if (!agent) return;
  state.markAgent(agent.userId);
  if (team && team.wrapUpSeconds > 0 && agent.status === 'online' && agent.userId === resolvedBy) {
    agent.wrapUpUntil = ctx.options.now() + team.wrapUpSeconds * 1000;
    await changeStatus(ctx, agent, 'wrap-up', 'wrap-up');
  } else {
    ctx.events?.agentChanged(agent.userId);
  }
}
