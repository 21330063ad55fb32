import {
  ConversationStatus,
  DRILL_EXPORT_LIMIT,
  DRILL_LIMIT,
  type Report,
  type ReportConversations,
  type ReportDrillQuery,
  type ReportGroupBy,
  type ReportQuery,
  type ReportRow,
  tagReportKey,
  UNTAGGED_REPORT_KEY,
} from '@switchboard/protocol';
import type { z } from 'zod';
import type { Db } from '../../store/open-sqlite.js';
import {
  memberships,
  namesOf,
  type ReportConversation,
  type RoutingOutcome,
  reportConversations,
  routingOutcomes,
  type StatusChange,
  statusChanges,
} from '../../store/reports.js';
import { DomainError } from '../errors.js';
import { supervisedTeams } from '../policy.js';
import type { StaffPrincipal } from '../principal.js';
import { countTags } from '../tag-counts.js';
import { reportConversationsCsv, reportCsv } from './report-csv.js';
import { dayContaining, daysBetween, firstDayEndingAfter, type ZonedDay } from './zoned-days.js';

type Query = z.output<typeof ReportQuery>;
type DrillQuery = z.output<typeof ReportDrillQuery>;
type Presence = ReportRow['presenceSeconds'];

/** A stretch of one agent in one status. */
interface Interval {
  userId: string;
  status: keyof Presence;
  start: number;
  end: number;
}

const seconds = (from: string | null, to: string | null) =>
  from === null || to === null ? null : Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);

/** Reports over stored data: conversations, ratings and the agents' status log. */
export class ReportService {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  async report(viewer: StaffPrincipal, query: Query): Promise<Report> {
    const {
      teams,
      days,
      last,
      names,
      members,
      inScope,
      scopedAgents,
      conversations,
      fromIso,
      toIso,
      keyOf,
      keysOf,
    } = await this.#scope(viewer, query);
    const outcomes = (await routingOutcomes(this.db, fromIso, toIso)).filter(
      (o) => inScope(o.teamId) && (query.agentId === undefined || o.userId === query.agentId),
    );
    const agents = query.agentId === undefined ? scopedAgents : new Set([query.agentId]);
    if (teams === null && query.agentId === undefined) for (const id of names.users.keys()) agents.add(id);
    const changes = await statusChanges(this.db, [...agents], fromIso, toIso);
    const now = this.now();
    const pieces = byDay(toIntervals(changes, agents, Math.min(now, last.end)), days);

    const groups = new Map<string, Group>();
    const group = (key: string, label: string) => {
      const known = groups.get(key);
      if (known) return known;
      const fresh: Group = { label, conversations: [], intervals: [], outcomes: [] };
      groups.set(key, fresh);
      return fresh;
    };
    const tz = query.timezone;
    const by: ReportGroupBy = query.groupBy;
    // A quiet day is a row of zeros, not a gap: the chart's days stay evenly spaced and a CSV
    // shows that nothing happened. Days still to come are left out.
    if (by === 'day') for (const { day, start } of days) if (start <= now) group(day, day);
    const tagLabels = by === 'tag' ? spellings(conversations) : new Map<string, string>();
    /** A row's label: a tag as agents most often wrote it, a team's or agent's name, a day. */
    const label = (key: string) => (by === 'tag' ? (tagLabels.get(key) ?? key) : labelOf(by, key, names));
    for (const c of conversations) for (const key of keysOf(c)) group(key, label(key)).conversations.push(c);
    for (const o of outcomes) {
      const key = keyOf(o.at, o.teamId, o.userId);
      if (key !== null) group(key, label(key)).outcomes.push(o);
    }
    const teamsOf = new Map<string, string[]>();
    for (const m of members) {
      if (inScope(m.teamId)) teamsOf.set(m.userId, [...(teamsOf.get(m.userId) ?? []), m.teamId]);
    }
    for (const { day, interval } of pieces) {
      if (by === 'day') group(day, day).intervals.push(interval);
      else if (by === 'agent') group(interval.userId, label(interval.userId)).intervals.push(interval);
      else if (by === 'team') {
        for (const teamId of teamsOf.get(interval.userId) ?? []) {
          group(teamId, label(teamId)).intervals.push(interval);
        }
      }
    }
    const rows = [...groups.entries()].map(([key, g]) => figures(key, g.label, g)).sort(rowOrder(by));
    const total = figures('total', 'Total', {
      conversations,
      outcomes,
      intervals: pieces.map((piece) => piece.interval),
    });
    return { from: query.from, to: query.to, timezone: tz, groupBy: by, rows, total };
  }

