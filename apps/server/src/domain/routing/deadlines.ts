import { changeStatus } from './agent-status.js';
import { leaveQueue, requeue } from './assignment.js';
import type { RoutingContext } from './context.js';
import { expireOffers } from './offers.js';

/**
 * Every deadline that has passed, in this order: ringing offers run out; agents' wrap-up ends;
 * disconnected agents' grace period ends (offline, their chats requeued); the unanswered-chat
 * watchdog requeues chats their agent never replied to; queued chats past the team's maximum
 * queue time leave the queue. Then every team is marked, since aging moves queues.
 */
export async function handleDeadlines(ctx: RoutingContext): Promise<void> {
  const { state } = ctx;
  const now = ctx.options.now();
  await expireOffers(ctx, now);
  for (const agent of state.agents.values()) {
    if (agent.status === 'wrap-up' && agent.wrapUpUntil !== null && agent.wrapUpUntil <= now) {
      agent.wrapUpUntil = null;
      await changeStatus(ctx, agent, 'online', 'manual');
    }
    const graceEnds =
      agent.disconnectedAt === null ? null : agent.disconnectedAt + ctx.options.disconnectGraceSeconds * 1000;
    if (!agent.connected && graceEnds !== null && graceEnds <= now) {
      agent.disconnectedAt = null;
      agent.statusBeforeDisconnect = null;
      if (agent.status !== 'offline') await changeStatus(ctx, agent, 'offline', 'disconnected');
      for (const c of [...state.open.values()].filter((x) => x.assigneeId === agent.userId)) {
        await requeue(ctx, c, true, 'requeued', null, { code: 'agent-disconnected', agent: agent.name });
        ctx.events?.conversationChanged(c.id, agent.userId);
      }
    }
  }
  // A ringing offer may still be accepted: the maximum queue time applies once it closes.
  const ringing = new Set([...state.offers.values()].map((o) => o.conversationId));
  for (const c of [...state.open.values()]) {
    const team = c.teamId ? state.teams.get(c.teamId) : undefined;
    if (!team) continue;
    const unansweredSince = c.status === 'assigned' && c.firstReplyAt === null ? c.assignedAt : null;
    if (
      team.unansweredSeconds > 0 &&
      unansweredSince !== null &&
      unansweredSince + team.unansweredSeconds * 1000 <= now
    ) {
      const previous = c.assigneeId;
      await requeue(ctx, c, true, 'requeued', null, {
        code: 'no-reply',
        seconds: team.unansweredSeconds,
      });
      state.markAgent(previous);
      ctx.events?.conversationChanged(c.id, previous);
    } else if (
      team.maxQueueSeconds > 0 &&
      c.status === 'queued' &&
      !c.inBot &&
      !ringing.has(c.id) &&
      c.enteredQueueAt + team.maxQueueSeconds * 1000 <= now
    ) {
      await leaveQueue(ctx, c, null, { code: 'queue-timeout', seconds: team.maxQueueSeconds });
    }
  }
  for (const teamId of state.teams.keys()) state.markTeam(teamId);
}
