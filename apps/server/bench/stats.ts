/** Nearest-rank percentile (p in 0–100) of unsorted values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function max(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => Math.max(a, b));
}

/** The indices of the slowest `share` of messages, slowest first. */
function slowest(latenciesMs: readonly number[], share: number): number[] {
  return [...latenciesMs.keys()]
    .sort((a, b) => (latenciesMs[b] as number) - (latenciesMs[a] as number))
    .slice(0, Math.ceil(share * latenciesMs.length));
}

/**
 * How the slowest `share` of messages spread over the load: the number of `windowMs` windows of
 * send time they fall in, and the most in any one. A few crowded windows are stalls (a GC pause, a
 * long task); many windows of one or two are queueing spread over the run.
 */
export function tailBursts(
  latenciesMs: readonly number[],
  sentAtMs: readonly number[],
  share = 0.01,
  windowMs = 20,
): { bursts: number; largest: number } {
  if (latenciesMs.length === 0) return { bursts: 0, largest: 0 };
  const perWindow = new Map<number, number>();
  for (const i of slowest(latenciesMs, share)) {
    const window = Math.floor((sentAtMs[i] ?? 0) / windowMs);
    perWindow.set(window, (perWindow.get(window) ?? 0) + 1);
  }
  return { bursts: perWindow.size, largest: max([...perWindow.values()]) };
}

/** A pause of the server's main thread: when it began, on the clock of `sentAtMs`, and how long it lasted. */
export interface Pause {
  startMs: number;
  durationMs: number;
}

/**
 * The share of the slowest `share` of messages that were in flight (sent, not yet delivered)
 * while one of `pauses` held the server up: how much of the tail those pauses explain.
 */
export function tailShareDuring(
  latenciesMs: readonly number[],
  sentAtMs: readonly number[],
  pauses: readonly Pause[],
  share = 0.01,
): number {
  const tail = slowest(latenciesMs, share);
  if (tail.length === 0) return Number.NaN;
  const held = tail.filter((i) => {
    const sent = sentAtMs[i] ?? 0;
    const delivered = sent + (latenciesMs[i] ?? 0);
    return pauses.some((pause) => pause.startMs < delivered && pause.startMs + pause.durationMs > sent);
  });
  return held.length / tail.length;
}
