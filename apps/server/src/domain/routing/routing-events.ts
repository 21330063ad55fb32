import type { RoutingOffer } from './model.js';

export interface QueuePosition {
  conversationId: string;
  visitorId: string;
  position: number;
  estimatedWaitSeconds: number | null;
}

/** What routing tells the outside world; the transport turns these into pushes. */
export interface RoutingEvents {
  /** A conversation's assignment changed (assigned, requeued, transferred). */
  conversationChanged(conversationId: string, previousAssigneeId: string | null): void;
  offered(offer: RoutingOffer): void;
  offerClosed(offer: RoutingOffer, reason: 'accepted' | 'declined' | 'expired' | 'withdrawn'): void;
  agentChanged(userId: string): void;
  queuePositions(updates: QueuePosition[]): void;
}
