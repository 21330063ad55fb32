import type { RoutingContext } from './context.js';
import { queuePositions } from './queue-positions.js';
import type { QueuePosition } from './routing-events.js';

/** Every waiting visitor's position and estimate now (see `queuePositions`). */
export function currentPositions(ctx: RoutingContext): QueuePosition[] {
  const { state } = ctx;
  return queuePositions(
    {
      teams: state.teams.values(),
      open: state.open.values(),
      agents: state.agents.values(),
      handleTimes: state.handleTimes,
    },
    ctx.options.now(),
  );
}

/** Pushes each waiting visitor's position and estimate when either changed (called once per tick). */
export function publishPositions(ctx: RoutingContext): void {
  const pushed = ctx.state.pushedPositions;
  const updates = currentPositions(ctx).filter((p) => {
    const key = `${p.position}:${p.estimatedWaitSeconds}`;
    if (pushed.get(p.conversationId) === key) return false;
    pushed.set(p.conversationId, key);
    return true;
  });
  if (updates.length > 0) ctx.events?.queuePositions(updates);
}
