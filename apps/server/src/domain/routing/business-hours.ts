import type { BusinessHours } from '@switchboard/protocol';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether `now` falls inside the opening hours, read in the team's own time zone. */
export function isOpen(hours: BusinessHours | null, now: number): boolean {
  if (hours === null) return true;
  let format = formatters.get(hours.timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: hours.timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(hours.timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  const day = DAYS.find((d) => d === String(parts.weekday).slice(0, 3).toLowerCase());
  if (!day) return false;
  const time = `${parts.hour}:${parts.minute}`;
  return hours[day].some((interval) => interval.from <= time && time < interval.to);
}
