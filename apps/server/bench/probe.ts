/**
 * Preloaded (`--import`) into each server child the benchmark starts. It answers sample requests
 * over the IPC channel and ends the child when the benchmark goes away, even on SIGKILL, so no
 * server outlives a run. It touches nothing else in the process.
 */

export const SAMPLE_REQUEST = 'bench:sample?';

export interface ProbeSample {
  /** User + system CPU time the process has used so far, read before the GC below. */
  cpuMicros: number;
  /** Memory after a forced full GC. */
  rss: number;
  heapUsed: number;
}

if (process.send) {
  process.on('message', (message: unknown) => {
    if (message !== SAMPLE_REQUEST) return;
    const { user, system } = process.cpuUsage();
    // Two passes: the first can leave weak and finalizable objects for the second.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ cpuMicros: user + system, rss, heapUsed } satisfies ProbeSample);
  });
  process.on('disconnect', () => process.exit(0));
}
