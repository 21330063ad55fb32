import type { ReportRow } from '@switchboard/protocol';

/** Below this much time online a rate per hour is mostly noise (5 chats in 4 minutes is not 75 an hour). */
export const RATE_MIN_ONLINE_SECONDS = 15 * 60;

/**
 * Chats given per hour online, comparable between agents who worked different hours; null when
 * the row's online time is too short for a rate to mean anything.
 */
export function chatsPerOnlineHour(row: Pick<ReportRow, 'assignments' | 'presenceSeconds'>): number | null {
  const online = row.presenceSeconds.online;
  return online < RATE_MIN_ONLINE_SECONDS ? null : row.assignments / (online / 3600);
}