  /** The report as CSV, one line per row and the total. */
  async reportCsv(viewer: StaffPrincipal, query: Query): Promise<string> {
    return reportCsv(await this.report(viewer, query));
  }

  /** A row's conversations as CSV, up to the export's limit. */
  async conversationsCsv(viewer: StaffPrincipal, query: DrillQuery): Promise<string> {
    return reportConversationsCsv(await this.conversations(viewer, query, DRILL_EXPORT_LIMIT));
  }

  /** The conversations one row of the same report counts (drill-down), newest first. */
  async conversations(
    viewer: StaffPrincipal,
    query: DrillQuery,
    limit = DRILL_LIMIT,
  ): Promise<ReportConversations> {
    const { names, conversations, keysOf } = await this.#scope(viewer, query);
    const matching = conversations
      .filter((c) => query.key === 'total' || keysOf(c).includes(query.key))
      .filter((c) =>
        query.filter === 'abandoned'
          ? c.abandoned
          : query.filter === 'lowCsat'
            ? c.rating !== null && c.rating <= 2
            : true,
      )
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const named = (id: string | null, from: Map<string, string>) =>
      id === null ? null : { id, name: from.get(id) ?? id };
    return {
      total: matching.length,
      items: matching.slice(0, limit).map((c) => ({
        id: c.id,
        createdAt: c.createdAt,
        status: ConversationStatus.catch('resolved').parse(c.status),
        visitorName: c.visitorName,
        team: named(c.teamId, names.teams),
        assignee: named(c.assigneeId, names.users),
        waitSeconds: seconds(c.createdAt, c.firstAssignedAt),
        firstResponseSeconds: seconds(c.createdAt, c.firstResponseAt),
        handleSeconds: seconds(c.firstAssignedAt, c.resolvedAt),
        csat: c.rating,
        abandoned: c.abandoned,
        leftMessage: c.leftMessage,
      })),
    };
  }

  /**
   * What the viewer may see of the query: the supervised teams, the days, the conversations opened
   * in them (by team, then agent), and each conversation's row key for the query's grouping.
   */
  async #scope(viewer: StaffPrincipal, query: Query) {
    const teams = supervisedTeams(viewer, query.teamId === undefined ? undefined : [query.teamId]);
    const days = daysBetween(query.from, query.to, query.timezone);
    const first = days[0];
    const last = days.at(-1);
    if (!first || !last) throw new DomainError('invalid-payload', 'No days in the range.');
    const [names, members] = await Promise.all([namesOf(this.db), memberships(this.db)]);
    if (query.teamId !== undefined && !names.teams.has(query.teamId)) {
      throw new DomainError('not-found', 'No such team.');
    }
    const inScope = (teamId: string | null) => teams === null || (teamId !== null && teams.includes(teamId));
    const scopedAgents = new Set(members.filter((m) => inScope(m.teamId)).map((m) => m.userId));
    if (
      query.agentId !== undefined &&
      !(teams === null ? names.users.has(query.agentId) : scopedAgents.has(query.agentId))
    ) {
      throw new DomainError('not-found', 'No such agent.');
    }
    const fromIso = new Date(first.start).toISOString();
    const toIso = new Date(last.end).toISOString();
    const conversations = (await reportConversations(this.db, fromIso, toIso)).filter(
      (c) => inScope(c.teamId) && (query.agentId === undefined || c.assigneeId === query.agentId),
    );
    const by = query.groupBy;
    /** The row something belongs to: the day it happened, its team, or its agent (no tag's). */
    const keyOf = (at: string, teamId: string | null, userId: string | null): string | null =>
      by === 'day'
        ? dayContaining(days, Date.parse(at))
        : by === 'team'
          ? teamId
          : by === 'agent'
            ? userId
            : null;
    /** The rows a conversation counts in: one, or per `tag` one for each of its tags. */
    const keysOf = (c: ReportConversation): string[] => {
      if (by !== 'tag') {
        const key = keyOf(c.createdAt, c.teamId, c.assigneeId);
        return key === null ? [] : [key];
      }
      return c.tags.length === 0 ? [UNTAGGED_REPORT_KEY] : [...new Set(c.tags.map(tagReportKey))];
    };
    return {
      teams,
      days,
      last,
      names,
      members,
      inScope,
      scopedAgents,
      conversations,
      fromIso,
      toIso,
      keyOf,
      keysOf,
    };
  }
}

