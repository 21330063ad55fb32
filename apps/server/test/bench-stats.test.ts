import { describe, expect, it } from 'vitest';
import { percentile, tailBursts } from '../bench/stats.js';

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
});
