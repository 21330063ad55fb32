import { z } from 'zod';
import { Role } from './auth.js';
import { VisitorAttributes } from './conversation.js';
import { Email, Id, Timestamp } from './primitives.js';
import { RuleCondition } from './routing-admin.js';
import { PageTracking } from './visited-page.js';
import { WidgetSettings } from './widget.js';

// ---- users -----------------------------------------------------------------------------------

/** A staff account as the admin area shows it. */
export const AdminUser = z.object({
  id: Id,
  email: Email,
  name: z.string(),
  role: Role,
  teamIds: z.array(Id),
  /** The most load (sum of chat weights) the user carries at once. */
  capacity: z.number().int().nonnegative(),
  /** False once deactivated: no login, no sessions, no routing. */
  active: z.boolean(),
  createdAt: Timestamp,
});
export type AdminUser = z.infer<typeof AdminUser>;

const Name = z.string().trim().min(1).max(120);
const TeamIds = z
  .array(Id)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'team ids are unique');
const Capacity = z.number().int().min(0).max(50);

export const UserCreate = z.strictObject({
  email: Email,
  name: Name,
  role: Role,
  teamIds: TeamIds.default([]),
  capacity: Capacity.default(3),
  /** Omit to invite: the server makes a one-time password and answers it once. */
  password: z.string().min(10, 'at least 10 characters').max(1024).optional(),
});
export type UserCreate = z.input<typeof UserCreate>;

export const UserInvite = z.object({
  user: AdminUser,
  /** The generated password when none was given (shown once, never stored in clear); else null. */
  initialPassword: z.string().nullable(),
});
export type UserInvite = z.infer<typeof UserInvite>;

/** Only the given fields change. A role change ends the user's sessions. */
export const UserUpdate = z
  .strictObject({ name: Name, role: Role, teamIds: TeamIds, capacity: Capacity })
  .partial()
  .refine((u) => Object.keys(u).length > 0, 'change at least one field');
export type UserUpdate = z.infer<typeof UserUpdate>;

// ---- teams -----------------------------------------------------------------------------------

/** A new team starts with the default routing settings (`POST /api/teams/:teamId/routing` changes them). */
export const TeamCreate = z.strictObject({ name: Name });
export type TeamCreate = z.infer<typeof TeamCreate>;

export const TeamRename = z.strictObject({ name: Name });
export type TeamRename = z.infer<typeof TeamRename>;

// ---- routing rule tester ---------------------------------------------------------------------

export const RuleTestRequest = z.strictObject({
  conditions: z.array(RuleCondition).min(1).max(20),
  attributes: VisitorAttributes,
  /** Test as a visitor with a signed identity (`vip` is believed only then). */
  verified: z.boolean().default(false),
});
export type RuleTestRequest = z.input<typeof RuleTestRequest>;

export const RuleTestResult = z.object({
  /** Every condition holds. */
  matches: z.boolean(),
  /** Per condition, in order. */
  conditions: z.array(z.object({ holds: z.boolean() })),
  /** The saved rule that would place these attributes now; null: the widget's team. */
  savedRule: z.object({ id: Id, name: z.string() }).nullable(),
});
export type RuleTestResult = z.infer<typeof RuleTestResult>;

// ---- widgets ---------------------------------------------------------------------------------

export const IdentityMode = z.enum(['optional', 'enforce']);
export type IdentityMode = z.infer<typeof IdentityMode>;

/** A widget as admins configure it. The identity secret is shown only when rotated. */
export const AdminWidget = z.object({
  id: Id,
  name: z.string(),
  teamId: Id.nullable(),
  /** Origins (`https://shop.example`) whose pages may use the widget. */
  allowedOrigins: z.array(z.string()),
  /** `enforce`: only visitors with a signed identity (HMAC of the user id with the secret). */
  identityMode: IdentityMode,
  settings: WidgetSettings,
  /** What is recorded of the pages visitors go to while chatting. Absent from older servers. */
  pageTracking: PageTracking.default('full'),
  /** Staff see what visitors type before they send it (`VisitorTypingSet.preview`). Absent from older servers. */
  typingPreview: z.boolean().default(false),
});
export type AdminWidget = z.infer<typeof AdminWidget>;

/**
 * An origin as browsers send it in the Origin header: lower case, without the scheme's default
 * port or a trailing slash (`https://Shop.example:443/` is kept as `https://shop.example`).
 */