/** Per tag row, the spelling agents used most. */
function spellings(conversations: readonly ReportConversation[]): Map<string, string> {
  const labels = new Map<string, string>([[UNTAGGED_REPORT_KEY, 'Untagged']]);
  for (const [key, { tag }] of countTags(conversations.map((c) => c.tags))) labels.set(key, tag);
  return labels;
}

/** Days in order; tags the most frequent first (untagged last); teams and agents by name. */
function rowOrder(by: ReportGroupBy): (a: ReportRow, b: ReportRow) => number {
  if (by === 'day') return (a, b) => a.key.localeCompare(b.key);
  if (by !== 'tag') return (a, b) => a.label.localeCompare(b.label);
  const last = (row: ReportRow) => (row.key === UNTAGGED_REPORT_KEY ? 1 : 0);
  return (a, b) => last(a) - last(b) || b.conversations - a.conversations || a.label.localeCompare(b.label);
}

function labelOf(by: ReportGroupBy, key: string, names: Awaited<ReturnType<typeof namesOf>>): string {
  if (by === 'team') return names.teams.get(key) ?? key;
  if (by === 'agent') return names.users.get(key) ?? key;
  return key;
}

const presenceKey = (status: string): keyof Presence =>
  status === 'online' ? 'online' : status === 'away' ? 'away' : status === 'wrap-up' ? 'wrapUp' : 'offline';

/** Each status change lasts until the agent's next one (or `until`). */
function toIntervals(changes: StatusChange[], agents: Set<string>, until: number): Interval[] {
  const intervals: Interval[] = [];
  changes.forEach((change, index) => {
    if (!agents.has(change.userId)) return;
    const next = changes[index + 1];
    const end = next && next.userId === change.userId ? Date.parse(next.at) : until;
    const start = Date.parse(change.at);
    if (end > start)
      intervals.push({ userId: change.userId, status: presenceKey(change.status), start, end });
  });
  return intervals;
}

/** Each interval cut at the days' bounds, with the day of each piece; what lies outside them goes. */
function byDay(intervals: Interval[], days: readonly ZonedDay[]): Array<{ day: string; interval: Interval }> {
  const pieces: Array<{ day: string; interval: Interval }> = [];
  for (const i of intervals) {
    for (let d = firstDayEndingAfter(days, i.start); d < days.length; d += 1) {
      const { day, start, end } = days[d] as ZonedDay;
      if (start >= i.end) break;
      const interval = { ...i, start: Math.max(i.start, start), end: Math.min(i.end, end) };
      if (interval.end > interval.start) pieces.push({ day, interval });
    }
  }
  return pieces;
}

function average(values: Array<number | null>) {
  const present = values.filter((v): v is number => v !== null);
  return {
    average: present.length === 0 ? null : round(present.reduce((a, b) => a + b, 0) / present.length),
    count: present.length,
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** What one row of a report is computed from. */
interface Group {
  label: string;
  conversations: ReportConversation[];
  intervals: Interval[];
  outcomes: RoutingOutcome[];
}

function figures(
  key: string,
  label: string,
  { conversations, intervals, outcomes }: Omit<Group, 'label'>,
): ReportRow {
  const count = (kind: RoutingOutcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  // A message left overnight and answered in the morning is no live chat's wait.
  const live = conversations.filter((c) => !c.leftMessage);
  const presenceSeconds: Presence = { online: 0, away: 0, wrapUp: 0, offline: 0 };
  for (const i of intervals)
    presenceSeconds[i.status] = round(presenceSeconds[i.status] + (i.end - i.start) / 1000);
  return {
    key,
    label,
    conversations: conversations.length,
    abandoned: conversations.filter((c) => c.abandoned).length,
    messagesLeft: conversations.length - live.length,
    firstResponseSeconds: average(live.map((c) => seconds(c.createdAt, c.firstResponseAt))),
    waitSeconds: average(live.map((c) => seconds(c.createdAt, c.firstAssignedAt))),
    handleSeconds: average(conversations.map((c) => seconds(c.firstAssignedAt, c.resolvedAt))),
    csat: average(conversations.map((c) => c.rating)),
    presenceSeconds,
    assignments: count('assigned'),
    offersDeclined: count('declined'),
    offersExpired: count('expired'),
  };
}
