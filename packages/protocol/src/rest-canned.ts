import { z } from 'zod';
import type { EndpointSpec } from './endpoint.js';
import { Id } from './primitives.js';

/** A prepared answer agents insert by typing `/` and its shortcut in the composer. */
export const CannedReply = z.object({
  id: Id,
  /** Letters, digits and dashes, e.g. `refund`. */
  shortcut: z.string(),
  title: z.string(),
  /** Plain text, inserted into the composer as is. */
  body: z.string(),
});
export type CannedReply = z.infer<typeof CannedReply>;

export const cannedReplyEndpoints = {
  listCannedReplies: {
    method: 'GET',
    path: '/api/canned-replies',
    auth: 'staff',
    response: z.array(CannedReply),
  },
} as const satisfies Record<string, EndpointSpec>;
