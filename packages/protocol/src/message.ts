import { z } from 'zod';
import { Attachment } from './attachment.js';
import { Id, Seq, Timestamp } from './primitives.js';

/** `agents`: internal notes and supervisor whispers, never sent to the visitor. */
export const Visibility = z.enum(['all', 'agents']);
export type Visibility = z.infer<typeof Visibility>;

/** `bot`: a team's first responder answering from its FAQ entries. */
export const SenderKind = z.enum(['visitor', 'agent', 'bot', 'system']);
export type SenderKind = z.infer<typeof SenderKind>;

export const MESSAGE_BODY_MAX = 5000;
const Body = z.string().max(MESSAGE_BODY_MAX);

/**
 * What a system message says, as data a client puts into words of its own language (`body` is the
 * same in English).
 */
export const SystemEvent = z.discriminatedUnion('code', [
  /** A supervisor joined the conversation visibly (barge): `name` is theirs. */
  z.object({ code: z.literal('supervisor-joined'), name: z.string() }),
  /**
   * The staff's answers (`answers` of them) were emailed to the visitor's `to` with `files` of
   * their files attached (absent, as in events stored before files went with emails: none)
   * (agents only). Optional rather than defaulted, so that a message reads the same in and out.
   */
  z.object({
    code: z.literal('email-sent'),
    to: z.string(),
    answers: z.number().int().nonnegative(),
    files: z.number().int().nonnegative().optional(),
  }),
  /** Emailing the answers to `to` failed for good; `reason` is the mail server's (agents only). */
  z.object({ code: z.literal('email-failed'), to: z.string(), reason: z.string() }),
  /** The bot hands the chat to a person (its own message, sender `bot`): the visitor waits for one. */
  z.object({ code: z.literal('bot-handoff') }),
]);
export type SystemEvent = z.infer<typeof SystemEvent>;

/**
 * How a message reached its conversation when not from a chat client: `email`, a visitor's reply
 * to an answer email (posted by the mail gateway).
 */
export const MessageVia = z.enum(['email']);
export type MessageVia = z.infer<typeof MessageVia>;

export const Message = z.object({
  conversationId: Id,
  /** Position in the conversation: 1, 2, 3 … with no gaps. Display order. */
  seq: Seq,
  clientMsgId: Id,
  sender: z.object({ kind: SenderKind, id: Id.nullable(), name: z.string().nullable() }),
  body: z.string(),
  visibility: Visibility,
  attachment: Attachment.nullable(),
  createdAt: Timestamp,
  /**
   * A system message's words as data; absent from every other message and from older ones. A code
   * this version does not know reads as absent: the client shows `body`.
   */
  systemEvent: SystemEvent.optional().catch(undefined),
  /** Absent for a message written in a chat; a value this version does not know reads as absent. */
  via: MessageVia.optional().catch(undefined),
});
export type Message = z.infer<typeof Message>;

const hasContent = (m: { body: string; attachmentId?: string | undefined }) =>
  m.body.trim().length > 0 || m.attachmentId !== undefined;

/** A visitor's message: always visible to everyone in the conversation. */
export const VisitorMessageSend = z
  .strictObject({
    conversationId: Id,
    /** Made by the sender, stable across retries: the idempotency key. */
    clientMsgId: Id,
    body: Body,
    attachmentId: Id.optional(),
  })
  .refine(hasContent, 'a message needs a body or an attachment');
export type VisitorMessageSend = z.infer<typeof VisitorMessageSend>;

export const AgentMessageSend = z
  .strictObject({
    conversationId: Id,
    clientMsgId: Id,
    body: Body,
    visibility: Visibility.default('all'),
    attachmentId: Id.optional(),
  })
  .refine(hasContent, 'a message needs a body or an attachment');
export type AgentMessageSend = z.input<typeof AgentMessageSend>;

/** Sent only after the message is committed. A retry with the same clientMsgId gets the same ack. */
export const MessageAck = z.object({ clientMsgId: Id, seq: Seq, createdAt: Timestamp });
export type MessageAck = z.infer<typeof MessageAck>;

export const SyncRequest = z.strictObject({
  conversationId: Id,
  afterSeq: Seq,
  limit: z.number().int().min(1).max(500).default(200),
});
export type SyncRequest = z.input<typeof SyncRequest>;

export const SyncResponse = z.object({
  conversationId: Id,
  messages: z.array(Message),
  /** The conversation's latest seq (visitors: internal notes count too). Use `hasMore` to page. */
  lastSeq: Seq,
  hasMore: z.boolean(),
});
export type SyncResponse = z.infer<typeof SyncResponse>;

export const TypingSet = z.strictObject({ conversationId: Id, typing: z.boolean() });
export type TypingSet = z.infer<typeof TypingSet>;

/**
 * A visitor's typing may carry their draft as it stands (`preview`, the whole text so far), when
 * their widget's `typingPreview` is on: staff following the chat see it before it is sent. With
 * `typing: false` it is a draft left in the box; an empty or absent preview withdraws it.
 */
export const VisitorTypingSet = z.strictObject({
  conversationId: Id,
  typing: z.boolean(),
  preview: Body.optional(),
});
export type VisitorTypingSet = z.infer<typeof VisitorTypingSet>;

export const TypingUpdate = z.object({
  conversationId: Id,
  sender: z.object({
    kind: z.enum(['visitor', 'agent']),
    /** The staff member's id (null for a visitor, and from servers before it was sent). */
    id: Id.nullable().default(null),
    name: z.string().nullable(),
  }),
  typing: z.boolean(),
  /**
   * To staff only: the visitor's draft as it stands (`VisitorTypingSet.preview`), shown as text;
   * null when there is none (always for staff's typing, on `/visitor`, and from older servers).
   */
  preview: z.string().nullable().default(null),
});
export type TypingUpdate = z.infer<typeof TypingUpdate>;

/** "I have read everything up to and including seq." */
export const ReadMark = z.strictObject({ conversationId: Id, seq: Seq });
export type ReadMark = z.infer<typeof ReadMark>;

export const ReadUpdate = z.object({
  conversationId: Id,
  reader: z.object({ kind: z.enum(['visitor', 'agent']), id: Id.nullable(), name: z.string().nullable() }),
  seq: Seq,
});
export type ReadUpdate = z.infer<typeof ReadUpdate>;
