/**
 * The routing benchmark's shape. The default is the spec (10,000 queued conversations,
 * 500 agents with mixed capacities); `BENCH_QUICK=1` is a fast smoke run. `BENCH_ROUNDS`,
 * `BENCH_CONVERSATIONS`, `BENCH_AGENTS` and `BENCH_BUDGET_SECONDS` override single figures, e.g.
 * to see how the drain time grows with the backlog, or to let a slow drain run to the end.
 */
export interface RoutingBenchSettings {
  mode: 'full' | 'quick';
  conversations: number;
  agents: number;
  teams: number;
  rounds: number;
  /** Share of conversations with VIP priority. */
  vipShare: number;
  /** Agent capacities are drawn uniformly from this inclusive range. */
  minCapacity: number;
  maxCapacity: number;
  /** Share of agents who are also in a second team. */
  secondTeamShare: number;
  /** How demand divides over the teams (normalised): uneven, so team queues empty at different times. */
  teamDemand: number[];
  /** Simulated handling time of a chat, in virtual seconds: orders the resolves, nothing else. */
  meanHandleSeconds: number;
  /** The server's routing ticker interval (config `routing.tickMilliseconds`, default 500). */
  tickMs: number;
  /**
   * Wall-clock budget of one drain: a drain still running then is stopped and reported as not
   * drained (with how far it got), so the benchmark always ends in minutes.
   */
  budgetMs: number;
  /** Seed of the population and of the handling times: every run replays the same day. */
  seed: number;
}

const SPEC: RoutingBenchSettings = {
  mode: 'full',
  conversations: 10_000,
  agents: 500,
  teams: 5,
  rounds: 3,
  vipShare: 0.1,
  minCapacity: 1,
  maxCapacity: 8,
  secondTeamShare: 0.4,
  teamDemand: [30, 25, 20, 15, 10],
  meanHandleSeconds: 300,
  tickMs: 500,
  budgetMs: 60_000,
  seed: 20_261_122,
};
const QUICK: RoutingBenchSettings = { ...SPEC, mode: 'quick', conversations: 1_000, agents: 50, rounds: 1 };

export function routingBenchSettings(env: NodeJS.ProcessEnv = process.env): RoutingBenchSettings {
  const base = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true' ? QUICK : SPEC;
  return {
    ...base,
    rounds: positiveInteger(env.BENCH_ROUNDS) ?? base.rounds,
    conversations: positiveInteger(env.BENCH_CONVERSATIONS) ?? base.conversations,
    agents: positiveInteger(env.BENCH_AGENTS) ?? base.agents,
    budgetMs: (positiveInteger(env.BENCH_BUDGET_SECONDS) ?? base.budgetMs / 1000) * 1000,
  };
}

function positiveInteger(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}
