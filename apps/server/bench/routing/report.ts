import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { median } from '../stats.js';
import type { AssignerName } from './assigner.js';
import type { DrainFigures } from './drain.js';
import type { Population } from './seed.js';
import type { RoutingBenchSettings } from './settings.js';

interface Figure {
  label: string;
  of: (run: DrainFigures) => number;
  digits: number;
  /** Printed with an engine/naive ratio (times and rates; spreads are compared by eye). */
  ratio?: boolean;
}

const FIGURES = {
  drainSeconds: { label: 'time to drain the queue (s)', of: (r) => r.drainMs / 1000, digits: 2, ratio: true },
  left: { label: 'still waiting when the drain ended', of: (r) => r.left, digits: 0 },
  assignmentsPerSecond: {
    label: 'throughput (assignments/s)',
    of: (r) => r.assignmentsPerSecond,
    digits: 0,
    ratio: true,
  },
  assignerMsPerAssignment: {
    label: 'time in the assigner per assignment (ms)',
    of: (r) => r.assignerMsPerAssignment,
    digits: 3,
    ratio: true,
  },
  loginSeconds: {
    label: 'before the drain: agents log in, teams closed (s)',
    of: (r) => r.loginMs / 1000,
    digits: 2,
  },
  fillSeconds: {
    label: 'fill: teams open over the backlog (s)',
    of: (r) => r.fillMs / 1000,
    digits: 2,
    ratio: true,
  },
  fillAssignments: { label: 'fill: assignments', of: (r) => r.fillAssignments, digits: 0 },
  decisionP50Ms: { label: 'decision latency p50 (ms)', of: (r) => r.decisionMs.p50, digits: 3, ratio: true },
  decisionP99Ms: { label: 'decision latency p99 (ms)', of: (r) => r.decisionMs.p99, digits: 3, ratio: true },
  decisionMaxMs: { label: 'decision latency max (ms)', of: (r) => r.decisionMs.max, digits: 1, ratio: true },
  refillDecisionP50Ms: {
    label: 'decision latency after the fill p50 (ms)',
    of: (r) => r.refillDecisionMs.p50,
    digits: 3,
    ratio: true,
  },
  refillDecisionP99Ms: {
    label: 'decision latency after the fill p99 (ms)',
    of: (r) => r.refillDecisionMs.p99,
    digits: 3,
    ratio: true,
  },
  resolvedP50Ms: {
    label: 'resolved() call p50 (ms)',
    of: (r) => r.resolvedCallMs.p50,
    digits: 3,
    ratio: true,
  },
  resolvedP99Ms: {
    label: 'resolved() call p99 (ms)',
    of: (r) => r.resolvedCallMs.p99,
    digits: 3,
    ratio: true,
  },
  ticks: { label: 'ticks (periodic + forced by a stall)', of: (r) => r.ticks, digits: 0 },
  tickP50Ms: { label: 'tick p50 (ms)', of: (r) => r.tickMs.p50, digits: 2 },
  fillLoadRange: { label: 'at fill: load max − min (chats)', of: (r) => r.atFill.load.range, digits: 0 },
  fillLoadShareRange: {
    label: 'at fill: load/capacity max − min',
    of: (r) => r.atFill.loadShare.range,
    digits: 2,
  },
  fillIdleSeats: {
    label: 'at fill: free seats while their team waits',
    of: (r) => r.atFill.idleSeatsWithWorkWaiting,
    digits: 0,
  },
  endLoadShareRange: {
    label: 'queue empty: load/capacity max − min',
    of: (r) => r.atEnd.loadShare.range,
    digits: 2,
  },
  endLoadShareStddev: {
    label: 'queue empty: load/capacity stddev',
    of: (r) => r.atEnd.loadShare.stddev,
    digits: 3,
  },
  assignmentsRange: {
    label: 'assignments per agent max − min',
    of: (r) => r.atEnd.assignmentsPerAgent.range,
    digits: 0,
  },
  assignmentsStddev: {
    label: 'assignments per agent stddev',
    of: (r) => r.atEnd.assignmentsPerAgent.stddev,
    digits: 2,
  },
  perSeatRange: {
    label: 'assignments per seat max − min',
    of: (r) => r.atEnd.assignmentsPerSeat.range,
    digits: 2,
  },
  perSeatStddev: {
    label: 'assignments per seat stddev',
    of: (r) => r.atEnd.assignmentsPerSeat.stddev,
    digits: 3,
  },
  idleWhileWaiting: {
    label: 'resolves leaving a free seat while its team waits',
    of: (r) => r.idleWhileWaiting,
    digits: 0,
  },
  tickAssignments: { label: 'assignments only a tick made', of: (r) => r.tickAssignments, digits: 0 },
  positionUpdates: { label: 'queue position updates pushed', of: (r) => r.positionUpdates, digits: 0 },
  vipWaitMinutes: { label: 'simulated wait p50, VIP (min)', of: (r) => r.waitMinutesP50.vip, digits: 1 },
  normalWaitMinutes: {
    label: 'simulated wait p50, normal (min)',
    of: (r) => r.waitMinutesP50.normal,
    digits: 1,
  },
} satisfies Record<string, Figure>;
type FigureName = keyof typeof FIGURES;
type Medians = Record<FigureName, number>;

