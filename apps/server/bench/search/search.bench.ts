/**
 * What a message search costs the server's thread on a year of history (200,000 chats, a million
 * messages): the search as the server runs it (the best of the newest matches the caller may
 * read) against the same search ranking every match (the baseline, as before), for a common word,
 * two words, a word typed in part, a rare word, as an admin, as an agent of the team and as one of
 * a team with none of the matches; and the same within a month of ten months before (a period:
 * the baseline ranks every match and keeps the month's). Not a test: `npm run bench` runs it (BENCH_QUICK=1: a smaller
 * store, fewer rounds). Medians over rounds, alternating which goes first; absolute figures and
 * the ratio.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ftsQuery, type SearchPeriod } from '@switchboard/protocol';
import { sql } from 'kysely';
import { inScope, type StaffScope } from '../../src/store/conversations.js';
import type { Db } from '../../src/store/open-sqlite.js';
import { searchMessages } from '../../src/store/search.js';
import { openSearchReader } from '../../src/store/search-index.js';
import { HISTORY, QUICK, seedHistory } from '../reports/seed-history.js';
import { median } from '../stats.js';
import { seedMessages } from './seed-messages.js';

const RESULTS_FILE = fileURLToPath(new URL('../../bench-results/search.json', import.meta.url));
const ROUNDS = QUICK ? 3 : 7;
const PER_CONVERSATION = 5;
const QUERIES = ['order', 'refund payment', 'deliv', 'w1x'];
const LIMIT = 20;
const DAY = 86_400_000;
/** A month well inside the history: ten months before its end (two of the quick store's three). */
const MONTH_FROM = HISTORY.end - Math.round(HISTORY.days * 0.8) * DAY;
const MONTH: SearchPeriod = {
  from: new Date(MONTH_FROM).toISOString(),
  to: new Date(MONTH_FROM + 30 * DAY).toISOString(),
};

/**
 * The search before it was bounded: every match ranked, the best `limit` in scope (and in the
 * period, read from each match's time).
 */
async function rankingEveryMatch(
  search: Db,
  scope: StaffScope,
  text: string,
  limit: number,
  period: SearchPeriod,
) {
  const match = ftsQuery(text);
  if (match === null) return [];
  const from = period.from ?? '';
  const to = period.to ?? '9';
  const result = await sql`
    SELECT m.conversation_id, m.seq, m.created_at, v.name AS visitor_name,
           snippet(messages_fts, 0, '', '', '…', 16) AS snippet
    FROM search.messages_fts
    JOIN messages m ON m.id = messages_fts.rowid
    JOIN conversations c ON c.id = m.conversation_id
    JOIN visitors v ON v.id = c.visitor_id
    WHERE messages_fts MATCH ${match} AND ${inScope(scope)} AND m.created_at >= ${from} AND m.created_at < ${to}
    ORDER BY messages_fts.rank
    LIMIT ${limit}`.execute(search);
  return result.rows;
}

async function timed(run: () => Promise<unknown[]>): Promise<{ ms: number; hits: number }> {
  const started = performance.now();
  const hits = (await run()).length;
  return { ms: performance.now() - started, hits };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-search-bench-'));
  try {
    const file = path.join(dir, 'year.db');
    process.stderr.write(
      `[bench] seeding ${HISTORY.days} days × ${HISTORY.perDay} chats, ${PER_CONVERSATION} messages each …\n`,
    );
    await seedHistory(file, HISTORY.end, HISTORY.days, HISTORY.perDay);
    const messages = await seedMessages(file, PER_CONVERSATION);
    const reader = openSearchReader(file);
    try {
      const team = await reader.db.selectFrom('teams').select('id').executeTakeFirstOrThrow();
      const agent = await reader.db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'agent')
        .executeTakeFirstOrThrow();
      const scopes: Array<[string, StaffScope]> = [
        ['admin', { kind: 'all' }],
        ['agent', { kind: 'teams', userId: agent.id, teamIds: [team.id] }],
        // None of the matches is theirs: the search walks as far back as it goes.
        ['other', { kind: 'teams', userId: agent.id, teamIds: [randomUUID()] }],
      ];
      const rows: Array<Record<string, unknown>> = [];
      const lines = [
        `A message search on ${messages.toLocaleString('en')} messages (${HISTORY.days} days × ${HISTORY.perDay} chats), ${LIMIT} hits, medians of ${ROUNDS} runs:`,
        '  search                    as      period   every match ranked (baseline)   the newest ranked   ratio',
      ];
      const cases = scopes.flatMap(([who, scope]) => [
        ...QUERIES.map((q) => ({ who, scope, q, period: {} as SearchPeriod, label: 'any' })),
        ...(who === 'other'
          ? []
          : QUERIES.slice(0, 2).map((q) => ({ who, scope, q, period: MONTH, label: 'month' }))),
      ]);
      for (const { who, scope, q, period, label } of cases) {
        const bounded = () => searchMessages(reader.db, scope, q, LIMIT, period);
        const every = () => rankingEveryMatch(reader.db, scope, q, LIMIT, period);
        await bounded();
        await every();
        const newest: number[] = [];
        const all: number[] = [];
        let hits = 0;
        for (let round = 0; round < ROUNDS; round++) {
          const order = round % 2 === 0 ? [bounded, every] : [every, bounded];
          for (const run of order) {
            const figures = await timed(run);
            (run === bounded ? newest : all).push(figures.ms);
            if (run === bounded) hits = figures.hits;
          }
        }
        const row = {
          query: q,
          as: who,
          period,
          hits,
          everyMatchMs: median(all),
          newestMs: median(newest),
        };
        rows.push({ ...row, all, newest });
        lines.push(
          `  ${JSON.stringify(q).padEnd(24)}  ${who.padEnd(6)}  ${label.padEnd(6)}  ${row.everyMatchMs.toFixed(1).padStart(10)} ms${' '.repeat(19)}${row.newestMs.toFixed(1).padStart(8)} ms   ${(row.newestMs / row.everyMatchMs).toFixed(2)}`,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
      writeFileSync(RESULTS_FILE, `${JSON.stringify({ messages, rounds: ROUNDS, rows }, null, 2)}\n`);
    } finally {
      await reader.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
