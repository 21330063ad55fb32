import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { RunFigures } from './run.js';
import type { BenchSettings } from './settings.js';
import type { Figure, Medians, Summary } from './summary.js';

const COLUMNS: Array<{ title: string; figure: Figure; digits: number }> = [
  { title: 'p50 ms', figure: 'p50Ms', digits: 2 },
  { title: 'p99 ms', figure: 'p99Ms', digits: 2 },
  { title: 'max ms', figure: 'maxMs', digits: 1 },
  { title: 'sent', figure: 'sent', digits: 0 },
  { title: 'received', figure: 'received', digits: 0 },
  { title: 'lost', figure: 'lost', digits: 0 },
  { title: 'acked', figure: 'acked', digits: 0 },
  { title: 'RSS/socket KB', figure: 'rssPerSocketKb', digits: 1 },
  { title: 'heap/socket KB', figure: 'heapPerSocketKb', digits: 1 },
  { title: 'server CPU ms/msg', figure: 'serverCpuPerMessageMs', digits: 3 },
];
const RATIO_OF: Partial<Record<Figure, keyof Summary['ratios']>> = {
  p50Ms: 'p50',
  p99Ms: 'p99',
  rssPerSocketKb: 'rssPerSocket',
  heapPerSocketKb: 'heapPerSocket',
  serverCpuPerMessageMs: 'serverCpuPerMessage',
};
/**
 * Growth per socket between two memory samples. Below zero it measured nothing: the process gave
 * back more (a GC, pages returned) than the sockets took, as happens with few sockets (BENCH_QUICK).
 */
const MEMORY_FIGURES: ReadonlySet<Figure> = new Set(['rssPerSocketKb', 'heapPerSocketKb']);
const LABEL_WIDTH = 14;
const MIN_COLUMN_WIDTH = 8;
/** A main thread busy or waiting for a CPU this share of the load was never idle: it had a backlog. */
const BACKLOG_SHARE = 0.9;
/** A main thread waiting this share of the load for a CPU was slowed by other work on the machine. */
const STARVED_SHARE = 0.1;
/** Sends this late against the timetable mean the load generator itself was held up. */
const GENERATOR_LAG_LIMIT_MS = 20;

export function formatReport(settings: BenchSettings, runs: readonly RunFigures[], summary: Summary): string {
  return [
    '',
    `Delivery: visitor → agent through the full server vs a bare socket.io relay (${settings.mode} mode)`,
    `${settings.visitors} visitors, ${settings.agents} agents, ${settings.messagesPerSecond} msg/s for ` +
      `${settings.seconds} s, ${settings.rounds} round(s), drain ${settings.drainMs / 1000} s` +
      (settings.rounds > 1 ? '; medians over rounds' : ''),
    '',
    ...table(summary),
    '',
    ...verdict(summary),
    ...generatorWarning(runs),
    '',
    'Per run (the load generator must keep up: send lag and client loop delay should stay small):',
    ...runs.map(perRun),
    '',
  ].join('\n');
}

function table({ medians, ratios }: Summary): string[] {
  const width = (i: number) => Math.max(MIN_COLUMN_WIDTH, COLUMNS[i]?.title.length ?? 0);
  const row = (label: string, cells: string[]) =>
    label.padEnd(LABEL_WIDTH) + cells.map((cell, i) => cell.padStart(width(i))).join('  ');
  const figures = (label: string, of: Medians) =>
    row(
      label,
      COLUMNS.map(({ figure, digits }) =>
        MEMORY_FIGURES.has(figure) ? memoryKb(of[figure], digits) : of[figure].toFixed(digits),
      ),
    );
  return [
    row(
      '',
      COLUMNS.map((c) => c.title),
    ),
    figures('bare relay', medians.relay),
    figures('full server', medians.full),
    row(
      'full / relay',
      COLUMNS.map(({ figure }) => {
        const ratio = RATIO_OF[figure];
        if (!ratio) return '';
        const measured =
          !MEMORY_FIGURES.has(figure) || (medians.relay[figure] > 0 && medians.full[figure] > 0);
        return measured ? `${ratios[ratio].toFixed(2)}×` : 'n/a';
      }),
    ),
  ];
}