const SECTIONS: Array<{ title: string; figures: FigureName[] }> = [
  {
    title: 'Speed',
    figures: [
      'drainSeconds',
      'left',
      'assignmentsPerSecond',
      'assignerMsPerAssignment',
      'loginSeconds',
      'fillSeconds',
      'fillAssignments',
      'decisionP50Ms',
      'decisionP99Ms',
      'decisionMaxMs',
      'refillDecisionP50Ms',
      'refillDecisionP99Ms',
      'resolvedP50Ms',
      'resolvedP99Ms',
      'ticks',
      'tickP50Ms',
    ],
  },
  {
    title: 'Load spread',
    figures: [
      'fillLoadRange',
      'fillLoadShareRange',
      'fillIdleSeats',
      'endLoadShareRange',
      'endLoadShareStddev',
      'assignmentsRange',
      'assignmentsStddev',
      'perSeatRange',
      'perSeatStddev',
    ],
  },
  {
    title: 'Work conservation and queue',
    figures: [
      'idleWhileWaiting',
      'tickAssignments',
      'positionUpdates',
      'vipWaitMinutes',
      'normalWaitMinutes',
    ],
  },
];

export interface Summary {
  medians: Record<AssignerName, Medians>;
  /** engine / naive, for the figures marked `ratio`. */
  ratios: Partial<Record<FigureName, number>>;
  violations: number;
}

/** Medians over rounds of every figure, and the engine/naive ratios of the medians. */
export function summarize(runs: readonly DrainFigures[]): Summary {
  const mediansOf = (name: AssignerName) => {
    const own = runs.filter((run) => run.assigner === name);
    return Object.fromEntries(
      Object.entries(FIGURES).map(([key, figure]) => [key, median(own.map(figure.of))]),
    ) as Medians;
  };
  const medians = { naive: mediansOf('naive'), engine: mediansOf('engine') };
  const ratios: Partial<Record<FigureName, number>> = {};
  for (const [key, figure] of Object.entries(FIGURES) as Array<[FigureName, Figure]>) {
    if (figure.ratio) ratios[key] = medians.engine[key] / medians.naive[key];
  }
  return { medians, ratios, violations: runs.reduce((n, run) => n + run.violations.length, 0) };
}

const LABEL_WIDTH = 52;
const CELL_WIDTH = 14;

function row(label: string, cells: string[]): string {
  return `  ${label.padEnd(LABEL_WIDTH)}${cells.map((cell) => cell.padStart(CELL_WIDTH)).join('')}`;
}

