import { z } from 'zod';
import { Email, Id } from './primitives.js';

/**
 * A site that knows its user passes `signature = hex(HMAC-SHA256(userId, widget secret))`.
 * A verified identity lets the same person come back on any device as the same visitor.
 */
export const VisitorIdentity = z.strictObject({
  userId: z.string().min(1).max(256),
  signature: z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex characters'),
});
export type VisitorIdentity = z.infer<typeof VisitorIdentity>;

export const VisitorSessionRequest = z.strictObject({
  widgetId: Id,
  name: z.string().trim().min(1).max(120).optional(),
  email: Email.optional(),
  identity: VisitorIdentity.optional(),
});
export type VisitorSessionRequest = z.infer<typeof VisitorSessionRequest>;

export const VisitorSession = z.object({
  visitorId: Id,
  /** Bearer token for the visitor's REST calls and `/visitor` socket. Keep it secret. */
  visitorToken: z.string(),
  verified: z.boolean(),
});
export type VisitorSession = z.infer<typeof VisitorSession>;
