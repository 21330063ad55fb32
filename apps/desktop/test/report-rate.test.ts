import { describe, expect, it } from 'vitest';
import { chatsPerOnlineHour, RATE_MIN_ONLINE_SECONDS } from '../src/renderer/features/reports/rate.js';

const row = (assignments: number, onlineSeconds: number) => ({
  assignments,
  presenceSeconds: { online: onlineSeconds, away: 0, wrapUp: 0, offline: 0 },
});

describe('chats given per online hour in reports', () => {
  it('is the chats given over the hours online', () => {
    expect(chatsPerOnlineHour(row(12, 4 * 3600))).toBe(3);
    expect(chatsPerOnlineHour(row(5, RATE_MIN_ONLINE_SECONDS))).toBe(20);
  });

  it('is left out below 15 minutes online, where 5 chats in 4 minutes would read as 75 an hour', () => {
    expect(chatsPerOnlineHour(row(5, 4 * 60))).toBeNull();
    expect(chatsPerOnlineHour(row(5, RATE_MIN_ONLINE_SECONDS - 1))).toBeNull();
    expect(chatsPerOnlineHour(row(0, 0))).toBeNull();
  });
});
