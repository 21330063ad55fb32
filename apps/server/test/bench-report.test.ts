import { describe, expect, it } from 'vitest';
import { formatReport } from '../bench/report.js';
import type { RunFigures } from '../bench/run.js';
import { benchSettings } from '../bench/settings.js';
import { summarize } from '../bench/summary.js';
import type { TargetName } from '../bench/targets.js';

function run(target: TargetName, round: number, memory: { rss: number; heap: number }): RunFigures {
  const sample = {
    cpuMicros: 0,
    gc: { totalMs: 0, majorMs: 0, longestMs: 0 },
    gcPausesAt: [],
    rss: 0,
    heapUsed: 0,
  };
  return {
    target,
    round,
    p50Ms: 0.3,
    p99Ms: target === 'relay' ? 1 : 1.8,
    maxMs: 5,
    tailBursts: 40,
    tailLargestBurst: 4,
    tailInGcShare: 0.3,
    sent: 600,
    received: 600,
    lost: 0,
    duplicates: 0,
    acked: 600,
    ackErrors: {},
    rssPerSocketKb: memory.rss,
    heapPerSocketKb: memory.heap,
    memory: { before: sample, after: sample },
    serverCpuPerMessageMs: 0.2,
    serverCpuShare: 0.1,
    serverRunQueueShare: 0.05,
    serverMainThreadShare: 0.08,
    serverGcPauseShare: 0.004,
    serverMajorGcPauseShare: 0,
    serverLongestGcPauseMs: 2,
    sendLagP99Ms: 1,
    clientLoopDelayP99Ms: 1,
    clientCpuShare: 0.1,
    setupSeconds: 2,
  };
}

describe("the delivery benchmark's report", () => {
  const settings = benchSettings({ BENCH_QUICK: '1' });
  const lineOf = (report: string, label: string) =>
    report.split('\n').find((line) => line.startsWith(label)) ?? '';

  it('prints memory per socket that fell below zero as n/a, and no ratio against it', () => {
    const runs = [run('relay', 0, { rss: 10.4, heap: 11.6 }), run('full', 0, { rss: -39.6, heap: 15.6 })];
    const report = formatReport(settings, runs, summarize(runs));

    expect(lineOf(report, 'full server')).toContain('n/a');
    expect(lineOf(report, 'full server')).toContain('15.6');
    expect(lineOf(report, 'full / relay')).toMatch(/n\/a\s+1\.34×/);
    expect(lineOf(report, '  round 1 full')).toContain('RSS/socket n/a KB');
    expect(lineOf(report, '  round 1 relay')).toContain('RSS/socket 10.4 KB');
  });

  it('prints measured memory and its ratio as numbers', () => {
    const runs = [run('relay', 0, { rss: 19.6, heap: 11.4 }), run('full', 0, { rss: 8.6, heap: 13.6 })];
    const report = formatReport(settings, runs, summarize(runs));

    expect(report).not.toContain('n/a');
    expect(lineOf(report, 'full / relay')).toMatch(/0\.44×\s+1\.19×/);
  });
});
