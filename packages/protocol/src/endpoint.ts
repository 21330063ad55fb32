import { z } from 'zod';
import type { Role } from './auth.js';
import { Id } from './primitives.js';

/**
 * Who may call an endpoint:
 * - `none`: anyone;
 * - `staff`: any staff access token (agent, supervisor, admin); what it reaches is scoped by role;
 * - `staff-supervisor`: a supervisor's or an admin's access token (supervisors: their teams);
 * - `admin`: an admin's access token;
 * - `visitor`: a visitor token; `staff-or-visitor`: either;
 * - `mail-gateway`: the secret the server's configuration shares with its mail gateway.
 */
export type EndpointAuth =
  | 'none'
  | 'staff'
  | 'staff-supervisor'
  | 'admin'
  | 'visitor'
  | 'staff-or-visitor'
  | 'mail-gateway';

/** The staff roles each `auth` admits; null where staff tokens are not what it checks. */
export const staffRolesOf: Record<EndpointAuth, readonly Role[] | null> = {
  none: null,
  visitor: null,
  'mail-gateway': null,
  staff: ['agent', 'supervisor', 'admin'],
  'staff-or-visitor': ['agent', 'supervisor', 'admin'],
  'staff-supervisor': ['supervisor', 'admin'],
  admin: ['admin'],
};

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
export const UserParams = z.strictObject({ userId: Id });
export const TeamParams = z.strictObject({ teamId: Id });