const Origin = z
  .url({ protocol: /^https?$/, normalize: true })
  .max(2048)
  .refine((href) => /^https?:\/\/[^/?#@\s]+\/$/.test(href), 'an origin: scheme://host[:port], no path')
  .transform((href) => href.slice(0, -1));

export const WidgetUpdate = z
  .strictObject({
    name: Name,
    teamId: Id.nullable(),
    allowedOrigins: z.array(Origin).max(50),
    identityMode: IdentityMode,
    settings: WidgetSettings,
    pageTracking: PageTracking,
    typingPreview: z.boolean(),
  })
  .partial()
  .refine((u) => Object.keys(u).length > 0, 'change at least one field');
export type WidgetUpdate = z.infer<typeof WidgetUpdate>;

/**
 * A new widget for a site. Its settings start as `DEFAULT_WIDGET_SETTINGS` and its identity secret
 * is made by the server; everything can be changed afterwards with `WidgetUpdate`.
 */
export const WidgetCreate = z.strictObject({
  name: Name,
  /** The team its visitors' chats go to (before any routing rule). */
  teamId: Id,
  /** At least one: a widget no page may use is of no use. */
  allowedOrigins: z.array(Origin).min(1).max(50),
  identityMode: IdentityMode.default('optional'),
  pageTracking: PageTracking.default('full'),
  typingPreview: z.boolean().default(false),
});
export type WidgetCreate = z.input<typeof WidgetCreate>;

export const WidgetCreated = z.object({
  widget: AdminWidget,
  /** The identity secret, answered this once (as after a rotation). */
  secret: z.string(),
});
export type WidgetCreated = z.infer<typeof WidgetCreated>;

export const WidgetSecret = z.object({
  /** The new identity secret. Sites must sign with it from now on; the old one stops working. */
  secret: z.string(),
});
export type WidgetSecret = z.infer<typeof WidgetSecret>;

// ---- email -------------------------------------------------------------------------------------

/** How this server emails answers to left messages (set in its config, not through the API). */
export const EmailStatus = z.object({
  /** Where emails go: `SMTP server host:port` or `.eml files in <directory>`; null: no email. */
  destination: z.string().nullable(),
  /** The sender the emails carry. */
  from: z.string(),
  /** How long after an answer it is emailed. */
  delaySeconds: z.number().int().nonnegative(),
  /**
   * The staff's files go with the email up to this many bytes in all; 0 attaches none (and is
   * what a server older than this field did).
   */
  attachmentMaxBytes: z.number().int().nonnegative().default(0),
  /**
   * Visitors' replies to the emails come back into their conversations (a mail gateway posts
   * them to `POST /api/email/inbound`); false, as from a server older than this field: they go to
   * the sender's mailbox only.
   */
  repliesReturn: z.boolean().default(false),
  /** Where visitors' replies go (`Reply-To`); null: to `from` (and from an older server). */
  replyTo: z.string().nullable().default(null),
});
export type EmailStatus = z.infer<typeof EmailStatus>;

/** A test email went out to the signed-in admin's own address. */
export const EmailTestResult = z.object({ to: z.string(), destination: z.string() });
export type EmailTestResult = z.infer<typeof EmailTestResult>;

// ---- audit log -------------------------------------------------------------------------------

/** Everything admins and supervisors do that the audit log records. */
export const AuditAction = z.enum([
  'ban.create',
  'ban.lift',
  'user.create',
  'user.update',
  'user.deactivate',
  'team.create',
  'team.update',
  'team.routing',
  'agent.capacity',
  'routing.rules',
  'bot.update',
  'canned.create',
  'canned.update',
  'canned.delete',
  'widget.create',
  'widget.update',
  'widget.secret',
  'conversation.monitor',
  'conversation.whisper',
  'conversation.barge',
  'conversation.takeover',
  'conversation.reassign',
  'conversation.end',
  'conversation.tags',
  'agent.status',
  'visitor.erase',
  'visitor.export',
  'retention.erase',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  action: AuditAction,
  actor: z.object({ id: Id, name: z.string() }).nullable(),
  /** What was acted on: a conversation, user, team, widget, ban, rule list or canned reply id. */
  targetId: z.string(),
  /** Action-specific details (a reason, the changed fields): display as text. */
  data: z.record(z.string(), z.unknown()),
  at: Timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  actorId: Id.optional(),
  action: AuditAction.optional(),
  targetId: z.string().max(100).optional(),
  /** Inclusive lower and exclusive upper bound on `at`. */
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditPage = z.object({
  /** Newest first. */
  items: z.array(AuditEntry),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;
