import { describe, expect, it } from 'vitest';
import { layoutBars, niceScale } from '../src/renderer/features/reports/chart.js';

describe('the report chart scale', () => {
  it('rounds the axis up to a nice maximum with even ticks', () => {
    expect(niceScale([3, 17, 9])).toEqual({ max: 20, ticks: [0, 5, 10, 15, 20] });
    expect(niceScale([101])).toEqual({ max: 200, ticks: [0, 50, 100, 150, 200] });
    expect(niceScale([0.37])).toEqual({ max: 0.4, ticks: [0, 0.1, 0.2, 0.3, 0.4] });
    expect(niceScale([9], 3)).toEqual({ max: 15, ticks: [0, 5, 10, 15] });
  });

  it('steps counts by whole numbers', () => {
    expect(niceScale([1], 4, true)).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] });
    expect(niceScale([37], 4, true)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
  });

  it('keeps an empty or all-zero series on a visible axis', () => {
    expect(niceScale([])).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] });
    expect(niceScale([0, 0]).max).toBe(4);
    expect(niceScale([Number.NaN, 5]).max).toBe(8);
  });

  it('lays out bars proportional to their values, bottom-aligned in equal slots', () => {
    const scale = niceScale([10, 20]);
    const bars = layoutBars([10, 20, 0], scale, 300, 100);
    expect(bars).toHaveLength(3);
    expect(bars.map((b) => b.height)).toEqual([50, 100, 0]);
    expect(bars.map((b) => b.y)).toEqual([50, 0, 100]);
    expect(bars[1]?.x).toBeCloseTo(100 + 15);
    expect(bars[0]?.width).toBeCloseTo(70);
    expect(layoutBars([-3], scale, 100, 100)[0]?.height).toBe(0);
    expect(layoutBars([], scale, 100, 100)).toEqual([]);
    // A lone bar keeps a bar's width, centred in its slot.
    const [lone] = layoutBars([10], scale, 300, 100, 40);
    expect(lone?.width).toBe(40);
    expect(lone?.x).toBe(130);
  });
});
