import { z } from 'zod';
import { Conversation, Participant } from './conversation.js';
import { MESSAGE_BODY_MAX } from './message.js';
import { Id, Timestamp } from './primitives.js';
import { AgentStatus, StatusReason, TransferTarget } from './routing.js';
import { VisitedPage } from './visited-page.js';

/** How a figure compares with its thresholds: `amber` past the first, `red` past the second. */
export const SlaLevel = z.enum(['ok', 'amber', 'red']);
export type SlaLevel = z.infer<typeof SlaLevel>;

export { SLA_THRESHOLDS, slaLevel } from './sla-thresholds.js';

/**
 * A chat whose offers agents declined or let ring out this many times since it was last assigned
 * is flagged to supervisors (PRODUCT: an unanswered offer escalates past the ringing agent).
 */
export const ESCALATE_AFTER_MISSED_OFFERS = 2;

/** One measured figure and its level; `value` null while there is nothing to measure yet. */
export const SlaFigure = z.object({ value: z.number().nonnegative().nullable(), level: SlaLevel });
export type SlaFigure = z.infer<typeof SlaFigure>;

/** A team's live tile: its queue, its people and today's SLA (since midnight UTC). */
export const TeamTile = z.object({
  teamId: Id,
  name: z.string(),
  queueLength: z.number().int().nonnegative(),
  /** Seconds the longest-waiting queued conversation has waited; null when the queue is empty. */
  longestWait: SlaFigure,
  /** The estimate a visitor joining the queue now would see; null without a basis. */
  estimatedWaitSeconds: z.number().int().nonnegative().nullable(),
  agents: z.object({
    online: z.number().int().nonnegative(),
    away: z.number().int().nonnegative(),
    wrapUp: z.number().int().nonnegative(),
    offline: z.number().int().nonnegative(),
  }),
  chatsInProgress: z.number().int().nonnegative(),
  sla: z.object({
    /** Average seconds from assignment to the first agent reply, today. */
    firstResponseSeconds: SlaFigure,
    /** Average seconds conversations waited in the queue before assignment, today. */
    waitSeconds: SlaFigure,
    /** Share (0 to 1) of today's queued conversations the visitor left before anyone answered. */
    abandonedRate: SlaFigure,
  }),
  /** The worst level of the tile's figures. */
  level: SlaLevel,
});
export type TeamTile = z.infer<typeof TeamTile>;

/** An agent as the supervisor window shows them. */
export const SupervisorAgent = z.object({
  userId: Id,
  name: z.string(),
  status: AgentStatus,
  reason: StatusReason,
  since: Timestamp,
  /** At least one live socket. */
  connected: z.boolean(),
  load: z.number().nonnegative(),
  capacity: z.number().int().nonnegative(),
  teamIds: z.array(Id),
  /** Ids of the open conversations assigned to them. */
  conversationIds: z.array(Id),
  /** The agent asked for help (`agent:hand`). */
  handRaised: z.boolean(),
});
export type SupervisorAgent = z.infer<typeof SupervisorAgent>;

/** A row of the live-chats grid: a queued or assigned conversation. */
export const LiveChat = z.object({
  conversationId: Id,
  teamId: Id.nullable(),
  status: z.enum(['queued', 'assigned']),
  assignee: Participant.nullable(),
  /** `leftAt`: as `Conversation.visitor.leftAt` (absent from older servers). */
  visitor: z.object({ id: Id, name: z.string().nullable(), leftAt: Timestamp.nullable().optional() }),
  /** The page the visitor is on (the newest recorded, `visitor:page`); null before any. Absent from older servers. */
  page: VisitedPage.nullable().optional(),
  priority: z.enum(['normal', 'vip']),
  /** With the team's bot, not yet in the queue. */
  inBot: z.boolean(),
  /**
   * Since when its visitor has waited in the queue for a person (see `Conversation.queuedAt`);
   * null once assigned.
   */
  queuedAt: Timestamp.nullable(),
  assignedAt: Timestamp.nullable(),
  /** The assignee's first visible reply; null before it. */
  firstReplyAt: Timestamp.nullable(),
  /**
   * Its offers that agents declined or let ring out since it was last assigned (0 while assigned).
   * From `ESCALATE_AFTER_MISSED_OFFERS` the supervisor window flags it. Older servers leave it
   * out: read as 0.
   */
  missedOffers: z.number().int().nonnegative().default(0),
});
export type LiveChat = z.infer<typeof LiveChat>;

/** The whole picture, answered by `supervisor:subscribe`. */
export const SupervisorSnapshot = z.object({
  teams: z.array(TeamTile),
  agents: z.array(SupervisorAgent),
  chats: z.array(LiveChat),
  at: Timestamp,
});
export type SupervisorSnapshot = z.infer<typeof SupervisorSnapshot>;

/**
 * What changed since the last snapshot or delta: rows to insert or replace (by id), and ids of
 * rows to remove. Apply in order; a client that missed one subscribes again.
 */
export const SupervisorDelta = z.object({
  /** 1, 2, 3 … per subscription; a gap means a delta was missed: subscribe again. */
  version: z.number().int().positive(),
  teams: z.array(TeamTile),
  agents: z.array(SupervisorAgent),
  agentsRemoved: z.array(Id),
  chats: z.array(LiveChat),
  chatsRemoved: z.array(Id),
  at: Timestamp,
});
export type SupervisorDelta = z.infer<typeof SupervisorDelta>;

/**
 * A chat just reached `ESCALATE_AFTER_MISSED_OFFERS` unanswered offers: pushed once, to the
 * supervisors of its team and the admins, whether or not they watch the feed.
 */
export const SupervisorEscalation = z.object({
  conversation: Conversation,
  /** Offers declined or rung out since the chat was last assigned. */
  missedOffers: z.number().int().positive(),
});
export type SupervisorEscalation = z.infer<typeof SupervisorEscalation>;

/** Supervisors see their teams; admins every team, or only `teamIds` when given. */
export const SupervisorSubscribe = z.strictObject({ teamIds: z.array(Id).max(50).optional() });
export type SupervisorSubscribe = z.infer<typeof SupervisorSubscribe>;

export const SupervisorWhisper = z.strictObject({
  conversationId: Id,
  /** Idempotency key, as for `message:send`. */
  clientMsgId: Id,
  body: z.string().trim().min(1).max(MESSAGE_BODY_MAX),
});
export type SupervisorWhisper = z.infer<typeof SupervisorWhisper>;

const Reason = z.string().trim().min(1).max(500);

export const SupervisorTakeover = z.strictObject({ conversationId: Id, reason: Reason.optional() });
export type SupervisorTakeover = z.infer<typeof SupervisorTakeover>;

export const SupervisorReassign = z.strictObject({ conversationId: Id, to: TransferTarget, reason: Reason });
export type SupervisorReassign = z.infer<typeof SupervisorReassign>;

export const SupervisorEnd = z.strictObject({ conversationId: Id, note: z.string().max(2000).optional() });
export type SupervisorEnd = z.infer<typeof SupervisorEnd>;

export const SupervisorStatusSet = z.strictObject({
  userId: Id,
  status: z.enum(['online', 'away', 'offline']),
});
export type SupervisorStatusSet = z.infer<typeof SupervisorStatusSet>;

/** An agent raises (or lowers) their hand; supervisors of their teams see it. */
export const HandSet = z.strictObject({ raised: z.boolean() });
export type HandSet = z.infer<typeof HandSet>;
