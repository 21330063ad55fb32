import { z } from 'zod';
import { Id } from './primitives.js';

/** Who may call an endpoint: `staff` = agent/supervisor/admin access token, `visitor` = visitor token. */
export type EndpointAuth = 'none' | 'staff' | 'visitor' | 'staff-or-visitor';

export interface EndpointSpec {
  method: 'GET' | 'POST';
  path: string;
  auth: EndpointAuth;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Schema of `data` in the `{ ok: true, data }` body; null for a binary download. */
  response: z.ZodType | null;
}

export const ConversationParams = z.strictObject({ conversationId: Id });
export const AttachmentParams = z.strictObject({ attachmentId: Id });
