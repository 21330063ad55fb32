import { z } from 'zod';
import { SenderKind, SystemEvent, Visibility } from './message.js';
import { Email, HttpUrl, Id, SafeKey, Seq, Timestamp } from './primitives.js';

/**
 * `offline`: a message left while nobody could serve (from the offline form, by leaving the queue,
 * or when the team's maximum queue time ran out); agents answer it later.
 */
export const ConversationStatus = z.enum(['queued', 'assigned', 'resolved', 'offline']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

const AttributeValue = z.union([z.string().max(500), z.number().finite(), z.boolean()]);

/** What the widget knows about the visitor's context; routing (and agents) read it. */
export const VisitorAttributes = z.strictObject({
  pageUrl: HttpUrl.optional(),
  pageTitle: z.string().max(300).optional(),
  referrer: HttpUrl.optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en or zh-CN')
    .max(35)
    .optional(),
  /** Tags the site attaches (e.g. the product area); routing rules can match them. */
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  /** Honoured only for visitors with a verified (signed) identity. */
  vip: z.boolean().optional(),
  custom: z
    .unknown()
    // z.record silently drops a "__proto__" key; refuse it instead (bad input is an error, never a drop).
    .refine(
      (value) => typeof value !== 'object' || value === null || !Object.hasOwn(value, '__proto__'),
      'reserved key',
    )
    .pipe(z.record(SafeKey, AttributeValue))
    .refine((custom) => Object.keys(custom).length <= 30, 'at most 30 custom attributes')
    .optional(),
});
export type VisitorAttributes = z.infer<typeof VisitorAttributes>;

export const Participant = z.object({ id: Id, name: z.string() });
export type Participant = z.infer<typeof Participant>;

/** Absent from conversations recorded before it existed (a desktop cache): read as none. */
const ReplyTo = Email.nullable().default(null);

/** How much of the newest message a conversation carries for list previews. */
export const PREVIEW_LENGTH = 140;

/** The newest message (of any visibility), for the staff's lists: what a waiting visitor asked. */
export const LastMessage = z.object({
  seq: Seq,
  senderKind: SenderKind,
  /** The body's first PREVIEW_LENGTH characters: display as text. */
  text: z.string().max(PREVIEW_LENGTH),
  /** The attached file's name, if the message carries one. */
  fileName: z.string().nullable(),
  createdAt: Timestamp,
  /** `agents`: an internal note or a whisper, which the visitor never saw. Absent from older servers. */
  visibility: Visibility.default('all'),
  /**
   * A system message's words as data (`Message.systemEvent`), for the list to word them; a code
   * this version does not know reads as null.
   */
  systemEvent: SystemEvent.nullable().default(null).catch(null),
});
export type LastMessage = z.infer<typeof LastMessage>;

/** A conversation as staff (agents, supervisors, admins) see it. */
export const Conversation = z.object({
  id: Id,
  status: ConversationStatus,
  teamId: Id.nullable(),
  assignee: Participant.nullable(),
  visitor: z.object({
    id: Id,
    name: z.string().nullable(),
    verified: z.boolean(),
    /**
     * When the visitor's last page with the widget connected closed; null while one is open.
     * Read it with `visitorPresence` (a page load closes it for a moment). Absent from older servers.
     */
    leftAt: Timestamp.nullable().optional(),
  }),
  attributes: VisitorAttributes,
  /** `vip` conversations are served first; waiting time ages `normal` ones so they are never starved. */
  priority: z.enum(['normal', 'vip']),
  tags: z.array(z.string()),
  lastSeq: Seq,
  createdAt: Timestamp,
  /**
   * Since when its visitor has waited in the queue for a person; null when not queued. Set when it
   * enters the queue (opened, handed over by the bot). Back in the queue (requeued, transferred),
   * the wait goes on: from when it first entered if nobody on the staff has answered yet, from the
   * visitor's oldest unanswered message, or from then if the staff had the last word. Aging counts
   * from it; the team's maximum queue time starts afresh at each entry.
   */
  queuedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
  /** Where the visitor asked to be answered when they left a message; null when they gave none. */
  replyTo: ReplyTo,
  /** Null when it has no messages (or was recorded before this existed, in a desktop cache). */
  lastMessage: LastMessage.nullable().default(null),
});
export type Conversation = z.infer<typeof Conversation>;

/** A visitor with a live chat came or went: the new `visitor.leftAt` of each of their conversations. */
export const VisitorPresenceUpdate = z.object({ visitorId: Id, leftAt: Timestamp.nullable() });
export type VisitorPresenceUpdate = z.infer<typeof VisitorPresenceUpdate>;

/** A conversation as its visitor sees it: no internal routing details. */
export const VisitorConversation = z.object({
  id: Id,
  status: ConversationStatus,
  agent: z.object({ name: z.string() }).nullable(),
  lastSeq: Seq,
  createdAt: Timestamp,
  /** The address the visitor left to be answered at (status `offline`); null until they leave one. */
  replyTo: ReplyTo,
});
export type VisitorConversation = z.infer<typeof VisitorConversation>;

export const ConversationOpen = z.strictObject({
  attributes: VisitorAttributes.optional(),
});
export type ConversationOpen = z.infer<typeof ConversationOpen>;

export const ConversationRef = z.strictObject({ conversationId: Id });
export type ConversationRef = z.infer<typeof ConversationRef>;

/** The conversation this socket shows in front (its active tab), or null for none. */
export const ConversationView = z.strictObject({ conversationId: Id.nullable() });
export type ConversationView = z.infer<typeof ConversationView>;

/** The staff members with a conversation in front right now (`conversation:view`), one entry per person. */
export const ConversationViewers = z.object({
  conversationId: Id,
  viewers: z.array(z.object({ id: Id, name: z.string() })),
});
export type ConversationViewers = z.infer<typeof ConversationViewers>;

export const Tag = z.string().trim().min(1).max(40);

/** A tag agents gave on resolving, as they most often wrote it, and how many chats carry it. */
export const TagSuggestion = z.object({ tag: z.string(), count: z.number().int().positive() });
export type TagSuggestion = z.infer<typeof TagSuggestion>;

/** How far back `GET /api/tags` looks, and how many it answers. */
export const TAG_SUGGESTION_DAYS = 30;
export const TAG_SUGGESTION_LIMIT = 30;

export const ConversationResolve = z.strictObject({
  conversationId: Id,
  note: z.string().max(2000).optional(),
  tags: z.array(Tag).max(10).optional(),
});
export type ConversationResolve = z.infer<typeof ConversationResolve>;

/** A resolved conversation's tags, as they should have been given: they replace those it has. */
export const ConversationTags = z.strictObject({
  conversationId: Id,
  tags: z.array(Tag).max(10),
});
export type ConversationTags = z.infer<typeof ConversationTags>;
