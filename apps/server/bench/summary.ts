import type { RunFigures } from './run.js';
import { median } from './stats.js';
import type { TargetName } from './targets.js';

/** The target: the full server's p99 at most this many times the bare relay's. */
const P99_RATIO_LIMIT = 2;
/**
 * A baseline whose p99 differs more than this between rounds says more about the machine than
 * about the relay: a ratio against it settles nothing either way.
 */
const BASELINE_SPREAD_LIMIT = 2;
/** Fewer relay rounds than this cannot show whether the baseline held steady: no verdict. */
const MIN_BASELINE_ROUNDS = 3;

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
  'serverMainThreadShare',
  'serverGcPauseShare',
  'serverMajorGcPauseShare',
  'serverLongestGcPauseMs',
  'tailInGcShare',
  'sendLagP99Ms',
  'clientLoopDelayP99Ms',
  'clientCpuShare',
  'setupSeconds',
] as const satisfies ReadonlyArray<keyof RunFigures>;
export type Figure = (typeof FIGURES)[number];
export type Medians = Record<Figure, number>;

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
  target: {
    p99RatioLimit: number;
    p99Ratio: number;
    lost: number;
    unacked: number;
    /**
     * `inconclusive`: no loss, but too few rounds to tell whether the relay held steady, or its
     * p99 spread too widely over them to compare with.
     */
    outcome: 'met' | 'not met' | 'inconclusive';
    relayP99RangeMs: [number, number];
    relayRounds: number;
    minRelayRounds: number;
  };
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
  const relayP99s = runs.filter((run) => run.target === 'relay').map((run) => run.p99Ms);
  const relayP99RangeMs: [number, number] = [Math.min(...relayP99s), Math.max(...relayP99s)];
  const steady =
    relayP99s.length >= MIN_BASELINE_ROUNDS &&
    relayP99RangeMs[1] <= BASELINE_SPREAD_LIMIT * relayP99RangeMs[0];
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
      outcome: outcomeOf(lost + unacked === 0, steady, p99Ratio),
      relayP99RangeMs,
      relayRounds: relayP99s.length,
      minRelayRounds: MIN_BASELINE_ROUNDS,
    },
  };
}

/** Loss fails the target whatever the baseline did; a ratio counts only against a steady one. */
function outcomeOf(
  lossless: boolean,
  steadyBaseline: boolean,
  p99Ratio: number,
): Summary['target']['outcome'] {
  if (!lossless) return 'not met';
  if (!steadyBaseline) return 'inconclusive';
  return p99Ratio <= P99_RATIO_LIMIT ? 'met' : 'not met';
}
