import type { RoutingAgent, RoutingConversation, TeamSettings } from './model.js';
import { orderQueue } from './queue-order.js';
import type { QueuePosition } from './routing-events.js';

/** What the positions are computed from: routing's state at one moment. */
export interface QueueState {
  teams: Iterable<TeamSettings>;
  open: Iterable<RoutingConversation>;
  agents: Iterable<RoutingAgent>;
  /** Each team's recent handle times, in seconds. */
  handleTimes: ReadonlyMap<string, readonly number[]>;
}

/**
 * Every waiting visitor's position and estimated wait, per team: ceil(position / agents serving)
 * × the recent average handle time, rounded up to 30 s; none while nobody serves or nothing has
 * been handled yet.
 */
export function queuePositions(state: QueueState, now: number): QueuePosition[] {
  const open = [...state.open];
  const agents = [...state.agents];
  const positions: QueuePosition[] = [];
  for (const team of state.teams) {
    const waiting = orderQueue(
      open.filter((c) => c.status === 'queued' && c.teamId === team.id && !c.inBot),
      now,
      team.agingSeconds,
    );
    const serving = agents.filter(
      (a) => a.connected && a.teamIds.includes(team.id) && (a.status === 'online' || a.status === 'wrap-up'),
    ).length;
    const times = state.handleTimes.get(team.id) ?? [];
    const handle = times.length === 0 ? null : times.reduce((a, b) => a + b, 0) / times.length;
    waiting.forEach((c, index) => {
      const position = index + 1;
      const estimate = handle === null || serving === 0 ? null : Math.ceil(position / serving) * handle;
      positions.push({
        conversationId: c.id,
        visitorId: c.visitorId,
        position: shownPosition(position),
        estimatedWaitSeconds: estimate === null ? null : Math.ceil(estimate / 30) * 30,
      });
    });
  }
  return positions;
}

/**
 * Exact near the front; rounded further back (to 5, beyond 100 to 50), so that a long queue
 * moving by one does not send every waiting visitor an update.
 */
export function shownPosition(position: number): number {
  if (position <= 10) return position;
  if (position <= 100) return Math.ceil(position / 5) * 5;
  return Math.ceil(position / 50) * 50;
}
