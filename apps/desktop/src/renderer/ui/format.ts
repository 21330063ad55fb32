import type { TFunction } from 'i18next';
import { i18n } from '../i18n/index.js';

/**
 * "45s", "12m", "3h", "2d" (in Chinese "45秒", "12分", …): how long a visitor has been waiting, in
 * the app's language. Plain strings rather than `Intl`: the list's rows use it in the first paint,
 * and a renderer's first `Intl` formatter loads locale data (see prepareTimeFormats).
 */
export function shortDuration(t: TFunction, fromIso: string, now: number): string {
  const seconds = secondsSince(fromIso, now);
  if (seconds < 60) return t('duration.seconds', { n: seconds });
  if (seconds < 3600) return t('duration.minutes', { n: Math.floor(seconds / 60) });
  if (seconds < 86_400) return t('duration.hours', { n: Math.floor(seconds / 3600) });
  return t('duration.days', { n: Math.floor(seconds / 86_400) });
}

/**
 * How often a `shortDuration` from `fromIso` must be written again to stay true: each second while
 * it is written in seconds, else `null` (in minutes and up, a clock of a few seconds suffices).
 */
export function shortDurationTick(fromIso: string, now: number): number | null {
  return secondsSince(fromIso, now) < 60 ? 1000 : null;
}

/** Whole seconds from `fromIso` to `now`; none for a time ahead of this computer's clock. */
function secondsSince(fromIso: string, now: number): number {
  return Math.max(0, Math.round((now - Date.parse(fromIso)) / 1000));
}

/**
 * A number of seconds in words for a sentence, "1 minute", "90 seconds", "2 hours": in the largest
 * unit that says it exactly (a configured delay, not a measured wait).
 */
export function longDuration(t: TFunction, seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return t('duration.longHours', { count: seconds / 3600 });
  if (seconds >= 60 && seconds % 60 === 0) return t('duration.longMinutes', { count: seconds / 60 });
  return t('duration.longSeconds', { count: seconds });
}

/** "10", "0.5": a size in megabytes (MiB) to one decimal, for a sentence. */
export function megabytes(bytes: number): string {
  return String(Math.round((bytes / 1_048_576) * 10) / 10);
}

/**
 * How dates and times are written: in the app's language, as the system's regional variant of it
 * when it has one (an English app on an en-GB system writes "14:05" and "5 Dec 2026"), else as the
 * language itself (a Chinese app on an English system writes "2026年12月5日").
 */
export function timeLocaleFor(language: string, systemLocales: readonly string[]): string {
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  return systemLocales.find((tag) => primary(tag) === primary(language)) ?? language;
}

function systemLocales(): readonly string[] {
  return globalThis.navigator?.languages ?? [];
}

/**
 * One formatter per format and language, made on first use: `toLocaleTimeString` with options
 * builds a new `Intl.DateTimeFormat` on every call, about 0.7 ms each here, which made a
 * timeline's first render spend half its time formatting times. A change of the app's language
 * makes new ones on the next call.
 */
function formatter(options: Intl.DateTimeFormatOptions) {
  let made: { language: string; format: Intl.DateTimeFormat } | undefined;
  const get = () => {
    const language = i18n.language || 'en';
    if (made?.language !== language) {
      made = { language, format: new Intl.DateTimeFormat(timeLocaleFor(language, systemLocales()), options) };
    }
    return made.format;
  };
  return { format: (at: Date) => get().format(at), prepare: get };
}

const timeOfDay = formatter({ hour: '2-digit', minute: '2-digit' });
const calendarDay = formatter({ year: 'numeric', month: 'short', day: 'numeric' });
const dayAndTime = formatter({
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * Makes the formatters ahead of need. A renderer's first `Intl.DateTimeFormat` loads the locale
 * and time zone data, 30-90 ms here; called when idle after the first paint, the first chat an
 * agent opens does not wait for it.
 */
export function prepareTimeFormats(): void {
  timeOfDay.prepare();
  calendarDay.prepare();
}

/** "14:05", "02:05 PM" or "下午02:05": a time of day in the app's language. */
export function clockTime(iso: string): string {
  return timeOfDay.format(new Date(iso));
}

/** "5 Dec 2026" or "2026年12月5日": a day in the app's language. */
export function calendarDate(iso: string): string {
  return calendarDay.format(new Date(iso));
}

/** A day and its time to the second, in the app's language: when something was recorded. */
export function dateTime(iso: string): string {
  return dayAndTime.format(new Date(iso));
}

/** The time for today, the date for any other day: when a found message was written. */
export function dayOrTime(iso: string, now: number): string {
  const at = new Date(iso);
  return at.toDateString() === new Date(now).toDateString() ? clockTime(iso) : calendarDay.format(at);
}
