import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_TIME, periodOf } from '../src/renderer/features/search/period.js';

/** Days are the agent's: these tests run in Shanghai's time zone (UTC+8, no daylight saving). */
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  process.env.TZ = zone;
});

describe('the period a search covers', () => {
  // 5 December 2026, 09:30 in Shanghai.
  const now = new Date('2026-12-05T01:30:00.000Z');

  it('reads "today" from the local midnight, and the past periods back from now', () => {
    expect(periodOf(ANY_TIME, now)).toEqual({});
    expect(periodOf({ ...ANY_TIME, choice: 'today' }, now)).toEqual({ from: '2026-12-04T16:00:00.000Z' });
    expect(periodOf({ ...ANY_TIME, choice: 'week' }, now)).toEqual({ from: '2026-11-28T01:30:00.000Z' });
    expect(periodOf({ ...ANY_TIME, choice: 'month' }, now)).toEqual({ from: '2026-11-05T01:30:00.000Z' });
    expect(periodOf({ ...ANY_TIME, choice: 'year' }, now)).toEqual({ from: '2025-12-05T01:30:00.000Z' });
  });

  it('takes a custom range from the first day’s midnight to the end of the last day', () => {
    expect(periodOf({ choice: 'custom', from: '2026-11-01', to: '2026-11-30' }, now)).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
    });
    // One day; either end open; across the end of a year.
    expect(periodOf({ choice: 'custom', from: '2026-11-03', to: '2026-11-03' }, now)).toEqual({
      from: '2026-11-02T16:00:00.000Z',
      to: '2026-11-03T16:00:00.000Z',
    });
    expect(periodOf({ choice: 'custom', from: '', to: '2026-12-31' }, now)).toEqual({
      from: undefined,
      to: '2026-12-31T16:00:00.000Z',
    });
    expect(periodOf({ choice: 'custom', from: '', to: '' }, now)).toEqual({ from: undefined, to: undefined });
  });

  it('has no period for a custom range that ends before it starts', () => {
    expect(periodOf({ choice: 'custom', from: '2026-11-30', to: '2026-11-01' }, now)).toBeNull();
  });
});
