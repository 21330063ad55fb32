import { z } from 'zod';
import { Attachment } from './attachment.js';
import { Empty, LoginRequest, LoginResponse, PasswordChangeRequest, RefreshRequest, User } from './auth.js';
import {
  Conversation,
  ConversationStatus,
  TAG_SUGGESTION_LIMIT,
  TagSuggestion,
  VisitorConversation,
} from './conversation.js';
import { AttachmentParams, ConversationParams, type EndpointSpec } from './endpoint.js';
import { InboundEmailReceipt } from './inbound-email.js';
import { Message, SenderKind } from './message.js';
import { Id, Seq, Timestamp } from './primitives.js';
import { ErasurePage, ErasuresQuery } from './privacy.js';
import { adminEndpoints, reportEndpoints } from './rest-admin.js';
import { cannedReplyEndpoints } from './rest-canned.js';
import { routingEndpoints } from './rest-routing.js';
import { widgetEndpoints } from './rest-widget.js';
import { SEARCH_RANKED } from './search.js';
import { VisitedPages } from './visited-page.js';
import { VisitorSession, VisitorSessionRequest } from './visitor.js';

const Limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const ConversationListQuery = z.strictObject({
  status: ConversationStatus.optional(),
  teamId: Id.optional(),
  /** `me`, `unassigned`, or a user id. */
  assignee: z.union([z.literal('me'), z.literal('unassigned'), Id]).optional(),
  /** One visitor's conversations: a returning visitor's history (a signed identity is one visitor). */
  visitorId: Id.optional(),
  limit: Limit(100, 50),
  cursor: z.string().max(200).optional(),
});
export type ConversationListQuery = z.input<typeof ConversationListQuery>;

