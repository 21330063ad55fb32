import { z } from 'zod';
import { Conversation } from './conversation.js';
import { Message } from './message.js';
import { Email, Id, Timestamp } from './primitives.js';
import { VisitedPage } from './visited-page.js';

/**
 * Erasing a visitor (the right to erasure): every conversation of theirs, with its messages,
 * files, ratings and history, deleted for good. What is kept is only that a conversation id
 * was erased, so that every workbench drops its cached copy, also one offline at the time.
 */
export const VisitorParams = z.strictObject({ visitorId: Id });
export type VisitorParams = z.infer<typeof VisitorParams>;

const Count = z.number().int().nonnegative();

/** What an erasure deleted. */
export const VisitorErased = z.object({
  visitorId: Id,
  conversations: Count,
  messages: Count,
  attachments: Count,
});
export type VisitorErased = z.infer<typeof VisitorErased>;

/** One erased conversation; `seq` numbers erasures in the order they happened. */
export const Erasure = z.object({
  seq: z.number().int().positive(),
  conversationId: Id,
  erasedAt: Timestamp,
});
export type Erasure = z.infer<typeof Erasure>;

export const ErasuresQuery = z.strictObject({
  /** Erasures after this `seq` (0: from the first). */
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type ErasuresQuery = z.input<typeof ErasuresQuery>;

export const ErasurePage = z.object({
  items: z.array(Erasure),
  /** The newest erasure's `seq` on the server (0: none yet): ask with it as `after` next time. */
  lastSeq: Count,
});
export type ErasurePage = z.infer<typeof ErasurePage>;

/** Pushed to every staff socket: drop these conversations from view and from any cache. */
export const ConversationsErased = z.object({
  conversationIds: z.array(Id).min(1),
  /** The erasures' newest `seq`. */
  lastSeq: z.number().int().positive(),
});
export type ConversationsErased = z.infer<typeof ConversationsErased>;

/**
 * Everything the server holds about one visitor (the right of access): who they are, and each
 * conversation of theirs with every message, internal notes included (marked by `visibility`),
 * their rating and the pages they had open while chatting. Attachments are described; the files download from each message.
 */
export const VisitorExport = z.object({
  exportedAt: Timestamp,
  visitor: z.object({
    id: Id,
    name: z.string().nullable(),
    email: z.string().nullable(),
    /** The site's own user id, from a signed identity; null for an anonymous visitor. */
    externalId: z.string().nullable(),
    verified: z.boolean(),
    createdAt: Timestamp,
  }),
  conversations: z.array(
    z.object({
      conversation: Conversation,
      messages: z.array(Message),
      rating: z
        .object({ score: z.number().int(), comment: z.string().nullable(), createdAt: Timestamp })
        .nullable(),
      /** The pages of the site they had open while it was open, oldest first. Absent from older servers. */
      pages: z.array(VisitedPage).default([]),
    }),
  ),
});
export type VisitorExport = z.infer<typeof VisitorExport>;

/** What the admin area says about privacy: the retention period and the erasures so far. */
export const PrivacyStatus = z.object({
  /** Resolved conversations are deleted this many days after; null: kept until erased. */
  retentionDays: z.number().int().positive().nullable(),
  /** Conversations erased so far (by admins and by the retention period). */
  erasedConversations: Count,
  lastErasedAt: Timestamp.nullable(),
});
export type PrivacyStatus = z.infer<typeof PrivacyStatus>;

/** Finding a person's visitors by the address a request for their data names. */
export const VisitorLookupQuery = z.strictObject({ email: Email });
export type VisitorLookupQuery = z.input<typeof VisitorLookupQuery>;

/** A visitor the address belongs to: given when they chatted, or left with a message. */
export const VisitorSummary = z.object({
  id: Id,
  name: z.string().nullable(),
  email: z.string().nullable(),
  verified: z.boolean(),
  conversations: Count,
  /** Their newest conversation's last change; null when they have none. */
  lastActivity: Timestamp.nullable(),
});
export type VisitorSummary = z.infer<typeof VisitorSummary>;
