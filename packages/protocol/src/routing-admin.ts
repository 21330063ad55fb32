import { z } from 'zod';
import { BOT_VARIABLES, knownPlaceholdersOnly } from './canned-placeholders.js';
import { isIP } from './ip.js';
import { Id, Timestamp } from './primitives.js';

/** A condition over the visitor's attributes. Evaluated by a small matcher, never by eval. */
export const RuleCondition = z
  .strictObject({
    field: z.union([
      z.enum(['pageUrl', 'language', 'tags', 'vip']),
      z.string().regex(/^custom\.[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'custom.<key>'),
    ]),
    op: z.enum(['equals', 'notEquals', 'contains', 'startsWith', 'in', 'exists']),
    value: z
      .union([z.string().max(500), z.number().finite(), z.boolean(), z.array(z.string().max(200)).max(50)])
      .optional(),
  })
  .superRefine((condition, ctx) => {
    if (condition.op === 'exists') return;
    if (condition.value === undefined)
      ctx.addIssue({ code: 'custom', message: `"${condition.op}" needs a value` });
    if (condition.op === 'in' && !Array.isArray(condition.value)) {
      ctx.addIssue({ code: 'custom', message: '"in" needs a list of values' });
    }
    if (
      (condition.op === 'contains' || condition.op === 'startsWith') &&
      typeof condition.value !== 'string'
    ) {
      ctx.addIssue({ code: 'custom', message: `"${condition.op}" needs a text value` });
    }
  });
export type RuleCondition = z.infer<typeof RuleCondition>;

const RuleFields = {
  name: z.string().trim().min(1).max(100),
  /** All conditions must hold. */
  conditions: z.array(RuleCondition).min(1).max(20),
  teamId: Id,
  priority: z.enum(['normal', 'vip']).default('normal'),
  /** How much of an agent's capacity a matching chat takes (a demanding queue may weigh 2 or 3). */
  weight: z.number().int().min(1).max(5).default(1),
};

export const RoutingRule = z.object({ id: Id, ...RuleFields });
export type RoutingRule = z.infer<typeof RoutingRule>;

/** The whole ordered rule list; the first rule that matches wins, the widget's team catches the rest. */
export const RoutingRulesPut = z.strictObject({
  rules: z.array(z.strictObject({ id: Id.optional(), ...RuleFields })).max(200),
});
export type RoutingRulesPut = z.input<typeof RoutingRulesPut>;

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const Interval = z
  .strictObject({ from: Clock, to: Clock })
  .refine((i) => i.from < i.to, 'from must be before to');
const Day = z.array(Interval).max(6);

export const BusinessHours = z.strictObject({
  /** An IANA time zone such as Europe/Berlin or Asia/Shanghai. */
  timezone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone'),
  mon: Day.default([]),
  tue: Day.default([]),
  wed: Day.default([]),
  thu: Day.default([]),
  fri: Day.default([]),
  sat: Day.default([]),
  sun: Day.default([]),
});
export type BusinessHours = z.infer<typeof BusinessHours>;

export const TeamRoutingSettings = z.strictObject({
  mode: z.enum(['auto', 'offer']),
  offerTimeoutSeconds: z.number().int().min(5).max(600),
  /** After resolving, the agent is in wrap-up (not routed to) for this long; 0 = none. */
  wrapUpSeconds: z.number().int().min(0).max(3600),
  /** No first reply within this time → back to the front of the queue; 0 = off. */
  unansweredSeconds: z.number().int().min(0).max(3600),
  /** A returning visitor goes to their previous agent within this window; 0 = off. */
  affinityHours: z.number().int().min(0).max(720),
  /** A normal conversation waiting this long is served like a VIP one. */
  agingSeconds: z.number().int().min(10).max(3600),
  /**
   * A visitor still queued after this long is asked to leave a message instead: the chat becomes
   * `offline`; 0 = no limit. Absent (older clients) reads as 0.
   */
  maxQueueSeconds: z.number().int().min(0).max(86_400).default(0),
  /** null: always open. */
  businessHours: BusinessHours.nullable(),
  botEnabled: z.boolean(),
});
export type TeamRoutingSettings = z.infer<typeof TeamRoutingSettings>;

export const CapacitySet = z.strictObject({ capacity: z.number().int().min(0).max(50) });

export const BanCreate = z
  .strictObject({
    kind: z.enum(['visitor', 'ip']),
    /** A visitor id, or an IPv4/IPv6 address or CIDR range. */
    value: z.string().trim().min(1).max(64),
    reason: z.string().trim().min(1).max(500),
  })
  .superRefine((ban, ctx) => {
    const valid = ban.kind === 'visitor' ? Id.safeParse(ban.value).success : isIpOrRange(ban.value);
    if (!valid)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `not a valid ${ban.kind === 'visitor' ? 'visitor id' : 'IP address or range'}`,
      });
  });
export type BanCreate = z.infer<typeof BanCreate>;

export const Ban = z.object({
  id: Id,
  kind: z.enum(['visitor', 'ip']),
  value: z.string(),
  reason: z.string(),
  createdBy: Id,
  createdAt: Timestamp,
});
export type Ban = z.infer<typeof Ban>;

export const BotEntry = z.strictObject({
  keywords: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
  /** Plain text; may name the visitor (`BOT_VARIABLES`), filled as the bot answers. */
  answer: z.string().trim().min(1).max(2000).superRefine(knownPlaceholdersOnly(BOT_VARIABLES)),
});
export type BotEntry = z.infer<typeof BotEntry>;

export const BotEntriesPut = z.strictObject({ entries: z.array(BotEntry).max(200) });
export type BotEntriesPut = z.infer<typeof BotEntriesPut>;

function isIpOrRange(value: string): boolean {
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || address === undefined) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}
