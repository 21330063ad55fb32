import { describe, expect, it } from 'vitest';
import { seconds } from '../src/renderer/features/supervisor/format.js';
import { i18n } from '../src/renderer/i18n/index.js';
import { clockTime, dayOrTime, shortDuration } from '../src/renderer/ui/format.js';

describe('time formatting', () => {
  const at = '2026-03-14T09:26:53.000Z';

  it('writes a time of day as the system locale does', () => {
    expect(clockTime(at)).toBe(new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    expect(clockTime('2026-03-14T21:07:00.000Z')).not.toBe(clockTime(at));
  });

  it('writes the time for today and the date for any other day', () => {
    const sameDay = Date.parse(at) + 60_000;
    expect(dayOrTime(at, sameDay)).toBe(clockTime(at));
    const weekLater = Date.parse(at) + 7 * 86_400_000;
    expect(dayOrTime(at, weekLater)).toBe(
      new Date(at).toLocaleDateString([], { year: 'numeric', month: 'short', day: 'numeric' }),
    );
  });

  it("writes waiting times in the largest whole unit, in the app's language", () => {
    const now = Date.parse(at);
    const en = i18n.getFixedT('en');
    expect(shortDuration(en, at, now + 45_000)).toBe('45s');
    expect(shortDuration(en, at, now + 12 * 60_000)).toBe('12m');
    expect(shortDuration(en, at, now + 3 * 3_600_000)).toBe('3h');
    expect(shortDuration(en, at, now + 2 * 86_400_000)).toBe('2d');
    expect(shortDuration(en, at, now - 5_000)).toBe('0s');
    const zh = i18n.getFixedT('zh-CN');
    expect(shortDuration(zh, at, now + 12 * 60_000)).toBe('12分');
    expect(shortDuration(zh, at, now + 2 * 86_400_000)).toBe('2天');
  });

  it("writes a report's figures in seconds to two units, in the app's language", () => {
    const en = i18n.getFixedT('en');
    expect([45, 185, 7800, 4140.4].map((v) => seconds(en, v))).toEqual(['45s', '3m 05s', '2h 10m', '1h 09m']);
    expect(seconds(en, null)).toBe('—');
    const zh = i18n.getFixedT('zh-CN');
    expect([45, 185, 7800].map((v) => seconds(zh, v))).toEqual(['45秒', '3分05秒', '2小时10分']);
  });
});
