import type { RoutingConversation } from './model.js';

/**
 * Serving order within a team: requeued ones first, then VIP before normal, then longest
 * waiting. A normal conversation that has waited `agingSeconds` is served like a VIP one, so a
 * stream of VIPs can delay it by at most that long (plus the VIPs that were already ahead).
 */
export function servingClass(c: RoutingConversation, now: number, agingSeconds: number): number {
  if (c.frontOfQueue) return 2;
  return c.priority === 'vip' || now - c.queuedAt >= agingSeconds * 1000 ? 1 : 0;
}

export function orderQueue(
  queue: readonly RoutingConversation[],
  now: number,
  agingSeconds: number,
): RoutingConversation[] {
  return queue
    .map((c) => ({ c, cls: servingClass(c, now, agingSeconds) }))
    .sort((a, b) => b.cls - a.cls || a.c.queuedAt - b.c.queuedAt || (a.c.id < b.c.id ? -1 : 1))
    .map(({ c }) => c);
}
