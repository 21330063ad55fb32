import { describe, expect, it } from 'vitest';
import { dayContaining, daysBetween, firstDayEndingAfter } from '../src/domain/reports/zoned-days.js';

describe('calendar days of a time zone', () => {
  // Berlin moves its clocks forward on 29 March 2026: that day has 23 hours.
  const days = daysBetween('2026-03-28', '2026-03-30', 'Europe/Berlin');

  it('bounds each day in the zone, a short one across the change of clocks', () => {
    expect(days.map((d) => [d.day, new Date(d.start).toISOString(), (d.end - d.start) / 3_600_000])).toEqual([
      ['2026-03-28', '2026-03-27T23:00:00.000Z', 24],
      ['2026-03-29', '2026-03-28T23:00:00.000Z', 23],
      ['2026-03-30', '2026-03-29T22:00:00.000Z', 24],
    ]);
  });

  it('finds the day of an instant among them, and none outside them', () => {
    const at = (iso: string) => dayContaining(days, Date.parse(iso));
    expect(at('2026-03-27T22:59:59.999Z')).toBeNull();
    expect(at('2026-03-27T23:00:00.000Z')).toBe('2026-03-28');
    expect(at('2026-03-29T21:59:59.999Z')).toBe('2026-03-29');
    expect(at('2026-03-29T22:00:00.000Z')).toBe('2026-03-30');
    expect(at('2026-03-30T21:59:59.999Z')).toBe('2026-03-30');
    expect(at('2026-03-30T22:00:00.000Z')).toBeNull();
    expect(firstDayEndingAfter(days, Date.parse('2026-03-27T00:00:00Z'))).toBe(0);
    expect(firstDayEndingAfter(days, Date.parse('2026-04-01T00:00:00Z'))).toBe(days.length);
    expect(dayContaining([], 0)).toBeNull();
  });
});
