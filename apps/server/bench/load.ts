import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ErrorCode, Message, MessageAck, Result } from '@switchboard/protocol';
import type { GcPauses, ProbeSample } from './probe.js';
import type { BenchSettings } from './settings.js';
import type { Population } from './setup.js';
import type { Pause } from './stats.js';

/** How often the drain checks whether everything has arrived. */
const DRAIN_POLL_MS = 20;
const LOOP_RESOLUTION_MS = 2;

export interface LoadResult {
  sent: number;
  /** Distinct bench messages that reached their agent. */
  received: number;
  duplicates: number;
  acked: number;
  ackErrors: Partial<Record<ErrorCode, number>>;
  /** Emit at the visitor → `message:new` at the agent, per received message, in ms. */
  latenciesMs: number[];
  /** When each of those messages was sent, in ms from the load's start (same order). */
  sentAtMs: number[];
  /** How late each emit was against its timetable slot, in ms: a lagging generator skews results. */
  sendLagMs: number[];
  /** This (client) process's event-loop delay p99 during the load, in ms, and its CPU time. */
  clientLoopDelayP99Ms: number;
  clientCpuMs: number;
  /** CPU time the server used from the first send to the end of the drain, and that span. */
  serverCpuMs: number;
  elapsedMs: number;
  /** How long the server's main thread waited for a CPU in that span, and ran on one (Linux only). */
  serverRunQueueMs: number | undefined;
  serverMainThreadMs: number | undefined;
  /** The server's GC pauses in that span; `longestMs` is the longest one. */
  serverGc: GcPauses;
  /** Each of the server's GC pauses in that span, on the clock of `sentAtMs`. */
  serverGcPausesAt: Pause[];
}

interface InFlight {
  sentAt: number;
  delivered: boolean;
}

/**
 * Sends `messagesPerSecond × seconds` messages on a fixed timetable: message k at
 * start + k / rate, from visitor k mod visitors (so each visitor sends at an even, slow pace),
 * each with a fresh clientMsgId. Then waits up to `drainMs` for late acks and deliveries.
 */
export async function runLoad(
  population: Population,
  settings: BenchSettings,
  sampleServer: () => Promise<ProbeSample>,
): Promise<LoadResult> {
  const { visitors, agents } = population;
  const total = settings.messagesPerSecond * settings.seconds;
  const slotMs = 1000 / settings.messagesPerSecond;
  const inFlight = new Map<string, InFlight>();
  const result: LoadResult = {
    sent: 0,
    received: 0,
    duplicates: 0,
    acked: 0,
    ackErrors: {},
    latenciesMs: [],
    sentAtMs: [],
    sendLagMs: [],
    clientLoopDelayP99Ms: 0,
    clientCpuMs: 0,
    serverCpuMs: 0,
    elapsedMs: 0,
    serverRunQueueMs: undefined,
    serverMainThreadMs: undefined,
    serverGc: { totalMs: 0, majorMs: 0, longestMs: 0 },
    serverGcPausesAt: [],
  };

  const onMessage = (message: Message) => {
    const arrivedAt = performance.now();
    const entry = inFlight.get(message.clientMsgId);
    if (!entry) return;
    if (entry.delivered) {
      result.duplicates++;
      return;
    }
    entry.delivered = true;
    result.received++;
    result.latenciesMs.push(arrivedAt - entry.sentAt);
    result.sentAtMs.push(entry.sentAt - start);
  };
  const onAck = (ack: Result<MessageAck>) => {
    if (ack.ok) result.acked++;
    else result.ackErrors[ack.error.code] = (result.ackErrors[ack.error.code] ?? 0) + 1;
  };
  for (const agent of agents) agent.on('message:new', onMessage);

  const send = (k: number, scheduledAt: number) => {
    const visitor = visitors[k % visitors.length];
    if (!visitor) throw new Error(`no visitor for message ${k}`);
    const clientMsgId = randomUUID();
    const sentAt = performance.now();
    inFlight.set(clientMsgId, { sentAt, delivered: false });
    visitor.socket.emit(
      'message:send',
      {
        conversationId: visitor.conversationId,
        clientMsgId,
        body: `Bench message ${k}, sent at ${sentAt} ms`,
      },
      onAck,
    );
    result.sent++;
    result.sendLagMs.push(sentAt - scheduledAt);
  };

  const serverBefore = await sampleServer();
  const clientBefore = process.cpuUsage();
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loopDelay.enable();
  const start = performance.now() + slotMs;
  const slot = (k: number) => start + k * slotMs;
  await new Promise<void>((resolve) => {
    let k = 0;
    // Timers fire late and coarsely: each tick sends every message whose slot has come.
    const tick = () => {
      const now = performance.now();
      for (; k < total && slot(k) <= now; k++) send(k, slot(k));
      if (k >= total) return resolve();
      setTimeout(tick, Math.max(0, slot(k) - performance.now()));
    };
    tick();
  });
  loopDelay.disable();
  // The histogram records whole timer intervals: what exceeds the resolution is the delay.
  result.clientLoopDelayP99Ms = Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS);

  const drainUntil = performance.now() + settings.drainMs;
  const settled = () =>
    result.received === result.sent &&
    result.acked + Object.values(result.ackErrors).reduce((a, b) => a + b, 0) === result.sent;
  while (!settled() && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
  }
  result.elapsedMs = performance.now() - start;
  const clientCpu = process.cpuUsage(clientBefore);
  result.clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;
  const serverAfter = await sampleServer();
  result.serverCpuMs = (serverAfter.cpuMicros - serverBefore.cpuMicros) / 1000;
  if (serverBefore.mainThread && serverAfter.mainThread) {
    result.serverRunQueueMs = (serverAfter.mainThread.waitNs - serverBefore.mainThread.waitNs) / 1e6;
    result.serverMainThreadMs = (serverAfter.mainThread.runNs - serverBefore.mainThread.runNs) / 1e6;
  }
  result.serverGc = {
    totalMs: serverAfter.gc.totalMs - serverBefore.gc.totalMs,
    majorMs: serverAfter.gc.majorMs - serverBefore.gc.majorMs,
    longestMs: serverAfter.gc.longestMs,
  };
  // Both processes read the same clock through `performance.timeOrigin`.
  const startEpochMs = performance.timeOrigin + start;
  result.serverGcPausesAt = serverAfter.gcPausesAt.map((pause) => ({
    startMs: pause.startEpochMs - startEpochMs,
    durationMs: pause.durationMs,
  }));
  for (const agent of agents) agent.off('message:new', onMessage);
  return result;
}
