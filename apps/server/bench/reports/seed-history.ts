import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { openSqlite, rawSqlite } from '../../src/store/open-sqlite.js';
import { seedDatabase } from '../seed.js';

const DAY_MS = 86_400_000;
const AGENTS = 50;

/** `BENCH_QUICK=1`: smaller stores and fewer rounds, for a quick look. */
export const QUICK = process.env.BENCH_QUICK === '1';

/**
 * The long history the reports, search, lists and retention benchmarks measure against: a year
 * of 550 chats a day (200,750 chats), ending on the same day in each.
 */
export const HISTORY = {
  days: QUICK ? 90 : 365,
  perDay: QUICK ? 200 : 550,
  end: Date.parse('2026-12-01T00:00:00Z'),
} as const;

/**
 * A store with `days` of history up to `end`: `perDay` resolved chats a day, each with its
 * visitor, events (opened, routed, assigned, resolved) and every fifth an offer let ring out, and
 * ten status changes a day per agent. The team, agents and widget as the delivery benchmark seeds
 * them; the history through prepared inserts in one transaction (a year is 200,000 chats).
 */
export async function seedHistory(file: string, end: number, days: number, perDay: number): Promise<void> {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const { widgetId, teamId, agentIds: agents } = await seedDatabase(file, AGENTS);
  const { db, close } = openSqlite(file, 'normal');
  try {
    const sqlite = rawSqlite(db);
    if (!sqlite) throw new Error('the reports benchmark needs SQLite');
    const visitor = sqlite.prepare(
      `INSERT INTO visitors (id, widget_id, external_id, name, email, verified, created_at)
       VALUES (?, ?, NULL, ?, NULL, 0, ?)`,
    );
    const conversation = sqlite.prepare(
      `INSERT INTO conversations (id, visitor_id, widget_id, team_id, status, assignee_id, attributes,
         last_seq, created_at, updated_at, assigned_at, resolved_at, resolved_by, priority, in_bot,
         routing_rule, queued_at, first_assigned_at, first_response_at)
       VALUES (?, ?, ?, ?, 'resolved', ?, '{}', 5, ?, ?, ?, ?, ?, 'normal', 0, NULL, NULL, ?, ?)`,
    );
    const event = sqlite.prepare(
      'INSERT INTO conversation_events (conversation_id, kind, actor_id, data, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const offer = sqlite.prepare(
      `INSERT INTO offers (id, conversation_id, user_id, created_at, expires_at, status, closed_at)
       VALUES (?, ?, ?, ?, ?, 'expired', ?)`,
    );
    const status = sqlite.prepare(
      "INSERT INTO agent_status_log (user_id, status, reason, at) VALUES (?, ?, 'manual', ?)",
    );
    const iso = (ms: number) => new Date(ms).toISOString();
    const start = end - days * DAY_MS;
    sqlite.transaction(() => {
      for (let d = 0; d < days; d++) {
        const dayStart = start + d * DAY_MS;
        for (let i = 0; i < perDay; i++) {
          const at = dayStart + Math.floor((i / perDay) * DAY_MS);
          const agent = agents[i % AGENTS] as string;
          const visitorId = randomUUID();
          const id = randomUUID();
          visitor.run(visitorId, widgetId, `Visitor ${i}`, iso(at));
          const [assigned, answered, resolved] = [at + 30_000, at + 60_000, at + 600_000];
          conversation.run(
            id,
            visitorId,
            widgetId,
            teamId,
            agent,
            iso(at),
            iso(resolved),
            iso(assigned),
            iso(resolved),
            agent,
            iso(assigned),
            iso(answered),
          );
          const decision = {
            chosen: agent,
            teamId,
            eligible: [],
            why: 'lowest load',
            rule: null,
            priority: 'normal',
          };
          event.run(id, 'opened', null, '{}', iso(at));
          event.run(id, 'routed', null, '{}', iso(at + 1_000));
          event.run(id, 'assigned', null, JSON.stringify({ decision, how: 'routed' }), iso(assigned));
          event.run(id, 'resolved', agent, '{}', iso(resolved));
          if (i % 5 === 0)
            offer.run(randomUUID(), id, agent, iso(at + 5_000), iso(at + 35_000), iso(at + 35_000));
        }
        for (const agent of agents) {
          for (let k = 0; k < 10; k++)
            status.run(agent, k % 2 ? 'away' : 'online', iso(dayStart + k * 3_600_000));
        }
      }
    })();
  } finally {
    await close();
  }
}

/**
 * The stores the year-against-week benchmarks compare, seeded in `dir`: a year of history and,
 * the baseline, a week of it ending on the same day.
 */
export async function seedYearAndWeek(dir: string): Promise<{ yearFile: string; weekFile: string }> {
  const yearFile = path.join(dir, 'year.db');
  const weekFile = path.join(dir, 'week.db');
  process.stderr.write(`[bench] seeding ${HISTORY.days} days × ${HISTORY.perDay} chats, and one week …\n`);
  await seedHistory(yearFile, HISTORY.end, HISTORY.days, HISTORY.perDay);
  await seedHistory(weekFile, HISTORY.end, 7, HISTORY.perDay);
  return { yearFile, weekFile };
}
