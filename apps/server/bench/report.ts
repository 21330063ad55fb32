import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { RunFigures } from './run.js';
import type { BenchSettings } from './settings.js';
import { median } from './stats.js';
import type { TargetName } from './targets.js';

/** The issue's target: the full server's p99 at most this many times the bare relay's. */
const P99_RATIO_LIMIT = 2;

const FIGURES = [
  'p50Ms',
  'p99Ms',
  'maxMs',
  'sent',
  'received',
  'lost',
  'duplicates',
  'acked',
  'rssPerSocketKb',
  'heapPerSocketKb',
  'serverCpuPerMessageMs',
  'serverCpuShare',
  'serverRunQueueShare',
  'sendLagP99Ms',
  'clientLoopDelayP99Ms',
  'setupSeconds',
] as const satisfies ReadonlyArray<keyof RunFigures>;
type Figure = (typeof FIGURES)[number];
type Medians = Record<Figure, number>;

export interface Summary {
  medians: Record<TargetName, Medians>;
  ratios: {
    p50: number;
    p99: number;
    rssPerSocket: number;
    heapPerSocket: number;
    serverCpuPerMessage: number;
  };
  /** `lost` and `unacked` are summed over the full server's rounds: zero loss means in every round. */
  target: { p99RatioLimit: number; p99Ratio: number; lost: number; unacked: number; met: boolean };
}

/** Medians over rounds of every figure, the full/relay ratios, and the verdict. */
export function summarize(runs: readonly RunFigures[]): Summary {
  const mediansOf = (target: TargetName) => {
    const own = runs.filter((run) => run.target === target);
    return Object.fromEntries(FIGURES.map((f) => [f, median(own.map((run) => run[f]))])) as Medians;
  };
  const relay = mediansOf('relay');
  const full = mediansOf('full');
  const p99Ratio = full.p99Ms / relay.p99Ms;
  const fullRuns = runs.filter((run) => run.target === 'full');
  const lost = fullRuns.reduce((sum, run) => sum + run.lost, 0);
  const unacked = fullRuns.reduce((sum, run) => sum + run.sent - run.acked, 0);
  return {
    medians: { relay, full },
    ratios: {
      p50: full.p50Ms / relay.p50Ms,
      p99: p99Ratio,
      rssPerSocket: full.rssPerSocketKb / relay.rssPerSocketKb,
      heapPerSocket: full.heapPerSocketKb / relay.heapPerSocketKb,
      serverCpuPerMessage: full.serverCpuPerMessageMs / relay.serverCpuPerMessageMs,
    },
    target: {
      p99RatioLimit: P99_RATIO_LIMIT,
      p99Ratio,
      lost,
      unacked,
      met: p99Ratio <= P99_RATIO_LIMIT && lost === 0 && unacked === 0,
    },
  };
}

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
const LABEL_WIDTH = 14;
const MIN_COLUMN_WIDTH = 8;
/** A server using this share of a core (or more) is CPU-bound: its latencies are queueing. */
const SATURATED_CPU_SHARE = 0.9;
/** A server whose main thread waits this share of the time for a CPU is starved by other work. */
const STARVED_RUN_QUEUE_SHARE = 0.1;

function row(label: string, cells: string[]): string {
  const width = (i: number) => Math.max(MIN_COLUMN_WIDTH, COLUMNS[i]?.title.length ?? 0);
  return label.padEnd(LABEL_WIDTH) + cells.map((cell, i) => cell.padStart(width(i))).join('  ');
}

function figureRow(label: string, figures: Medians): string {
  return row(
    label,
    COLUMNS.map(({ figure, digits }) => figures[figure].toFixed(digits)),
  );
}

export function formatReport(settings: BenchSettings, runs: readonly RunFigures[], summary: Summary): string {
  const { medians, ratios, target } = summary;
  const lines = [
    '',
    `Delivery: visitor → agent through the full server vs a bare socket.io relay (${settings.mode} mode)`,
    `${settings.visitors} visitors, ${settings.agents} agents, ${settings.messagesPerSecond} msg/s for ` +
      `${settings.seconds} s, ${settings.rounds} round(s), drain ${settings.drainMs / 1000} s` +
      (settings.rounds > 1 ? '; medians over rounds' : ''),
    '',
    row(
      '',
      COLUMNS.map((c) => c.title),
    ),
    figureRow('bare relay', medians.relay),
    figureRow('full server', medians.full),
    row(
      'full / relay',
      COLUMNS.map(({ figure }) => {
        const ratio = RATIO_OF[figure];
        return ratio ? `${ratios[ratio].toFixed(2)}×` : '';
      }),
    ),
    '',
    `Target (p99 ≤ ${target.p99RatioLimit}× relay, zero loss): ${target.met ? 'MET' : 'NOT MET'} — ` +
      `p99 ${ratios.p99.toFixed(2)}× relay; over all full-server rounds ${target.lost} lost, ` +
      `${target.unacked} unacked`,
    ...(medians.full.serverCpuShare >= SATURATED_CPU_SHARE
      ? [
          `The full server was CPU-bound (${(100 * medians.full.serverCpuShare).toFixed(0)}% of a core at ` +
            `${medians.full.serverCpuPerMessageMs.toFixed(2)} ms CPU per message): it cannot sustain ` +
            `${settings.messagesPerSecond} msg/s here. Its latencies are mostly queueing delay, and ` +
            'messages neither acked nor delivered by the end of the drain were most likely still queued.',
        ]
      : []),
    ...(medians.full.serverRunQueueShare >= STARVED_RUN_QUEUE_SHARE
      ? [
          `The full server's main thread spent ${(100 * medians.full.serverRunQueueShare).toFixed(0)}% of the ` +
            'load waiting for a CPU: other work on this machine slowed it. Rerun on a quiet machine.',
        ]
      : []),
    '',
    'Per run (the load generator must keep up: send lag and client loop delay should stay small):',
    ...runs.map(
      (run) =>
        `  round ${run.round + 1} ${run.target.padEnd(5)}  p50 ${run.p50Ms.toFixed(2)}  p99 ${run.p99Ms.toFixed(2)}` +
        `  max ${run.maxMs.toFixed(1)} ms  lost ${run.lost}  acked ${run.acked}/${run.sent}` +
        `${Object.keys(run.ackErrors).length > 0 ? ` ack errors ${JSON.stringify(run.ackErrors)}` : ''}` +
        `  dup ${run.duplicates}  RSS/socket ${run.rssPerSocketKb.toFixed(1)} KB` +
        `  server CPU ${percent(run.serverCpuShare)} of a core, ${percent(run.serverRunQueueShare)} waiting for one` +
        `  send lag p99 ${run.sendLagP99Ms.toFixed(2)} ms  client loop p99 ${run.clientLoopDelayP99Ms.toFixed(2)} ms` +
        `  setup ${run.setupSeconds.toFixed(1)} s`,
    ),
    '',
  ];
  return lines.join('\n');
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

function percent(share: number): string {
  return Number.isNaN(share) ? 'n/a' : `${(100 * share).toFixed(0)}%`;
}
