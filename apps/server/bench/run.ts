import type { ErrorCode } from '@switchboard/protocol';
import { runLoad } from './load.js';
import type { ProbeSample } from './probe.js';
import { type BenchSettings, socketCount } from './settings.js';
import { populate } from './setup.js';
import { max, percentile, tailBursts, tailShareDuring } from './stats.js';
import { startTarget, type TargetName } from './targets.js';

/** One target measured once: the report's figures, and the raw memory samples behind two of them. */
export interface RunFigures {
  target: TargetName;
  round: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The slowest 1%: how many 20 ms windows of send time they fell in, and the most in one (see tailBursts). */
  tailBursts: number;
  tailLargestBurst: number;
  /** The share of the slowest 1% that were in flight during one of the server's GC pauses. */
  tailInGcShare: number;
  sent: number;
  received: number;
  lost: number;
  duplicates: number;
  acked: number;
  ackErrors: Partial<Record<ErrorCode, number>>;
  /**
   * Server growth from no sockets to all sockets connected, per socket, after a full GC. RSS is
   * what the issue asks for; V8's heap in use is steadier, since RSS keeps pages the heap has
   * freed (the full server's credential phase leaves such slack and so looks cheaper).
   */
  rssPerSocketKb: number;
  heapPerSocketKb: number;
  memory: { before: ProbeSample; after: ProbeSample };
  /** Server CPU time per delivered message, and the share of one core it used during the load. */
  serverCpuPerMessageMs: number;
  serverCpuShare: number;
  /** The share of the load its main thread spent waiting for a CPU: other work on the machine. */
  serverRunQueueShare: number;
  /** The share of the load its main thread ran (the rest of `serverCpuShare` is its other threads). */
  serverMainThreadShare: number;
  /** The share of the load its main thread stood in GC pauses, major ones alone, and the longest (ms). */
  serverGcPauseShare: number;
  serverMajorGcPauseShare: number;
  serverLongestGcPauseMs: number;
  sendLagP99Ms: number;
  clientLoopDelayP99Ms: number;
  /** The clients' (this process's) share of a core during the load. */
  clientCpuShare: number;
  setupSeconds: number;
}

/** Starts a fresh target process, populates it, runs the load, and always stops it again. */
export async function measureRun(
  name: TargetName,
  settings: BenchSettings,
  round: number,
): Promise<RunFigures> {
  const target = await startTarget(name, settings);
  try {
    const setupStarted = performance.now();
    const population = await populate(target, settings);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    try {
      const load = await runLoad(population, settings, target.sample);
      const { before, after } = population.memory;
      const sockets = socketCount(settings);
      const tail = tailBursts(load.latenciesMs, load.sentAtMs);
      return {
        target: name,
        round,
        p50Ms: percentile(load.latenciesMs, 50),
        p99Ms: percentile(load.latenciesMs, 99),
        maxMs: max(load.latenciesMs),
        tailBursts: tail.bursts,
        tailLargestBurst: tail.largest,
        tailInGcShare: tailShareDuring(load.latenciesMs, load.sentAtMs, load.serverGcPausesAt),
        sent: load.sent,
        received: load.received,
        lost: load.sent - load.received,
        duplicates: load.duplicates,
        acked: load.acked,
        ackErrors: load.ackErrors,
        rssPerSocketKb: (after.rss - before.rss) / sockets / 1024,
        heapPerSocketKb: (after.heapUsed - before.heapUsed) / sockets / 1024,
        memory: { before, after },
        serverCpuPerMessageMs: load.serverCpuMs / load.received,
        serverCpuShare: load.serverCpuMs / load.elapsedMs,
        serverRunQueueShare: (load.serverRunQueueMs ?? Number.NaN) / load.elapsedMs,
        serverMainThreadShare: (load.serverMainThreadMs ?? Number.NaN) / load.elapsedMs,
        serverGcPauseShare: load.serverGc.totalMs / load.elapsedMs,
        serverMajorGcPauseShare: load.serverGc.majorMs / load.elapsedMs,
        serverLongestGcPauseMs: load.serverGc.longestMs,
        sendLagP99Ms: percentile(load.sendLagMs, 99),
        clientLoopDelayP99Ms: load.clientLoopDelayP99Ms,
        clientCpuShare: load.clientCpuMs / load.elapsedMs,
        setupSeconds,
      };
    } finally {
      population.close();
    }
  } finally {
    await target.stop();
  }
}
