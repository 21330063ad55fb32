import { randomUUID } from 'node:crypto';
import type { TimelineNote } from '@switchboard/protocol';
import * as store from '../../store/routing.js';
import { conflict } from '../conflicts.js';
import { assign } from './assignment.js';
import { type RoutingContext, timelineEvent } from './context.js';
import { decisionRecord } from './decision-record.js';
import type { Decision, RoutingAgent, RoutingConversation, RoutingOffer } from './model.js';
import { noteFields } from './notes.js';

/**
 * An offer's life: it rings one agent until the team's offer timeout; it ends accepted (an
 * assignment), declined, expired or withdrawn. A conversation whose offer closed unaccepted goes
 * back to the front of its queue, and the agent who passed is asked again only if nobody else can.
 */

/** Rings the agent with the queued conversation. */
export async function offerTo(
  ctx: RoutingContext,
  c: RoutingConversation,
  agent: RoutingAgent,
  decision: Decision,
) {
  const team = c.teamId ? ctx.state.teams.get(c.teamId) : undefined;
  const offer: RoutingOffer = {
    id: randomUUID(),
    conversationId: c.id,
    userId: agent.userId,
    expiresAt: ctx.options.now() + (team?.offerTimeoutSeconds ?? 30) * 1000,
  };
  await store.persistOffer(ctx.db, offer, timelineEvent(ctx, 'offered', null, { decision }));
  ctx.state.offers.set(offer.id, offer);
  ctx.events?.offered(offer);
}

/** The agent takes the offered conversation; its id, or an `offer-closed` conflict. */
export async function acceptOffer(ctx: RoutingContext, userId: string, offerId: string): Promise<string> {
  const offer = ctx.state.offers.get(offerId);
  const c = offer && ctx.state.open.get(offer.conversationId);
  if (!offer || offer.userId !== userId || c?.status !== 'queued') {
    throw conflict({ code: 'offer-closed' });
  }
  // It was offered when it fit; since then the agent may have taken other chats, or an admin
  // lowered their capacity. Then it goes back to the front of its queue for someone else.
  const agent = ctx.state.agents.get(userId);
  if (agent && ctx.state.loadOf(userId) + c.weight > agent.capacity) {
    await closeOffer(ctx, offer, 'withdrawn');
    throw conflict({ code: 'agent-at-capacity', agent: agent.name });
  }
  const decision = decisionRecord(c, [], userId, { code: 'accepted' });
  if (!(await assign(ctx, c, userId, offer, decision, 'accepted'))) {
    throw conflict({ code: 'offer-closed' });
  }
  return c.id;
}

export async function declineOffer(
  ctx: RoutingContext,
  userId: string,
  offerId: string,
  reason: string | undefined,
): Promise<void> {
  const offer = ctx.state.offers.get(offerId);
  if (!offer || offer.userId !== userId) throw conflict({ code: 'offer-closed' });
  await closeOffer(ctx, offer, 'declined', reason);
}

/** Closes every offer whose ring time is over. */
export async function expireOffers(ctx: RoutingContext, now: number): Promise<void> {
  for (const offer of [...ctx.state.offers.values()]) {
    if (offer.expiresAt <= now) await closeOffer(ctx, offer, 'expired');
  }
}

/** Withdraws the conversation's ringing offer, if it has one. */
export async function withdrawOfferOf(ctx: RoutingContext, conversationId: string): Promise<void> {
  const offer = ctx.state.openOfferFor(conversationId);
  if (offer) await closeOffer(ctx, offer, 'withdrawn');
}

/** Withdraws every offer ringing for the agent. */
export async function withdrawOffersTo(ctx: RoutingContext, userId: string): Promise<void> {
  for (const offer of ctx.state.offersFor(userId)) {
    await closeOffer(ctx, offer, 'withdrawn');
  }
}

/** Ends an offer unaccepted (an accepted one ends in `assign`). */
export async function closeOffer(
  ctx: RoutingContext,
  offer: RoutingOffer,
  reason: 'declined' | 'expired' | 'withdrawn',
  note?: string,
) {
  const { state } = ctx;
  const kind = `offer-${reason}` as const;
  const actor = reason === 'declined' ? offer.userId : null;
  const agent = state.agents.get(offer.userId)?.name ?? 'the agent';
  const said: TimelineNote | string =
    reason === 'withdrawn'
      ? { code: 'offer-withdrawn', agent }
      : (note ?? { code: reason === 'declined' ? 'offer-declined' : 'offer-unanswered', agent });
  await store.closeOffer(ctx.db, offer, reason, timelineEvent(ctx, kind, actor, noteFields(said)));
  state.offers.delete(offer.id);
  const c = state.open.get(offer.conversationId);
  if (c) {
    c.frontOfQueue = true;
    state.markTeam(c.teamId);
    if (reason !== 'withdrawn') state.passOn(c.id, offer.userId);
  }
  state.markAgent(offer.userId);
  ctx.events?.offerClosed(offer, reason);
}
