/**
 * Preloaded (`--import`) into each server child the benchmark starts. It answers sample requests
 * over the IPC channel and ends the child when the benchmark goes away, even on SIGKILL, so no
 * server outlives a run. It touches nothing else in the process.
 */

import { readFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';

/** CPU figures only: asked at the edges of the load, where a forced GC would pause the server. */
export const SAMPLE_REQUEST = 'bench:sample?';
/** CPU figures plus memory after a forced full GC: asked before and after connecting the clients. */
export const MEMORY_REQUEST = 'bench:memory?';

export interface ProbeSample {
  /** User + system CPU time the process has used so far, read before the GC below. */
  cpuMicros: number;
  /**
   * Linux only: the main thread's time on a CPU and waiting in the run queue for one, in ns.
   * Waiting means the machine is busy with other work, which a benchmark must not blame on the server.
   */
  mainThread?: { runNs: number; waitNs: number };
  /**
   * The main thread's garbage-collection pauses so far: all of them, the major ones (mark-compact
   * and the end of incremental marking), and the longest since the previous sample, in ms.
   */
  gc: GcPauses;
  /** Each GC pause since the previous sample: when it began (ms since the epoch) and how long it lasted. */
  gcPausesAt: Array<{ startEpochMs: number; durationMs: number }>;
  /** Memory: after a forced full GC for a memory request, as it is for a CPU-only one. */
  rss: number;
  heapUsed: number;
}

export interface GcPauses {
  totalMs: number;
  majorMs: number;
  longestMs: number;
}

const MAJOR_GC = constants.NODE_PERFORMANCE_GC_MAJOR | constants.NODE_PERFORMANCE_GC_INCREMENTAL;
const gcPauses: GcPauses = { totalMs: 0, majorMs: 0, longestMs: 0 };
/** Bounded, in case nobody samples for a long while (a long setup). */
const MAX_PAUSES_KEPT = 10_000;
let gcPausesAt: ProbeSample['gcPausesAt'] = [];

if (process.send) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind ?? 0;
      gcPauses.totalMs += entry.duration;
      if (kind & MAJOR_GC) gcPauses.majorMs += entry.duration;
      gcPauses.longestMs = Math.max(gcPauses.longestMs, entry.duration);
      if (gcPausesAt.length < MAX_PAUSES_KEPT) {
        gcPausesAt.push({
          startEpochMs: performance.timeOrigin + entry.startTime,
          durationMs: entry.duration,
        });
      }
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (message: unknown) => {
    if (message !== SAMPLE_REQUEST && message !== MEMORY_REQUEST) return;
    const { user, system } = process.cpuUsage();
    const mainThread = schedStat();
    if (message === MEMORY_REQUEST) {
      // Two passes: the first can leave weak and finalizable objects for the second.
      const forceGc = (globalThis as { gc?: () => void }).gc;
      forceGc?.();
      forceGc?.();
    }
    const { rss, heapUsed } = process.memoryUsage();
    const gc = { ...gcPauses };
    gcPauses.longestMs = 0;
    const pausesAt = gcPausesAt;
    gcPausesAt = [];
    process.send?.({
      cpuMicros: user + system,
      mainThread,
      gc,
      gcPausesAt: pausesAt,
      rss,
      heapUsed,
    } satisfies ProbeSample);
  });
  process.on('disconnect', () => process.exit(0));
}

function schedStat(): ProbeSample['mainThread'] {
  try {
    const [runNs, waitNs] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8')
      .split(' ')
      .map(Number);
    return runNs === undefined || waitNs === undefined ? undefined : { runNs, waitNs };
  } catch {
    return undefined;
  }
}

/**
 * One V8 profile per interval between two samples, written as `<dir>/server-<pid>-<n>.<extension>`:
 * `start` begins profiling, `stop` ends it and hands over the profile. The load phase is the
 * interval its two samples enclose. The in-thread inspector session answers synchronously.
 */
async function profilePerInterval(
  dir: string,
  extension: string,
  start: (session: import('node:inspector').Session) => void,
  stop: (session: import('node:inspector').Session, done: (profile: object) => void) => void,
): Promise<void> {
  const { Session } = await import('node:inspector');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  start(session);
  let interval = 0;
  process.on('message', (message: unknown) => {
    if (message !== SAMPLE_REQUEST && message !== MEMORY_REQUEST) return;
    const file = `${dir}/server-${process.pid}-${interval}.${extension}`;
    stop(session, (profile) => writeFileSync(file, JSON.stringify(profile)));
    interval += 1;
    start(session);
  });
}

/** BENCH_PROFILE=<dir>: V8 CPU profiles of this server (`.cpuprofile`). */
if (process.env.BENCH_PROFILE && process.send) {
  await profilePerInterval(
    process.env.BENCH_PROFILE,
    'cpuprofile',
    (session) => {
      session.post('Profiler.enable');
      session.post('Profiler.start');
    },
    (session, done) =>
      session.post('Profiler.stop', (error, result) => {
        if (!error) done(result.profile);
      }),
  );
}

/**
 * BENCH_HEAP_PROFILE=<dir>: V8 sampling heap profiles (`.heapprofile`) counting what was
 * allocated, also what the GC has since freed: where the allocation that drives the scavenges
 * comes from.
 */
if (process.env.BENCH_HEAP_PROFILE && process.send) {
  await profilePerInterval(
    process.env.BENCH_HEAP_PROFILE,
    'heapprofile',
    (session) => {
      session.post('HeapProfiler.enable');
      session.post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    },
    (session, done) =>
      session.post('HeapProfiler.stopSampling', (error, result) => {
        if (!error) done(result.profile);
      }),
  );
}