export function formatReport(
  settings: RoutingBenchSettings,
  population: Population,
  runs: readonly DrainFigures[],
  summary: Summary,
): string {
  const { medians, ratios } = summary;
  const seats = population.agents.reduce((n, a) => n + a.capacity, 0);
  const twoTeams = population.agents.filter((a) => a.teamIds.length > 1).length;
  const vip = population.conversations.filter((c) => c.priority === 'vip').length;
  const lines = [
    '',
    `Routing drain: the real engine vs a plain round-robin dispatcher, same SQLite store (${settings.mode} mode)`,
    `${settings.conversations} queued conversations (${vip} VIP) over ${settings.teams} teams, ` +
      `${settings.agents} agents (capacity ${settings.minCapacity}–${settings.maxCapacity}, ${seats} seats, ` +
      `${twoTeams} in two teams); ${settings.rounds} round(s)` +
      (settings.rounds > 1 ? ', medians over rounds' : ''),
    '',
    row('', ['naive', 'engine', 'engine/naive']),
  ];
  // A drain stopped by the budget took at least that long: its median is a lower bound.
  const stopped = (name: AssignerName) => runs.some((run) => run.assigner === name && !run.drained);
  const bound = (name: AssignerName, key: FigureName) => (key === 'drainSeconds' && stopped(name) ? '≥' : '');
  for (const section of SECTIONS) {
    lines.push(section.title);
    for (const key of section.figures) {
      const figure: Figure = FIGURES[key];
      const ratio = ratios[key];
      const ratioBound = stopped('naive') ? '?' : bound('engine', key);
      lines.push(
        row(figure.label, [
          `${bound('naive', key)}${medians.naive[key].toFixed(figure.digits)}`,
          `${bound('engine', key)}${medians.engine[key].toFixed(figure.digits)}`,
          ratio === undefined ? '' : `${ratioBound}${ratio.toFixed(2)}×`,
        ]),
      );
    }
  }
  for (const name of ['naive', 'engine'] as const) {
    const own = runs.filter((run) => run.assigner === name);
    const undrained = own.filter((run) => !run.drained).length;
    if (undrained === 0) continue;
    lines.push(
      '',
      `NOT DRAINED: ${name} did not empty the queue within the ${settings.budgetMs / 1000} s budget in ` +
        `${undrained} of ${own.length} round(s). Its time to drain is a lower bound, its rates and latencies ` +
        'cover only the part it drained (the first, largest-queue part), and "queue empty" figures are taken at ' +
        'the budget. BENCH_BUDGET_SECONDS raises the budget.',
    );
  }
  lines.push(
    '',
    'How to read it:',
    '  Agents log in while every team is closed; the measured drain starts when the teams open over the',
    '  backlog (one routing pass per team with every agent eligible) and ends at the assignment that empties',
    '  the queue. Chats then end in simulated time (exponential handling times fixed by the seed, so both',
    '  assigners replay the same day); each end is resolved in the store, then the assigner refills the seat.',
    `  The server's ticker is modelled as a tick() every ${settings.tickMs} ms of wall time, plus one whenever`,
    '  chats wait with nothing left to resolve. Decision latency: from the start of the assigner call that made',
    '  an assignment (opening, resolved() or tick()), or from the previous assignment in that call, to its',
    '  announcement; it includes the routing pass and the write-through to SQLite. The naive dispatcher writes',
    '  one UPDATE per assignment; the engine also writes the decision record, the timeline and agent state.',
    '  Most decisions at a large backlog are made in the fill, where one pass places chat after chat; the',
    '  "after the fill" rows isolate the refills, where every decision pays for a whole routing pass.',
    '  Drain time includes the driver resolving each chat in the store (the same for both).',
    `  The backlog (${settings.conversations}) far exceeds the ${seats} seats, so the fill puts every seat to work whatever`,
    '  the policy: the spread at fill mirrors the capacities. The spread of assignments at the end shows how the',
    '  refills shared out the work (agents in low-demand teams run dry first, whatever the assigner).',
    '',
    `Invariants (capacity, team, single assignee, store agrees): ${
      summary.violations === 0 ? 'held in every run' : `${summary.violations} VIOLATION(S), see below`
    }`,
    '',
    'Per run:',
    ...runs.map(
      (run) =>
        `  round ${run.round + 1} ${run.assigner.padEnd(6)}  ${run.drained ? 'drained' : `NOT drained (${run.left} left)`}` +
        ` ${(run.drainMs / 1000).toFixed(2)} s` +
        `  ${run.assignmentsPerSecond.toFixed(0)}/s  decision p50 ${run.decisionMs.p50.toFixed(3)}` +
        ` p99 ${run.decisionMs.p99.toFixed(3)} max ${run.decisionMs.max.toFixed(1)} ms` +
        `  fill ${(run.fillMs / 1000).toFixed(2)} s  ticks ${run.ticks} (${run.stallTicks} forced)` +
        `  idle-while-waiting ${run.idleWhileWaiting}` +
        (run.violations.length > 0 ? `\n    violations: ${run.violations.join('; ')}` : ''),
    ),
    '',
  );
  return lines.join('\n');
}

export function writeResults(
  file: string,
  settings: RoutingBenchSettings,
  seedSeconds: number,
  runs: readonly DrainFigures[],
  summary: Summary,
): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const environment = {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    loadAverageAtEnd: loadavg(),
  };
  const body = { finishedAt: new Date().toISOString(), environment, settings, seedSeconds, summary, runs };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
}
