import { z } from 'zod';
import { Empty } from './auth.js';
import { CANNED_VARIABLES, knownPlaceholdersOnly } from './canned-placeholders.js';
import type { EndpointSpec } from './endpoint.js';
import { Id } from './primitives.js';

/** `global`: everyone's (admins edit); `team`: a team's (its supervisors and admins); `personal`: yours. */
export const CannedScope = z.enum(['global', 'team', 'personal']);
export type CannedScope = z.infer<typeof CannedScope>;

/** A prepared answer agents insert by typing `/` and its shortcut in the composer. */
export const CannedReply = z.object({
  id: Id,
  /** Letters, digits and dashes, e.g. `refund`. */
  shortcut: z.string(),
  title: z.string(),
  /** Plain text with placeholders (canned-placeholders.ts), filled as it goes into the composer. */
  body: z.string(),
  scope: CannedScope,
  /** The team of a `team` reply, else null. */
  teamId: Id.nullable(),
  /** The owner of a `personal` reply, else null. */
  ownerId: Id.nullable(),
});
export type CannedReply = z.infer<typeof CannedReply>;

/**
 * Pushed (`canned:changed`) to the staff who may use a reply an admin, supervisor or its owner
 * just added, changed or deleted: fetch `GET /api/canned-replies` again. Nothing of the reply
 * itself goes with it.
 */
export const CannedChanged = z.object({});
export type CannedChanged = z.infer<typeof CannedChanged>;

const CannedFields = {
  shortcut: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,40}$/, 'letters, digits and dashes, at most 40'),
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(5000).superRefine(knownPlaceholdersOnly(CANNED_VARIABLES)),
};

export const CannedReplyCreate = z
  .strictObject({ ...CannedFields, scope: CannedScope, teamId: Id.optional() })
  .refine(
    (c) => (c.scope === 'team') === (c.teamId !== undefined),
    'a team reply names its team; others none',
  );
export type CannedReplyCreate = z.infer<typeof CannedReplyCreate>;

export const CannedReplyUpdate = z
  .strictObject(CannedFields)
  .partial()
  .refine((u) => Object.keys(u).length > 0, 'change at least one field');
export type CannedReplyUpdate = z.infer<typeof CannedReplyUpdate>;

const CannedParams = z.strictObject({ cannedReplyId: Id });

export const cannedReplyEndpoints = {
  listCannedReplies: {
    method: 'GET',
    path: '/api/canned-replies',
    auth: 'staff',
    response: z.array(CannedReply),
  },
  createCannedReply: {
    method: 'POST',
    path: '/api/canned-replies',
    auth: 'staff',
    body: CannedReplyCreate,
    response: CannedReply,
  },
  updateCannedReply: {
    method: 'POST',
    path: '/api/canned-replies/:cannedReplyId',
    auth: 'staff',
    params: CannedParams,
    body: CannedReplyUpdate,
    response: CannedReply,
  },
  deleteCannedReply: {
    method: 'POST',
    path: '/api/canned-replies/:cannedReplyId/delete',
    auth: 'staff',
    params: CannedParams,
    body: Empty,
    response: Empty,
  },
} as const satisfies Record<string, EndpointSpec>;
