/**
 * The benchmark's shape. The default is the spec; `BENCH_QUICK=1` is a fast smoke run.
 * `BENCH_ROUNDS`, `BENCH_RATE` (messages per second) and `BENCH_SECONDS` override single figures,
 * e.g. to find the rate at which the full server saturates, or to run long enough to see its
 * periodic full GCs.
 */
export interface BenchSettings {
  mode: 'full' | 'quick';
  visitors: number;
  agents: number;
  messagesPerSecond: number;
  seconds: number;
  rounds: number;
  /** How long to wait for stragglers after the last send before counting losses. */
  drainMs: number;
}

const SPEC: BenchSettings = {
  mode: 'full',
  visitors: 2000,
  agents: 100,
  messagesPerSecond: 1000,
  seconds: 10,
  rounds: 3,
  drainMs: 3000,
};
const QUICK: BenchSettings = {
  mode: 'quick',
  visitors: 200,
  agents: 10,
  messagesPerSecond: 200,
  seconds: 3,
  rounds: 1,
  drainMs: 3000,
};

export function benchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const base = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true' ? QUICK : SPEC;
  return {
    ...base,
    rounds: positiveInteger(env.BENCH_ROUNDS) ?? base.rounds,
    messagesPerSecond: positiveInteger(env.BENCH_RATE) ?? base.messagesPerSecond,
    seconds: positiveInteger(env.BENCH_SECONDS) ?? base.seconds,
  };
}

export function socketCount(settings: BenchSettings): number {
  return settings.visitors + settings.agents;
}

function positiveInteger(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}
