import type { BusinessHours } from '@switchboard/protocol';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayKey = (typeof DAYS)[number];

/** "09:00-12:00, 13:00-18:00" for a day's intervals. */
export function formatDay(intervals: readonly { from: string; to: string }[]): string {
  return intervals.map((i) => `${i.from}-${i.to}`).join(', ');
}

/** The intervals typed for a day, or null when the text is not `HH:MM-HH:MM, …`. */
export function parseDay(text: string): { from: string; to: string }[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const out: { from: string; to: string }[] = [];
  for (const part of parts) {
    const match = /^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(part);
    if (!match?.[1] || !match[2]) return null;
    out.push({ from: match[1], to: match[2] });
  }
  return out;
}

export function hoursText(hours: BusinessHours | null): Record<DayKey, string> {
  return Object.fromEntries(DAYS.map((d) => [d, hours ? formatDay(hours[d]) : ''])) as Record<DayKey, string>;
}