/** The target's outcome, then what explains a miss, from figures the run measured. */
function verdict({ medians, ratios, target }: Summary): string[] {
  const full = medians.full;
  const [fastest, slowest] = target.relayP99RangeMs;
  const lines = [
    `Target (p99 ≤ ${target.p99RatioLimit}× relay, zero loss): ${target.outcome.toUpperCase()} — ` +
      `p99 ${ratios.p99.toFixed(2)}× relay; over all full-server rounds ${target.lost} lost, ` +
      `${target.unacked} unacked`,
  ];
  if (target.outcome === 'inconclusive' && target.relayRounds < target.minRelayRounds) {
    lines.push(
      `${target.relayRounds} relay round(s) cannot show whether the baseline held steady; a verdict ` +
        `takes at least ${target.minRelayRounds} (BENCH_ROUNDS).`,
    );
  } else if (target.outcome === 'inconclusive') {
    lines.push(
      `The relay's own p99 ranged from ${fastest.toFixed(2)} to ${slowest.toFixed(2)} ms over the rounds: the ` +
        'machine was too noisy for a ratio against it to mean anything. Run again when it is quieter.',
    );
  }
  // The main thread's own time where Linux reports it; otherwise the process's, all threads.
  const mainShare = Number.isNaN(full.serverMainThreadShare)
    ? full.serverCpuShare
    : full.serverMainThreadShare;
  if (mainShare + (full.serverRunQueueShare || 0) >= BACKLOG_SHARE) {
    lines.push(
      `The full server was never idle: its main thread was on a CPU ${percent(mainShare)} and ` +
        `waiting for one ${percent(full.serverRunQueueShare)} of the load, at ` +
        `${full.serverCpuPerMessageMs.toFixed(2)} ms CPU per message (relay ` +
        `${medians.relay.serverCpuPerMessageMs.toFixed(2)}). Its latencies are mostly queueing delay, and ` +
        'messages neither acked nor delivered by the end of the drain were most likely still queued.',
    );
  }
  lines.push(
    `Server main thread busy: full ${percent(mainShare)}, relay ${percent(medians.relay.serverMainThreadShare)} ` +
      `of the load; in GC pauses: full ${percent(full.serverGcPauseShare, 1)} (major ` +
      `${percent(full.serverMajorGcPauseShare, 1)}, longest ${full.serverLongestGcPauseMs.toFixed(1)} ms), relay ` +
      `${percent(medians.relay.serverGcPauseShare, 1)} (longest ${medians.relay.serverLongestGcPauseMs.toFixed(1)} ms). ` +
      'Every pause holds up the messages that arrive during it, and the backlog behind it drains only as fast as ' +
      `the idle share allows: of the slowest 1%, full ${percent(full.tailInGcShare)} and relay ` +
      `${percent(medians.relay.tailInGcShare)} were in flight during a GC pause.`,
  );
  if (full.serverRunQueueShare >= STARVED_SHARE) {
    lines.push(
      `The full server's main thread waited for a CPU ${percent(full.serverRunQueueShare)} of the load: the ` +
        `clients (${percent(full.clientCpuShare)} of a core) and other work here compete for it, so its ` +
        'figures overstate what it would do with a core of its own.',
    );
  }
  return lines;
}

function generatorWarning(runs: readonly RunFigures[]): string[] {
  const late = runs.filter((run) => run.sendLagP99Ms > GENERATOR_LAG_LIMIT_MS);
  if (late.length === 0) return [];
  const which = late.map((run) => `round ${run.round + 1} ${run.target} (${run.sendLagP99Ms.toFixed(0)} ms)`);
  return [
    `Unreliable: the load generator fell behind its timetable (send lag p99 over ${GENERATOR_LAG_LIMIT_MS} ms) ` +
      `in ${which.join(', ')}; the machine was too busy for those figures.`,
  ];
}

function perRun(run: RunFigures): string {
  const ackErrors =
    Object.keys(run.ackErrors).length > 0 ? `  ack errors ${JSON.stringify(run.ackErrors)}` : '';
  return (
    `  round ${run.round + 1} ${run.target.padEnd(5)}  p50 ${run.p50Ms.toFixed(2)}  p99 ${run.p99Ms.toFixed(2)}` +
    `  max ${run.maxMs.toFixed(1)} ms  slowest 1% in ${run.tailBursts} bursts (largest ${run.tailLargestBurst},` +
    ` ${percent(run.tailInGcShare)} during a GC pause)` +
    `  lost ${run.lost}  acked ${run.acked}/${run.sent}${ackErrors}` +
    `  dup ${run.duplicates}  RSS/socket ${memoryKb(run.rssPerSocketKb, 1)} KB` +
    `  server CPU ${percent(run.serverCpuShare)} of a core (main thread ${percent(run.serverMainThreadShare)}),` +
    ` ${percent(run.serverRunQueueShare)} waiting for one` +
    `  GC pauses ${percent(run.serverGcPauseShare, 1)} (major ${percent(run.serverMajorGcPauseShare, 1)},` +
    ` longest ${run.serverLongestGcPauseMs.toFixed(1)} ms)` +
    `  send lag p99 ${run.sendLagP99Ms.toFixed(2)} ms  client loop p99 ${run.clientLoopDelayP99Ms.toFixed(2)} ms` +
    `  clients ${percent(run.clientCpuShare)} of a core  setup ${run.setupSeconds.toFixed(1)} s`
  );
}

export function writeResults(
  file: string,
  settings: BenchSettings,
  runs: readonly RunFigures[],
  summary: Summary,
): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const environment = {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    loadAverageAtEnd: loadavg(),
  };
  const body = { finishedAt: new Date().toISOString(), environment, settings, summary, runs };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
}

function percent(share: number, digits = 0): string {
  return Number.isNaN(share) ? 'n/a' : `${(100 * share).toFixed(digits)}%`;
}

function memoryKb(kb: number, digits: number): string {
  return kb > 0 ? kb.toFixed(digits) : 'n/a';
}