export const ConversationPage = z.object({
  items: z.array(Conversation),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ConversationPage = z.infer<typeof ConversationPage>;

export const HistoryQuery = z.strictObject({
  /** Messages with seq < before (default: the newest). */
  before: z.coerce.number().int().positive().optional(),
  limit: Limit(200, 50),
});
export type HistoryQuery = z.input<typeof HistoryQuery>;

export const HistoryPage = z.object({
  /** Ascending by seq. */
  messages: z.array(Message),
  /** Pass as `before` for the previous page; null when the start is reached. */
  nextBefore: Seq.nullable(),
});
export type HistoryPage = z.infer<typeof HistoryPage>;

/**
 * An instant a search period starts or ends, kept as the server stores times (milliseconds, `Z`)
 * so that it compares with them as text.
 */
const PeriodBound = Timestamp.transform((at) => new Date(at).toISOString());

export const SearchQuery = z
  .strictObject({
    q: z.string().trim().min(1).max(200),
    limit: Limit(50, 20),
    /**
     * Skip this many of the best hits: the next page after a response with `more`. The best
     * SEARCH_RANKED matches are ranked, so `offset` + `limit` stays within them.
     */
    offset: z.coerce
      .number()
      .int()
      .min(0)
      .max(SEARCH_RANKED - 1)
      .default(0),
    /** Only messages written at or after this instant (conversations active since). */
    from: PeriodBound.optional(),
    /** Only messages written before this instant (conversations opened before). */
    to: PeriodBound.optional(),
  })
  .refine(({ from, to }) => from === undefined || to === undefined || from < to, {
    message: 'from must be before to',
    path: ['to'],
  })
  .refine(({ offset, limit }) => offset + limit <= SEARCH_RANKED, {
    message: `offset + limit must be at most ${SEARCH_RANKED}`,
    path: ['offset'],
  });
export type SearchQuery = z.input<typeof SearchQuery>;

export const SearchHit = z.object({
  conversationId: Id,
  seq: Seq,
  /** Plain text around the match; matched terms are NOT marked up, render it as text. */
  snippet: z.string(),
  createdAt: Timestamp,
  /** The conversation's visitor, for a hit in a chat the client has not cached; null if unnamed. */
  visitorName: z.string().nullable().default(null),
  /**
   * Who wrote the message (staff, the bot, the visitor), so that a hit does not read as the
   * visitor's when an agent wrote it; null from a server older than this field.
   */
  sender: z.object({ kind: SenderKind, name: z.string().nullable() }).nullable().default(null),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** A conversation whose visitor's name or email holds every word searched for. */
export const ConversationHit = z.object({
  conversationId: Id,
  visitorName: z.string().nullable(),
  visitorEmail: z.string().nullable(),
  status: ConversationStatus,
  updatedAt: Timestamp,
});
export type ConversationHit = z.infer<typeof ConversationHit>;

export const SearchResults = z.object({
  hits: z.array(SearchHit),
  /** Newest first; absent from a server older than this field. */
  conversations: z.array(ConversationHit).default([]),
  /** Further hits follow: ask again with `offset` + the hits' count. Absent from older servers. */
  more: z.boolean().default(false),
});
export type SearchResults = z.infer<typeof SearchResults>;

export const Health = z.object({ status: z.enum(['ok', 'unavailable']), epoch: Id });
export type Health = z.infer<typeof Health>;

/** Every REST endpoint. Bodies are JSON; every response body is a `Result` envelope. */
export const restEndpoints = {
  login: {
    method: 'POST',
    path: '/api/auth/login',
    auth: 'none',
    body: LoginRequest,
    response: LoginResponse,
  },
  refresh: {
    method: 'POST',
    path: '/api/auth/refresh',
    auth: 'none',
    body: RefreshRequest,
    response: LoginResponse,
  },
  logout: { method: 'POST', path: '/api/auth/logout', auth: 'staff', body: Empty, response: Empty },
  changePassword: {
    method: 'POST',
    path: '/api/auth/password',
    auth: 'staff',
    body: PasswordChangeRequest,
    response: Empty,
  },
  me: { method: 'GET', path: '/api/me', auth: 'staff', response: User },
  visitorSession: {
    method: 'POST',
    path: '/api/visitor/sessions',
    auth: 'none',
    body: VisitorSessionRequest,
    response: VisitorSession,
  },
  visitorConversations: {
    method: 'GET',
    path: '/api/visitor/conversations',
    auth: 'visitor',
    response: z.array(VisitorConversation),
  },
  listConversations: {
    method: 'GET',
    path: '/api/conversations',
    auth: 'staff',
    query: ConversationListQuery,
    response: ConversationPage,
  },
  /**
   * The tags agents gave on resolving the chats of the caller's teams (an admin's: all) in the past
   * `TAG_SUGGESTION_DAYS` days, in any case, the most used first: what to offer when resolving.
   */
  tagSuggestions: {
    method: 'GET',
    path: '/api/tags',
    auth: 'staff',
    response: z.array(TagSuggestion).max(TAG_SUGGESTION_LIMIT),
  },
  getConversation: {
    method: 'GET',
    path: '/api/conversations/:conversationId',
    auth: 'staff',
    params: ConversationParams,
    response: Conversation,
  },
  messageHistory: {
    method: 'GET',
    path: '/api/conversations/:conversationId/messages',
    auth: 'staff-or-visitor',
    params: ConversationParams,
    query: HistoryQuery,
    response: HistoryPage,
  },
  /** The pages its visitor had open while the conversation was open, newest first. */
  visitedPages: {
    method: 'GET',
    path: '/api/conversations/:conversationId/pages',
    auth: 'staff',
    params: ConversationParams,
    response: VisitedPages,
  },
  uploadAttachment: {
    method: 'POST',
    path: '/api/conversations/:conversationId/attachments',
    auth: 'staff-or-visitor',
    params: ConversationParams,
    response: Attachment,
  },
  downloadAttachment: {
    method: 'GET',
    path: '/api/attachments/:attachmentId',
    auth: 'staff-or-visitor',
    params: AttachmentParams,
    response: null,
  },
  searchMessages: {
    method: 'GET',
    path: '/api/search/messages',
    auth: 'staff',
    query: SearchQuery,
    response: SearchResults,
  },
  /** Conversations erased since `after`: a workbench drops them from its cache on connecting. */
  listErasures: {
    method: 'GET',
    path: '/api/erasures',
    auth: 'staff',
    query: ErasuresQuery,
    response: ErasurePage,
  },
  /**
   * A mail gateway posts each email it receives for the answers' reply address, as it arrived
   * (`Content-Type: message/rfc822`, the raw MIME message).
   */
  receiveEmail: {
    method: 'POST',
    path: '/api/email/inbound',
    auth: 'mail-gateway',
    response: InboundEmailReceipt,
  },
  ...widgetEndpoints,
  ...routingEndpoints,
  ...cannedReplyEndpoints,
  ...adminEndpoints,
  ...reportEndpoints,
} as const satisfies Record<string, EndpointSpec>;
export type RestEndpoints = typeof restEndpoints;
