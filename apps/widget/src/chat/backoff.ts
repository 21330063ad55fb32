/**
 * Exponential backoff with jitter: attempt 1 waits about `baseMs`, doubling up to `maxMs`, each
 * delay drawn from [50 %, 100 %] of its step so that many widgets reconnecting after an outage do
 * not arrive in lockstep.
 */
export function jitteredBackoff(
  attempt: number,
  random: () => number = Math.random,
  baseMs = 1000,
  maxMs = 30_000,
): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step * (0.5 + random() / 2));
}
