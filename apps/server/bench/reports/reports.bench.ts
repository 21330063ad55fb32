/**
 * What a supervisor's report costs: a week's report on a store holding a year of history, against
 * the same week's report on a store holding only that week (the baseline: what the week's own data
 * costs). A report should cost what its range holds, not what the store has gathered; the ratio
 * shows how far the history weighs. Also a quarter's report on the year, absolute, and what the
 * server's thread feels while it runs there or on the reports thread, against no report at all.
 * Not a test: `npm run bench` runs it (BENCH_QUICK=1: a smaller store, fewer rounds). Medians over
 * rounds, alternating the stores and the ways.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { StaffPrincipal } from '../../src/domain/principal.js';
import { ReportService } from '../../src/domain/reports/report-service.js';
import { openSqlite } from '../../src/store/open-sqlite.js';
import { max, median } from '../stats.js';
import { HISTORY, QUICK, seedYearAndWeek } from './seed-history.js';
import { type Felt, type Where, writesDuringReport } from './writes-during-report.js';

const RESULTS_FILE = fileURLToPath(new URL('../../bench-results/reports.json', import.meta.url));
const ROUNDS = QUICK ? 3 : 7;
const WEEK = { from: '2026-11-24', to: '2026-11-30' };
const QUARTER = { from: '2026-09-02', to: '2026-11-30' };

const ADMIN: StaffPrincipal = {
  kind: 'staff',
  userId: 'bench-admin',
  sessionId: 'bench-session',
  email: 'admin@bench.test',
  name: 'Bench admin',
  role: 'admin',
  teamIds: [],
};

async function timeReport(
  file: string,
  range: { from: string; to: string },
  rounds: number,
): Promise<number[]> {
  const { db, close } = openSqlite(file, 'normal');
  try {
    const reports = new ReportService(db, () => HISTORY.end);
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      await reports.report(ADMIN, {
        ...range,
        timezone: 'Europe/Berlin',
        groupBy: round % 2 ? 'agent' : 'day',
      });
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await close();
  }
}

const WHERE: readonly Where[] = ['none', 'server thread', 'report thread', 'export'];

/** Each way in turn, `rounds` times: what a message appended every millisecond meets. */
async function feltDuringQuarter(file: string, rounds: number): Promise<Record<Where, Felt[]>> {
  const felt: Record<Where, Felt[]> = { none: [], 'server thread': [], 'report thread': [], export: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? WHERE : [...WHERE].reverse();
    for (const where of order) {
      felt[where].push(await writesDuringReport(file, where, { admin: ADMIN, ...QUARTER, now: HISTORY.end }));
    }
  }
  return felt;
}

function feltLines(felt: Record<Where, Felt[]>): string[] {
  const stall = (where: Where) => median(felt[where].map((f) => f.loopStallMs));
  const append = (where: Where) => median(felt[where].map((f) => f.longestGapMs));
  // The worst run too: a WAL restart meeting the report's reads shows in one run of a few.
  const worst = (where: Where) => max(felt[where].map((f) => f.loopStallMs));
  const line = (label: string, where: Where) =>
    `  ${label} the event loop's longest stall ${stall(where).toFixed(1)} ms (${(stall(where) / stall('none')).toFixed(1)}× the baseline; worst run ${worst(where).toFixed(1)} ms), the longest gap between commits ${append(where).toFixed(1)} ms`;
  return [
    `While a quarter's report runs, a message appended every millisecond (medians of ${felt.none.length} runs):`,
    `  no report (baseline):          the event loop's longest stall ${stall('none').toFixed(1)} ms, the longest gap between commits ${append('none').toFixed(1)} ms`,
    line("on the server's thread:", 'server thread'),
    line('on the reports thread:', 'report thread'),
    line("its drill-down's CSV (every chat of the quarter) on the reports thread:", 'export'),
  ];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-reports-bench-'));
  try {
    const { yearFile, weekFile } = await seedYearAndWeek(dir);
    // Warm both (statements, the page cache) before measuring.
    await timeReport(yearFile, WEEK, 1);
    await timeReport(weekFile, WEEK, 1);
    const year: number[] = [];
    const week: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [yearFile, weekFile] : [weekFile, yearFile];
      for (const file of order) (file === yearFile ? year : week).push(...(await timeReport(file, WEEK, 2)));
    }
    const quarter = await timeReport(yearFile, QUARTER, QUICK ? 2 : 4);
    const felt = await feltDuringQuarter(yearFile, QUICK ? 2 : 5);
    const summary = {
      historyDays: HISTORY.days,
      chatsPerDay: HISTORY.perDay,
      rounds: ROUNDS,
      weekOnYearMs: median(year),
      weekOnWeekMs: median(week),
      quarterOnYearMs: median(quarter),
    };
    const ratio = summary.weekOnYearMs / summary.weekOnWeekMs;
    process.stdout.write(
      [
        `A week's report (${HISTORY.perDay} chats a day, 50 agents; medians of ${year.length} runs, by day and by agent):`,
        `  on a store with only that week (baseline): ${summary.weekOnWeekMs.toFixed(1)} ms`,
        `  on a store with ${HISTORY.days} days of history:      ${summary.weekOnYearMs.toFixed(1)} ms`,
        `  ratio (history / baseline): ${ratio.toFixed(2)}`,
        `A quarter's report on the same history: ${summary.quarterOnYearMs.toFixed(0)} ms of computing`,
        ...feltLines(felt),
        '',
      ].join('\n'),
    );
    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(
      RESULTS_FILE,
      `${JSON.stringify({ ...summary, ratio, year, week, quarter, felt }, null, 2)}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
