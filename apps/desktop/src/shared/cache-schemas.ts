import { Attachment, Conversation, Id, LastMessage, Seq } from '@switchboard/protocol';
import { z } from 'zod';

/** A conversation as the workbench keeps it: the server's view plus what only this client knows. */
export const CachedConversation = z.object({
  conversation: Conversation,
  /** Messages from others after the agent's read mark. */
  unread: z.number().int().nonnegative(),
  /**
   * The newest message held here, in the shape of the server's `lastMessage` (the list words
   * either, whichever is newer). Absent from rows kept before it existed: none.
   */
  newest: LastMessage.nullable().default(null),
  /** The highest seq held with no gap below it. */
  syncedSeq: Seq,
  /**
   * When the visitor's oldest message not yet answered was sent (`shared/awaiting-reply.ts`),
   * from the messages held here; null when the staff had the last word.
   */
  awaitingReplySince: z.string().nullable().default(null),
});
export type CachedConversation = z.infer<typeof CachedConversation>;

export const OutboxStatus = z.enum(['pending', 'failed']);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** An outgoing message written before it is sent; removed when the server acks it. */
export const OutboxItem = z.object({
  clientMsgId: Id,
  conversationId: Id,
  body: z.string().max(5000),
  visibility: z.enum(['all', 'agents']),
  /** Uploaded before the message is queued. */
  attachment: Attachment.nullable(),
  status: OutboxStatus,
  error: z.string().max(500).nullable(),
  createdAt: z.string(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const Draft = z.object({ conversationId: Id, body: z.string().max(5000), internal: z.boolean() });
export type Draft = z.infer<typeof Draft>;

export const TabState = z.object({ open: z.array(Id).max(50), active: Id.nullable() });
export type TabState = z.infer<typeof TabState>;

/** Everything the workbench paints at start, before the server answers. */
export const CacheSnapshot = z.object({
  /** The newest page of the list, plus the open tabs' conversations. */
  conversations: z.array(CachedConversation),
  /** How many conversations the cache holds in all (the rest come from `cache:conversations`). */
  total: z.number().int().nonnegative(),
  outbox: z.array(OutboxItem),
  drafts: z.array(Draft),
  tabs: TabState,
});
export type CacheSnapshot = z.infer<typeof CacheSnapshot>;
