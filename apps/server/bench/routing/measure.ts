import { percentile } from '../stats.js';

/** How unevenly something is spread over agents. */
export interface Spread {
  min: number;
  max: number;
  /** max − min */
  range: number;
  mean: number;
  /** Population standard deviation. */
  stddev: number;
}

export function spread(values: readonly number[]): Spread {
  if (values.length === 0)
    return { min: Number.NaN, max: Number.NaN, range: Number.NaN, mean: Number.NaN, stddev: Number.NaN };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  const mean = sum / values.length;
  const variance = values.reduce((acc, v) => acc + (v - mean) ** 2, 0) / values.length;
  return { min, max, range: max - min, mean, stddev: Math.sqrt(variance) };
}

export interface Latencies {
  p50: number;
  p99: number;
  max: number;
}

export function latencies(values: readonly number[]): Latencies {
  return {
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    max: percentile(values, 100),
  };
}
