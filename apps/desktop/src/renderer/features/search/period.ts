import type { SearchPeriod } from '@switchboard/protocol';

/** The periods the search box offers; `custom` is a range of days on the agent's calendar. */
export const PERIOD_CHOICES = ['any', 'today', 'week', 'month', 'year', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

/** What the agent chose: `from` and `to` are days (`yyyy-mm-dd`, as a date input gives them). */
export interface PeriodState {
  choice: PeriodChoice;
  from: string;
  to: string;
}

export const ANY_TIME: PeriodState = { choice: 'any', from: '', to: '' };

const DAY = 86_400_000;
const SINCE: Partial<Record<PeriodChoice, number>> = { week: 7 * DAY, month: 30 * DAY, year: 365 * DAY };

/** Midnight of a `yyyy-mm-dd` day (plus `days`) in this machine's time zone. */
function startOfDay(day: string, days = 0): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
}

/**
 * The instants a choice means at `now`, as the server's search takes them: "today" from this
 * machine's midnight, the past week, 30 days or 365 days back from now, a custom range from the
 * first day's midnight to the end of the last day (either day may be left empty). Null when the
 * custom range ends before it starts.
 */
export function periodOf(state: PeriodState, now: Date): SearchPeriod | null {
  const iso = (at: Date | undefined) => at?.toISOString();
  switch (state.choice) {
    case 'any':
      return {};
    case 'today':
      return { from: iso(new Date(now.getFullYear(), now.getMonth(), now.getDate())) };
    case 'week':
    case 'month':
    case 'year':
      return { from: iso(new Date(now.getTime() - (SINCE[state.choice] ?? 0))) };
    case 'custom': {
      const period = { from: iso(startOfDay(state.from)), to: iso(startOfDay(state.to, 1)) };
      if (period.from !== undefined && period.to !== undefined && period.from >= period.to) return null;
      return period;
    }
  }
}
