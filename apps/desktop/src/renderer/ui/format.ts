import type { TFunction } from 'i18next';

/**
 * "45s", "12m", "3h", "2d" (in Chinese "45秒", "12分", …): how long a visitor has been waiting, in
 * the app's language. Plain strings rather than `Intl`: the list's rows use it in the first paint,
 * and a renderer's first `Intl` formatter loads locale data (see prepareTimeFormats).
 */
export function shortDuration(t: TFunction, fromIso: string, now: number): string {
  return durationText(t, Math.max(0, Math.round((now - Date.parse(fromIso)) / 1000)));
}

/** A number of seconds as `shortDuration` words it. */
export function durationText(t: TFunction, seconds: number): string {
  if (seconds < 60) return t('duration.seconds', { n: seconds });
  if (seconds < 3600) return t('duration.minutes', { n: Math.floor(seconds / 60) });
  if (seconds < 86_400) return t('duration.hours', { n: Math.floor(seconds / 3600) });
  return t('duration.days', { n: Math.floor(seconds / 86_400) });
}

/**
 * One formatter per format, made on first use: `toLocaleTimeString` with options builds a new
 * `Intl.DateTimeFormat` on every call, about 0.7 ms each here, which made a timeline's first
 * render spend half its time formatting times.
 */
function formatter(options: Intl.DateTimeFormatOptions) {
  let format: Intl.DateTimeFormat | undefined;
  const get = () => {
    format ??= new Intl.DateTimeFormat(undefined, options);
    return format;
  };
  return { format: (at: Date) => get().format(at), prepare: get };
}

const timeOfDay = formatter({ hour: '2-digit', minute: '2-digit' });
const calendarDay = formatter({ year: 'numeric', month: 'short', day: 'numeric' });

/**
 * Makes the formatters ahead of need. A renderer's first `Intl.DateTimeFormat` loads the locale
 * and time zone data, 30-90 ms here; called when idle after the first paint, the first chat an
 * agent opens does not wait for it.
 */
export function prepareTimeFormats(): void {
  timeOfDay.prepare();
  calendarDay.prepare();
}

/** "14:05" or "02:05 PM", as the system's locale writes a time of day. */
export function clockTime(iso: string): string {
  return timeOfDay.format(new Date(iso));
}

/** The time for today, the date for any other day: when a found message was written. */
export function dayOrTime(iso: string, now: number): string {
  const at = new Date(iso);
  return at.toDateString() === new Date(now).toDateString() ? clockTime(iso) : calendarDay.format(at);
}
