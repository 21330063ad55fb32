import { z } from 'zod';
import { VisitorAttributes, VisitorConversation } from './conversation.js';
import type { EndpointSpec } from './endpoint.js';
import { MESSAGE_BODY_MAX } from './message.js';
import { Email, Id, Timestamp } from './primitives.js';
import { WidgetConfig, WidgetLocale } from './widget.js';

export const WidgetParams = z.strictObject({ widgetId: Id });

const VisitorConversationParams = z.strictObject({ conversationId: Id });

/** An IANA time zone this runtime knows ("Asia/Shanghai"). */
const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Berlin');

/**
 * The transcript's own words (who, a file, a system message) in the widget's language (default
 * `en`), and its times in the visitor's time zone (default: ISO timestamps in UTC).
 */
export const TranscriptQuery = z.strictObject({
  locale: WidgetLocale.optional(),
  timeZone: TimeZone.optional(),
});
export type TranscriptQuery = z.infer<typeof TranscriptQuery>;

/** A message left while nobody can serve: it becomes an `offline` conversation agents answer later. */
export const OfflineMessageRequest = z.strictObject({
  /** Made by the widget once, kept across retries: a retry returns the same conversation. */
  clientMsgId: Id,
  body: z.string().trim().min(1).max(MESSAGE_BODY_MAX),
  /** Where the answer goes. */
  email: Email,
  name: z.string().trim().min(1).max(120).optional(),
  attributes: VisitorAttributes.optional(),
});
export type OfflineMessageRequest = z.infer<typeof OfflineMessageRequest>;

/**
 * A queued visitor stops waiting and leaves their chat as a message (or, after the team's maximum
 * queue time moved it to `offline`, says where to answer it). Their messages so far are the message.
 */
export const LeaveMessageRequest = z.strictObject({
  /** Where the answer goes. */
  email: Email,
  name: z.string().trim().min(1).max(120).optional(),
});
export type LeaveMessageRequest = z.infer<typeof LeaveMessageRequest>;

/** CSAT: 1 (very unhappy) to 5 (very happy). */
export const RatingRequest = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});
export type RatingRequest = z.infer<typeof RatingRequest>;

export const ConversationRating = z.object({
  conversationId: Id,
  score: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  createdAt: Timestamp,
});
export type ConversationRating = z.infer<typeof ConversationRating>;

/** The widget's endpoints, spread into `restEndpoints`. */
export const widgetEndpoints = {
  widgetConfig: {
    method: 'GET',
    path: '/api/widgets/:widgetId/config',
    auth: 'none',
    params: WidgetParams,
    response: WidgetConfig,
  },
  offlineMessage: {
    method: 'POST',
    path: '/api/visitor/offline-messages',
    auth: 'visitor',
    body: OfflineMessageRequest,
    response: VisitorConversation,
  },
  leaveMessage: {
    method: 'POST',
    path: '/api/visitor/conversations/:conversationId/leave-message',
    auth: 'visitor',
    params: VisitorConversationParams,
    body: LeaveMessageRequest,
    response: VisitorConversation,
  },
  rateConversation: {
    method: 'POST',
    path: '/api/visitor/conversations/:conversationId/rating',
    auth: 'visitor',
    params: VisitorConversationParams,
    body: RatingRequest,
    response: ConversationRating,
  },
  conversationTranscript: {
    method: 'GET',
    path: '/api/visitor/conversations/:conversationId/transcript',
    auth: 'visitor',
    params: VisitorConversationParams,
    query: TranscriptQuery,
    response: null,
  },
} as const satisfies Record<string, EndpointSpec>;
