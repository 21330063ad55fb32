import { z } from 'zod';
import { ConversationStatus } from './conversation.js';
import { Id, Timestamp } from './primitives.js';
import { BusinessHours } from './routing-admin.js';

const Day = z.iso.date();

/**
 * `tag`: one row per tag agents gave on resolving (in any case: `Refund` and `refund` are one row),
 * and one for the conversations without a tag (`UNTAGGED_REPORT_KEY`).
 */
export const ReportGroupBy = z.enum(['day', 'team', 'agent', 'tag']);
export type ReportGroupBy = z.infer<typeof ReportGroupBy>;

const ReportQueryFields = {
  /** First and last day (inclusive), `YYYY-MM-DD` in `timezone`. At most 366 days. */
  from: Day,
  to: Day,
  /** An IANA time zone for day boundaries; default UTC. */
  timezone: BusinessHours.shape.timezone.default('UTC'),
  groupBy: ReportGroupBy.default('day'),
  teamId: Id.optional(),
  agentId: Id.optional(),
};

const inRange = (q: { from: string; to: string }) => q.from <= q.to;
const atMostAYear = (q: { from: string; to: string }) =>
  (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < 366;
/** The range checks run only on two valid days: an unparsable day is reported once, as itself. */
const DayPair = z.object({ from: Day, to: Day });
const onValidDays = (message: string) => ({
  message,
  when: (payload: z.core.ParsePayload) => DayPair.safeParse(payload.value).success,
});

export const ReportQuery = z
  .strictObject(ReportQueryFields)
  .refine(inRange, onValidDays('from must not be after to'))
  .refine(atMostAYear, onValidDays('at most 366 days at a time'));
export type ReportQuery = z.input<typeof ReportQuery>;

const Average = z.object({
  /** Seconds (or the CSAT score), averaged over `count`; null when `count` is 0. */
  average: z.number().nonnegative().nullable(),
  count: z.number().int().nonnegative(),
});

/** One row of a report: a day, a team or an agent, over the query's days and filters. */
export const ReportRow = z.object({
  /**
   * The row's key: a day (`YYYY-MM-DD`), a team id, an agent id, or a tag's `tagReportKey` (or
   * `UNTAGGED_REPORT_KEY`), per `groupBy`.
   */
  key: z.string(),
  /** The team's or agent's name; the day again for `day` rows; the tag as agents most often wrote it. */
  label: z.string(),
  /** Conversations opened (by a visitor, or left as offline messages). */
  conversations: z.number().int().nonnegative(),
  /** Queued conversations closed before any agent was assigned. */
  abandoned: z.number().int().nonnegative(),
  /**
   * Of `conversations`, the messages left for the team (from the offline form, or by leaving the
   * queue): answered later, so not in the live chats' wait and first response. Absent from older
   * servers.
   */
  messagesLeft: z.number().int().nonnegative().optional(),
  /** Opening → the first visible agent reply; live chats only (not messages left). */
  firstResponseSeconds: Average,
  /** Opening → the first assignment; live chats only (not messages left). */
  waitSeconds: Average,
  /** First assignment → resolution. */
  handleSeconds: Average,
  /** Visitor ratings, 1 to 5. */
  csat: Average,
  /**
   * Fairness: chats given to agents in the row's days (routed, accepted, picked up, transferred to
   * an agent), counted when they were given, and the offers agents declined or let ring out.
   * These and `presenceSeconds` are agents' figures: 0 in `tag` rows (the total has them).
   */
  assignments: z.number().int().nonnegative(),
  offersDeclined: z.number().int().nonnegative(),
  offersExpired: z.number().int().nonnegative(),
  /** Seconds agents spent in each status during the row's days. */
  presenceSeconds: z.object({
    online: z.number().nonnegative(),
    away: z.number().nonnegative(),
    wrapUp: z.number().nonnegative(),
    offline: z.number().nonnegative(),
  }),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const Report = z.object({
  from: Day,
  to: Day,
  timezone: z.string(),
  groupBy: ReportGroupBy,
  rows: z.array(ReportRow),
  /** The same figures over every row. */
  total: ReportRow,
});
export type Report = z.infer<typeof Report>;

/** The CSV export's columns, in order (a header line first, RFC 4180 quoting). */
export const REPORT_CSV_COLUMNS = [
  'key',
  'label',
  'conversations',
  'abandoned',
  'messages_left',
  'first_response_avg_s',
  'first_response_count',
  'wait_avg_s',
  'wait_count',
  'handle_avg_s',
  'handle_count',
  'csat_avg',
  'csat_count',
  'online_s',
  'away_s',
  'wrap_up_s',
  'offline_s',
  'assignments',
  'offers_declined',
  'offers_expired',
] as const;

/** The conversations behind one row of a report (drill-down): the report's query and the row. */
export const ReportDrillQuery = z
  .strictObject({
    ...ReportQueryFields,
    /** A row's `key` from the report of the same query, or `total` for all of its rows. */
    key: z.string().min(1).max(64),
    /** `abandoned`: only those the row counts as abandoned; `lowCsat`: rated 1 or 2. */
    filter: z.enum(['all', 'abandoned', 'lowCsat']).default('all'),
  })
  .refine(inRange, onValidDays('from must not be after to'))
  .refine(atMostAYear, onValidDays('at most 366 days at a time'));
export type ReportDrillQuery = z.input<typeof ReportDrillQuery>;

/** DRILL_LIMIT newest first; `total` says how many matched. */
export const DRILL_LIMIT = 500;
/** The drill-down's CSV export carries up to this many, newest first. */
export const DRILL_EXPORT_LIMIT = 50_000;

/** The drill-down CSV's columns, in order (a header line first, RFC 4180 quoting). */
export const REPORT_CONVERSATION_CSV_COLUMNS = [
  'id',
  'created_at',
  'status',
  'visitor',
  'team',
  'agent',
  'wait_s',
  'first_response_s',
  'handle_s',
  'csat',
  'abandoned',
  'left_message',
] as const;

/** One conversation of a drill-down, with the times the report averages. */
export const ReportConversation = z.object({
  id: Id,
  createdAt: Timestamp,
  status: ConversationStatus,
  visitorName: z.string().nullable(),
  team: z.object({ id: Id, name: z.string() }).nullable(),
  assignee: z.object({ id: Id, name: z.string() }).nullable(),
  waitSeconds: z.number().nonnegative().nullable(),
  firstResponseSeconds: z.number().nonnegative().nullable(),
  handleSeconds: z.number().nonnegative().nullable(),
  csat: z.number().int().min(1).max(5).nullable(),
  abandoned: z.boolean(),
  /** A message left for the team rather than a live chat. Absent from older servers. */
  leftMessage: z.boolean().optional(),
});
export type ReportConversation = z.infer<typeof ReportConversation>;

export const ReportConversations = z.object({
  items: z.array(ReportConversation),
  /** How many matched (more than `items` when over DRILL_LIMIT). */
  total: z.number().int().nonnegative(),
});
export type ReportConversations = z.infer<typeof ReportConversations>;
