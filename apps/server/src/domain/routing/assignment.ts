import type { TimelineNote } from '@switchboard/protocol';
import type { Contact } from '../../store/contacts.js';
import * as store from '../../store/routing.js';
import { conflict } from '../conflicts.js';
import type { StaffPrincipal } from '../principal.js';
import { type RoutingContext, timelineEvent } from './context.js';
import { decisionRecord } from './decision-record.js';
import type { Decision, Placement, RoutingConversation, RoutingOffer } from './model.js';
import { noteFields } from './notes.js';

/**
 * Where an open conversation sits: queued (admitted, requeued), assigned (routed, accepted,
 * picked, picked up offline) or gone from routing (left the queue, resolved). Each move is
 * written through to the store, then the in-memory state follows and the change is announced.
 */

/** A conversation entering routing, queued now, placed as `placement` says. */
function newQueued(
  ctx: RoutingContext,
  c: { id: string; visitorId: string },
  placement: Placement,
): RoutingConversation {
  return {
    id: c.id,
    visitorId: c.visitorId,
    teamId: placement.teamId,
    priority: placement.priority,
    weight: placement.weight,
    status: 'queued',
    assigneeId: null,
    queuedAt: ctx.options.now(),
    enteredQueueAt: ctx.options.now(),
    frontOfQueue: false,
    assignedAt: null,
    firstReplyAt: null,
    inBot: placement.inBot,
    rule: placement.rule,
  };
}

/** A conversation was created with this placement: queue it (or leave it with the bot). */
export async function admit(ctx: RoutingContext, c: { id: string; visitorId: string; placement: Placement }) {
  const conversation = newQueued(ctx, c, c.placement);
  ctx.state.open.set(c.id, conversation);
  await store.savePlacement(ctx.db, conversation);
  ctx.state.markTeam(conversation.teamId);
}

/** An agent answers a message left while nobody was available: it becomes their chat. */
export async function pickUpOffline(
  ctx: RoutingContext,
  agent: StaffPrincipal,
  c: { id: string; visitorId: string; teamId: string | null },
) {
  const conversation = newQueued(ctx, c, {
    teamId: c.teamId,
    priority: 'normal',
    weight: 1,
    rule: null,
    inBot: false,
  });
  const at = ctx.options.now();
  const event = timelineEvent(ctx, 'assigned', agent.userId, {
    decision: decisionRecord(conversation, [], agent.userId, {
      code: 'offline-picked',
      agent: agent.name,
    }),
    how: 'picked',
  });
  if (
    !(await store.persistOfflinePickup(ctx.db, {
      conversationId: c.id,
      userId: agent.userId,
      at,
      event,
    }))
  ) {
    throw conflict({ code: 'already-answered' });
  }
  settleAssigned(ctx, conversation, agent.userId, at);
  ctx.state.open.set(c.id, conversation);
  ctx.events?.conversationChanged(c.id, null);
  ctx.events?.agentChanged(agent.userId);
}

/** Assigns the queued conversation; with `offer`, that offer is accepted in the same write. */
export async function assign(
  ctx: RoutingContext,
  c: RoutingConversation,
  userId: string,
  offer: RoutingOffer | null,
  decision: Decision,
  how: 'routed' | 'accepted' | 'picked',
): Promise<boolean> {
  const { state } = ctx;
  const at = ctx.options.now();
  const ok = await store.persistAssignment(ctx.db, {
    conversationId: c.id,
    userId,
    at,
    offerId: offer?.id ?? null,
    event: timelineEvent(ctx, 'assigned', how === 'routed' ? null : userId, { decision, how }),
  });
  if (!ok) return false;
  if (offer) {
    state.offers.delete(offer.id);
    ctx.events?.offerClosed(offer, 'accepted');
    // No longer ringing, the agent may have room in their other teams' queues.
    state.markAgent(userId);
  }
  settleAssigned(ctx, c, userId, at);
  ctx.events?.conversationChanged(c.id, null);
  ctx.events?.agentChanged(userId);
  return true;
}

