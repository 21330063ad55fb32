import type { AgentStatus, BusinessHours, RoutingDecision, StatusReason } from '@switchboard/protocol';

/** Routing's in-memory picture of the contact center; the store is its source of truth. */

export interface RoutingAgent {
  userId: string;
  name: string;
  teamIds: string[];
  capacity: number;
  status: AgentStatus;
  reason: StatusReason;
  since: number;
  /** A live socket exists. Only connected agents are routed to. */
  connected: boolean;
  lastAssignedAt: number | null;
  wrapUpUntil: number | null;
  disconnectedAt: number | null;
  statusBeforeDisconnect: AgentStatus | null;
}

export interface RoutingConversation {
  id: string;
  visitorId: string;
  teamId: string | null;
  priority: 'normal' | 'vip';
  weight: number;
  status: 'queued' | 'assigned';
  assigneeId: string | null;
  /**
   * Since when its visitor has waited for a person: when it entered the queue; back in the queue
   * before anyone on the staff answered, still then (`waitingSinceOf` in assignment.ts).
   */
  queuedAt: number;
  /** When it last entered the queue: the maximum queue time counts from here, afresh each time. */
  enteredQueueAt: number;
  /** Requeued after a decline, timeout, watchdog or disconnect: served before everything else. */
  frontOfQueue: boolean;
  assignedAt: number | null;
  firstReplyAt: number | null;
  /** With the team's bot; not in the queue until handed off. */
  inBot: boolean;
  rule: { id: string; name: string } | null;
}

/** Team, priority and bot for a new conversation (`RoutingService.placement`). */
export interface Placement {
  teamId: string | null;
  priority: 'normal' | 'vip';
  weight: number;
  rule: { id: string; name: string } | null;
  inBot: boolean;
}

export interface RoutingOffer {
  id: string;
  conversationId: string;
  userId: string;
  expiresAt: number;
}

export interface TeamSettings {
  id: string;
  name: string;
  mode: 'auto' | 'offer';
  offerTimeoutSeconds: number;
  wrapUpSeconds: number;
  unansweredSeconds: number;
  affinityHours: number;
  agingSeconds: number;
  businessHours: BusinessHours | null;
  botEnabled: boolean;
  /** 0 = no limit. */
  maxQueueSeconds: number;
}

export type Decision = RoutingDecision;
