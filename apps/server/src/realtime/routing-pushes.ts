import { ESCALATE_AFTER_MISSED_OFFERS } from '@switchboard/protocol';
import type { Logger } from 'pino';
import type { ConversationService } from '../domain/conversation-service.js';
import { supervises } from '../domain/policy.js';
import type { RoutingOffer } from '../domain/routing/model.js';
import type { QueuePosition, RoutingEvents } from '../domain/routing/routing-events.js';
import type { RoutingService } from '../domain/routing/routing-service.js';
import { toStaffConversation } from '../domain/views.js';
import type { Broadcaster } from './broadcaster.js';
import { rooms } from './rooms.js';
import type { AgentNamespace, VisitorNamespace } from './types.js';

/** Turns routing's announcements into socket pushes. */
export class RoutingPushes implements RoutingEvents {
  constructor(
    private readonly broadcast: Broadcaster,
    private readonly conversations: ConversationService,
    private readonly routing: RoutingService,
    private readonly agents: AgentNamespace,
    private readonly visitors: VisitorNamespace,
    private readonly logger: Logger,
  ) {}

  conversationChanged(conversationId: string, previousAssigneeId: string | null): void {
    this.#later(async () => {
      const conversation = await this.conversations.load(conversationId);
      if (previousAssigneeId && previousAssigneeId !== conversation.assigneeId) {
        this.agents.in(rooms.user(previousAssigneeId)).socketsLeave(rooms.conversation(conversationId));
        this.agents
          .to(rooms.user(previousAssigneeId))
          .emit('conversation:update', toStaffConversation(conversation));
      }
      this.broadcast.followAsAssignee(conversation);
      this.broadcast.conversation(conversation);
    });
  }

  offered(offer: RoutingOffer): void {
    this.#later(async () => {
      const conversation = await this.conversations.load(offer.conversationId);
      this.agents.to(rooms.user(offer.userId)).emit('offer:new', {
        offerId: offer.id,
        conversation: toStaffConversation(conversation),
        expiresAt: new Date(offer.expiresAt).toISOString(),
      });
    });
  }

  offerClosed(offer: RoutingOffer, reason: 'accepted' | 'declined' | 'expired' | 'withdrawn'): void {
    this.agents
      .to(rooms.user(offer.userId))
      .emit('offer:closed', { offerId: offer.id, conversationId: offer.conversationId, reason });
    if (reason !== 'declined' && reason !== 'expired') return;
    // Once per escalation: the count only grows until an accept clears it.
    const missedOffers = this.routing.missedOffers(offer.conversationId);
    if (missedOffers === ESCALATE_AFTER_MISSED_OFFERS) this.#escalate(offer.conversationId, missedOffers);
  }

  /** To every socket of the chat's team's supervisors and of the admins, watching the feed or not. */
  #escalate(conversationId: string, missedOffers: number): void {
    this.#later(async () => {
      const conversation = await this.conversations.load(conversationId);
      const { teamId } = conversation;
      const members = teamId ? await this.agents.in(rooms.team(teamId)).fetchSockets() : [];
      const supervisors = members
        .filter((socket) => supervises(socket.data.principal, teamId))
        .map((socket) => socket.id);
      this.agents
        .to([rooms.admins, ...supervisors])
        .emit('supervisor:escalation', { conversation: toStaffConversation(conversation), missedOffers });
    });
  }

  agentChanged(userId: string): void {
    if (!this.routing.knowsAgent(userId)) return;
    this.agents.to(rooms.user(userId)).emit('agent:state', this.routing.agentState(userId));
  }

  queuePositions(updates: QueuePosition[]): void {
    // Published from the routing tick, never inside a request, so it cannot overtake an ack.
    for (const { visitorId, ...update } of updates) {
      this.visitors.to(rooms.visitor(visitorId)).emit('queue:update', update);
    }
  }

  #later(work: () => Promise<void>) {
    work().catch((error: unknown) => this.logger.error({ err: error }, 'routing push failed'));
  }
}
