import { describe, expect, it } from 'vitest';
import { percentile, tailBursts, tailShareDuring } from '../bench/stats.js';

describe("the delivery benchmark's statistics", () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([], 99)).toBeNaN();
  });

  it('tells one stall from slow messages spread over the run', () => {
    const sentAt = Array.from({ length: 1000 }, (_, i) => i * 10);
    const fast = sentAt.map(() => 1);
    // One stall: the ten messages sent in 100 ms around t = 5 s were all slow.
    const stalled = fast.map((latency, i) => (i >= 500 && i < 510 ? 20 : latency));
    expect(tailBursts(stalled, sentAt)).toEqual({ bursts: 5, largest: 2 });
    // The same ten slow messages, one every second.
    const spread = fast.map((latency, i) => (i % 100 === 0 ? 20 : latency));
    expect(tailBursts(spread, sentAt)).toEqual({ bursts: 10, largest: 1 });
    expect(tailBursts([], [])).toEqual({ bursts: 0, largest: 0 });
  });

  it('counts the slowest messages that were in flight during a pause', () => {
    const sentAt = Array.from({ length: 1000 }, (_, i) => i * 10);
    // The ten slowest: six held up by a pause from 5,000 to 5,055 ms, four spread elsewhere.
    const latencies = sentAt.map((sent, i) => {
      if (i >= 500 && i < 506) return 5055 - sent + 1;
      return i % 250 === 100 ? 30 : 1;
    });
    const pause = { startMs: 5000, durationMs: 55 };
    expect(tailShareDuring(latencies, sentAt, [pause])).toBeCloseTo(0.6);
    // In flight is what counts: a pause that began after all six were sent still held them up.
    expect(tailShareDuring(latencies, sentAt, [{ startMs: 5052, durationMs: 2 }])).toBeCloseTo(0.6);
    // A pause that ended before those messages were sent, or began after they arrived, explains none.
    expect(tailShareDuring(latencies, sentAt, [{ startMs: 4000, durationMs: 50 }])).toBe(0);
    expect(tailShareDuring(latencies, sentAt, [{ startMs: 5100, durationMs: 50 }])).toBe(0);
    expect(tailShareDuring(latencies, sentAt, [])).toBe(0);
    expect(tailShareDuring([], [], [pause])).toBeNaN();
  });
});