/**
 * The in-memory half of an assignment, however it came (routed, accepted, picked, transferred):
 * a person has the chat now, so the bot is done with it, and its missed offers and queue place go;
 * the agent has just been given work, so their idle time starts afresh.
 */
export function settleAssigned(
  ctx: RoutingContext,
  c: RoutingConversation,
  userId: string,
  at: number,
): void {
  c.status = 'assigned';
  c.assigneeId = userId;
  c.assignedAt = at;
  c.firstReplyAt = null;
  c.frontOfQueue = false;
  c.inBot = false;
  ctx.state.passes.delete(c.id);
  ctx.state.pushedPositions.delete(c.id);
  const agent = ctx.state.agents.get(userId);
  if (agent) agent.lastAssignedAt = at;
}

export async function requeue(
  ctx: RoutingContext,
  c: RoutingConversation,
  front: boolean,
  kind: 'requeued' | 'transferred' | 'bot-handoff',
  actorId: string | null,
  /** Routing's own words as data; a string is someone else's (the bot's hand-over reason). */
  note: TimelineNote | string,
) {
  const previous = c.assigneeId;
  const now = ctx.options.now();
  const waitingSince = kind === 'bot-handoff' ? now : await waitingSinceOf(ctx, c, now);
  c.status = 'queued';
  c.assigneeId = null;
  c.assignedAt = null;
  c.firstReplyAt = null;
  c.frontOfQueue = front;
  c.inBot = false;
  c.queuedAt = waitingSince;
  c.enteredQueueAt = now;
  await store.persistRequeue(ctx.db, {
    conversationId: c.id,
    teamId: c.teamId,
    front,
    queuedAt: c.queuedAt,
    enteredQueueAt: c.enteredQueueAt,
    event: timelineEvent(ctx, kind, actorId, noteFields(note)),
  });
  ctx.state.pushedPositions.delete(c.id);
  ctx.state.markTeam(c.teamId);
  ctx.state.markAgent(previous);
  if (previous) ctx.events?.agentChanged(previous);
}

/**
 * A conversation back in the queue keeps its visitor's wait: if nobody on the staff has answered
 * them yet, since they entered the queue; else since their oldest message not yet answered;
 * else (the staff had the last word) from now. Its aging counts from there; the maximum queue
 * time starts afresh (`enteredQueueAt`), so a transfer is never a timeout on arrival.
 */
async function waitingSinceOf(ctx: RoutingContext, c: RoutingConversation, now: number): Promise<number> {
  const { staffAnswered, oldest } = await store.unansweredSince(ctx.db, c.id);
  return Math.min(staffAnswered ? (oldest ?? now) : c.queuedAt, now);
}

/** The queued conversation becomes a message left for the team (answered at `contact`, if any). */
export async function leaveQueue(
  ctx: RoutingContext,
  c: RoutingConversation,
  contact: Contact | null,
  note: TimelineNote,
): Promise<boolean> {
  const event = timelineEvent(ctx, 'left-queue', null, noteFields(note));
  if (!(await store.persistLeftQueue(ctx.db, { conversationId: c.id, contact, event }))) return false;
  // The store withdrew any open offer in the same transaction.
  forget(ctx, c);
  ctx.events?.conversationChanged(c.id, null);
  return true;
}

/** A conversation that is no longer open (resolved, left as a message) leaves routing's memory. */
export function forget(ctx: RoutingContext, c: RoutingConversation) {
  const { state } = ctx;
  state.open.delete(c.id);
  state.passes.delete(c.id);
  state.pushedPositions.delete(c.id);
  const offer = state.openOfferFor(c.id);
  if (offer) {
    state.offers.delete(offer.id);
    state.markAgent(offer.userId);
    ctx.events?.offerClosed(offer, 'withdrawn');
  }
}
