/** Calendar days in an IANA time zone: where each begins and ends, as UTC instants. */

function offsetAt(time: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(time);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(time / 1000) * 1000;
}

/** The instant a day (`YYYY-MM-DD`) starts in the zone. */
export function startOfDay(day: string, timeZone: string): number {
  const guess = Date.parse(`${day}T00:00:00.000Z`);
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

export interface ZonedDay {
  day: string;
  start: number;
  end: number;
}

/** Every day from `from` to `to` inclusive, with its bounds. */
export function daysBetween(from: string, to: string, timeZone: string): ZonedDay[] {
  const days: ZonedDay[] = [];
  for (let day = from; day <= to; day = nextDay(day)) {
    days.push({ day, start: startOfDay(day, timeZone), end: startOfDay(nextDay(day), timeZone) });
  }
  return days;
}

/**
 * The index of the first of `days` (in order, as `daysBetween` gives them) that ends after `time`:
 * the day `time` falls on, if it falls on any; `days.length` when all end before it.
 */
export function firstDayEndingAfter(days: readonly ZonedDay[], time: number): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((days[middle] as ZonedDay).end <= time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The day of `days` an instant falls on, without asking Intl again; null outside them. */
export function dayContaining(days: readonly ZonedDay[], time: number): string | null {
  const found = days[firstDayEndingAfter(days, time)];
  return found && found.start <= time ? found.day : null;
}
