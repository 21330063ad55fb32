/**
 * Where tiles turn amber and red. Seconds for times, a share (0 to 1) for the abandoned rate.
 * The same for every team in this version. A module of its own, without schemas, so that a page
 * can colour a figure without loading zod before its first paint.
 */
export const SLA_THRESHOLDS = {
  longestWaitSeconds: { amber: 60, red: 180 },
  firstResponseSeconds: { amber: 60, red: 120 },
  waitSeconds: { amber: 60, red: 180 },
  abandonedRate: { amber: 0.05, red: 0.1 },
} as const;

/** A figure past `amber` is amber, past `red` red; none yet (null) is ok. */
export function slaLevel(
  value: number | null,
  threshold: { amber: number; red: number },
): 'ok' | 'amber' | 'red' {
  if (value === null || value <= threshold.amber) return 'ok';
  return value <= threshold.red ? 'amber' : 'red';
}
