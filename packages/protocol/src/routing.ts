import { z } from 'zod';
import { Conversation } from './conversation.js';
import { Id, Timestamp } from './primitives.js';

/** `wrap-up`: after resolving, for the team's wrap-up time; not offered new chats meanwhile. */
export const AgentStatus = z.enum(['online', 'away', 'offline', 'wrap-up']);
export type AgentStatus = z.infer<typeof AgentStatus>;

export const StatusReason = z.enum([
  'manual',
  'idle',
  'screen-locked',
  'disconnected',
  'wrap-up',
  'supervisor',
]);
export type StatusReason = z.infer<typeof StatusReason>;

/** An agent's routing state as the server keeps it. */
export const AgentState = z.object({
  userId: Id,
  name: z.string(),
  status: AgentStatus,
  reason: StatusReason,
  since: Timestamp,
  /** Sum of the weights of the agent's open chats. */
  load: z.number().nonnegative(),
  capacity: z.number().int().nonnegative(),
  teamIds: z.array(Id),
});
export type AgentState = z.infer<typeof AgentState>;

/** What an agent may set; `wrap-up` and `disconnected` are set by the server. */
export const StatusSet = z.strictObject({
  status: z.enum(['online', 'away', 'offline']),
  reason: z.enum(['manual', 'idle', 'screen-locked']).default('manual'),
});
export type StatusSet = z.input<typeof StatusSet>;

/** A chat ringing on one agent's desktop until accepted, declined or expired (offer mode). */
export const Offer = z.object({
  offerId: Id,
  conversation: Conversation,
  expiresAt: Timestamp,
});
export type Offer = z.infer<typeof Offer>;

export const OfferRef = z.strictObject({ offerId: Id });
export type OfferRef = z.infer<typeof OfferRef>;

export const OfferDecline = z.strictObject({ offerId: Id, reason: z.string().trim().max(200).optional() });
export type OfferDecline = z.infer<typeof OfferDecline>;

export const OfferClosed = z.object({
  offerId: Id,
  conversationId: Id,
  reason: z.enum(['accepted', 'declined', 'expired', 'withdrawn']),
});
export type OfferClosed = z.infer<typeof OfferClosed>;

export const TransferTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('agent'), userId: Id }),
  z.strictObject({ kind: z.literal('team'), teamId: Id }),
]);
export type TransferTarget = z.infer<typeof TransferTarget>;

export const TransferRequest = z.strictObject({
  conversationId: Id,
  to: TransferTarget,
  reason: z.string().trim().min(1).max(500),
});
export type TransferRequest = z.infer<typeof TransferRequest>;

/**
 * Why the agent was chosen, as data a client puts into words of its own language (`why` is the
 * same in an English sentence). `tiedWith`: how many agents shared the lowest load (1: none).
 */
export const RoutingReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('previous-agent'), agent: z.string() }),
  z.object({
    code: z.literal('lowest-load'),
    load: z.number(),
    capacity: z.number(),
    tiedWith: z.number().int().min(1),
  }),
  z.object({ code: z.literal('picked'), agent: z.string() }),
  z.object({ code: z.literal('offline-picked'), agent: z.string() }),
  z.object({ code: z.literal('accepted') }),
  z.object({ code: z.literal('transferred'), actor: z.string(), note: z.string().nullable() }),
]);
export type RoutingReason = z.infer<typeof RoutingReason>;

/** Why a conversation went where it went: the explainable part of routing. */
export const RoutingDecision = z.object({
  /** The routing rule that matched; null when the default team caught it. */
  rule: z.object({ id: Id, name: z.string() }).nullable(),
  teamId: Id.nullable(),
  priority: z.enum(['normal', 'vip']),
  eligible: z.array(
    z.object({
      userId: Id,
      name: z.string(),
      load: z.number(),
      capacity: z.number(),
      idleSince: Timestamp.nullable(),
    }),
  ),
  chosen: Id.nullable(),
  /** One sentence a person can read: "returning visitor's previous agent", "lowest load (1/4)", … */
  why: z.string(),
  /**
   * `why` as data; absent from decisions recorded before it existed, and read as absent when its
   * `code` is one this version does not know (a newer server's): `why` says it in English.
   */
  reason: RoutingReason.optional().catch(undefined),
});
export type RoutingDecision = z.infer<typeof RoutingDecision>;

export const TimelineKind = z.enum([
  'opened',
  'offline-message',
  'routed',
  'offered',
  'offer-declined',
  'offer-expired',
  'offer-withdrawn',
  'assigned',
  'transferred',
  'requeued',
  'bot-handoff',
  'left-queue',
  'resolved',
]);
export type TimelineKind = z.infer<typeof TimelineKind>;

/**
 * What a client reads in place of a timeline kind it does not know, one a newer server added: the
 * entry still shows, with its time, actor and `note`, instead of the whole timeline failing.
 */
export const OTHER_TIMELINE_KIND = 'other';

/**
 * A note routing wrote, as data a client puts into words of its own language (`note` is the same
 * in English). What a person typed (a transfer's `reason`) stays as they typed it.
 */
export const TimelineNote = z.discriminatedUnion('code', [
  z.object({ code: z.literal('transferred-to-agent'), agent: z.string(), reason: z.string() }),
  z.object({ code: z.literal('transferred-to-team'), team: z.string(), reason: z.string() }),
  /** A supervisor took the chat over without giving a reason. */
  z.object({ code: z.literal('taken-over'), agent: z.string() }),
  z.object({ code: z.literal('offer-withdrawn'), agent: z.string() }),
  z.object({ code: z.literal('offer-declined'), agent: z.string() }),
  z.object({ code: z.literal('offer-unanswered'), agent: z.string() }),
  z.object({ code: z.literal('agent-disconnected'), agent: z.string() }),
  z.object({ code: z.literal('no-reply'), seconds: z.number().int().nonnegative() }),
  z.object({ code: z.literal('visitor-left-message') }),
  z.object({ code: z.literal('queue-timeout'), seconds: z.number().int().nonnegative() }),
]);
export type TimelineNote = z.infer<typeof TimelineNote>;

export const TimelineEntry = z.object({
  conversationId: Id,
  /** One of `TimelineKind`; a kind this version does not know reads as `other`. */
  kind: z.union([TimelineKind, z.literal(OTHER_TIMELINE_KIND)]).catch(OTHER_TIMELINE_KIND),
  at: Timestamp,
  actor: z.object({ id: Id, name: z.string() }).nullable(),
  decision: RoutingDecision.nullable(),
  /** Kind-specific details (a transfer's reason, a resolve note, …): display as text. */
  note: z.string().nullable(),
  /**
   * `note` as data, where routing wrote it; absent where a person wrote it (a resolve note, a
   * decline's reason, the bot's hand-over) and from events recorded before it existed; read as
   * absent when its `code` is one this version does not know (`note` says it in English).
   */
  noteData: TimelineNote.optional().catch(undefined),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;
