/**
 * What the conversation lists cost the server's thread on a store with a year of history (200,000
 * chats), against the same lists on a store holding only a week of it (the baseline: what a page
 * costs when there is little history). A list should cost what its page holds; the ratio shows
 * how far the history weighs. The lists a workbench asks for on every reconnect (its queue, its
 * left messages, its agent's open chats), everything an agent may see, an admin's queue, a team's
 * history. Not a test: `npm run bench` runs it (BENCH_QUICK=1: a smaller store, fewer rounds).
 * Medians over rounds, alternating the stores.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  type ConversationFilter,
  listConversations,
  type StaffScope,
} from '../../src/store/conversations.js';
import { openSqlite } from '../../src/store/open-sqlite.js';
import { HISTORY, QUICK, seedYearAndWeek } from '../reports/seed-history.js';
import { median } from '../stats.js';

const RESULTS_FILE = fileURLToPath(new URL('../../bench-results/lists.json', import.meta.url));
const ROUNDS = QUICK ? 3 : 7;
const PAGE = 100;

type Case = [label: string, scope: (ids: Ids) => StaffScope, filter: (ids: Ids) => ConversationFilter];
interface Ids {
  team: string;
  agent: string;
}

const CASES: Case[] = [
  ["an agent's queue", (i) => agentOf(i), () => ({ limit: PAGE, status: 'queued' })],
  ["an agent's left messages", (i) => agentOf(i), () => ({ limit: PAGE, status: 'offline' })],
  [
    "an agent's open chats",
    (i) => agentOf(i),
    (i) => ({ limit: PAGE, status: 'assigned', assignee: { kind: 'user', id: i.agent } }),
  ],
  ['everything an agent may see', (i) => agentOf(i), () => ({ limit: PAGE })],
  ['resolved, as an agent', (i) => agentOf(i), () => ({ limit: PAGE, status: 'resolved' })],
  ["an admin's queue", () => ({ kind: 'all' }), () => ({ limit: PAGE, status: 'queued' })],
  ["an admin's list of a team", () => ({ kind: 'all' }), (i) => ({ limit: PAGE, teamId: i.team })],
];

function agentOf(ids: Ids): StaffScope {
  return { kind: 'teams', userId: ids.agent, teamIds: [ids.team] };
}

async function timeLists(file: string, rounds: number): Promise<number[][]> {
  const { db, close } = openSqlite(file, 'normal');
  try {
    const team = (await db.selectFrom('teams').select('id').executeTakeFirstOrThrow()).id;
    const agent = (
      await db.selectFrom('users').select('id').where('role', '=', 'agent').executeTakeFirstOrThrow()
    ).id;
    const ids = { team, agent };
    const all: number[][] = [];
    for (const [, scope, filter] of CASES) {
      const times: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const started = performance.now();
        await listConversations(db, scope(ids), filter(ids));
        times.push(performance.now() - started);
      }
      all.push(times);
    }
    return all;
  } finally {
    await close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-lists-bench-'));
  try {
    const { yearFile, weekFile } = await seedYearAndWeek(dir);
    await timeLists(yearFile, 1);
    await timeLists(weekFile, 1);
    const year: number[][] = CASES.map(() => []);
    const week: number[][] = CASES.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [yearFile, weekFile] : [weekFile, yearFile];
      for (const file of order) {
        const times = await timeLists(file, 3);
        for (const [i, t] of times.entries()) (file === yearFile ? year : week)[i]?.push(...t);
      }
    }
    const rows = CASES.map(([label], i) => ({
      label,
      yearMs: median(year[i] ?? []),
      weekMs: median(week[i] ?? []),
    }));
    process.stdout.write(
      [
        `Conversation lists, a page of ${PAGE} (medians of ${ROUNDS * 3} runs):`,
        `  list                            a week (baseline)   ${HISTORY.days} days of history   ratio`,
        ...rows.map(
          (r) =>
            `  ${r.label.padEnd(30)}  ${r.weekMs.toFixed(2).padStart(9)} ms   ${r.yearMs.toFixed(2).padStart(12)} ms   ${(r.yearMs / r.weekMs).toFixed(2)}`,
        ),
        '',
      ].join('\n'),
    );
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(
      RESULTS_FILE,
      `${JSON.stringify({ days: HISTORY.days, perDay: HISTORY.perDay, rows, year, week }, null, 2)}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
