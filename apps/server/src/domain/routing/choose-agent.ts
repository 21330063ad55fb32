import type { RoutingReason } from '@switchboard/protocol';
import type { RoutingAgent } from './model.js';

export interface Candidate {
  agent: RoutingAgent;
  load: number;
}

/** Online, connected, in the team, not ringing, and with room for the conversation's weight. */
export function isEligible(
  agent: RoutingAgent,
  teamId: string,
  load: number,
  weight: number,
  ringing: boolean,
): boolean {
  return (
    agent.connected &&
    agent.status === 'online' &&
    !ringing &&
    agent.teamIds.includes(teamId) &&
    load + weight <= agent.capacity
  );
}

/**
 * Returning visitor's previous agent > lowest load (as a share of capacity) > longest idle since
 * the last assignment > user id. Deterministic for the same inputs.
 */
export function chooseAgent(
  eligible: readonly Candidate[],
  previousAgentId: string | null,
): { chosen: Candidate; reason: RoutingReason } | null {
  if (eligible.length === 0) return null;
  const previous = previousAgentId ? eligible.find((c) => c.agent.userId === previousAgentId) : undefined;
  if (previous) return { chosen: previous, reason: { code: 'previous-agent', agent: previous.agent.name } };
  const ranked = [...eligible].sort(
    (a, b) =>
      a.load / a.agent.capacity - b.load / b.agent.capacity ||
      (a.agent.lastAssignedAt ?? 0) - (b.agent.lastAssignedAt ?? 0) ||
      (a.agent.userId < b.agent.userId ? -1 : 1),
  );
  const chosen = ranked[0] as Candidate;
  const tied = ranked.filter((c) => c.load / c.agent.capacity === chosen.load / chosen.agent.capacity);
  return {
    chosen,
    reason: {
      code: 'lowest-load',
      load: chosen.load,
      capacity: chosen.agent.capacity,
      tiedWith: tied.length,
    },
  };
}
