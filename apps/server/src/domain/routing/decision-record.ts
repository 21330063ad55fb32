import type { RoutingReason } from '@switchboard/protocol';
import type { Candidate } from './choose-agent.js';
import type { Decision, RoutingConversation } from './model.js';
import { whyOf } from './reasons.js';

/** What an assignment, offer or transfer records about itself: the rule, who was eligible, who and why. */
export function decisionRecord(
  c: RoutingConversation,
  eligible: readonly Candidate[],
  chosen: string | null,
  reason: RoutingReason,
): Decision {
  return {
    rule: c.rule,
    teamId: c.teamId,
    priority: c.priority,
    eligible: eligible.map(({ agent, load }) => ({
      userId: agent.userId,
      name: agent.name,
      load,
      capacity: agent.capacity,
      idleSince: agent.lastAssignedAt === null ? null : new Date(agent.lastAssignedAt).toISOString(),
    })),
    chosen,
    why: whyOf(reason),
    reason,
  };
}
