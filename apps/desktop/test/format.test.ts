import { describe, expect, it } from 'vitest';
import { seconds } from '../src/renderer/features/supervisor/format.js';
import { i18n } from '../src/renderer/i18n/index.js';
import {
  calendarDate,
  clockTime,
  dateTime,
  dayOrTime,
  longDuration,
  shortDuration,
  shortDurationTick,
  timeLocaleFor,
} from '../src/renderer/ui/format.js';

describe('time formatting', () => {
  const at = '2026-03-14T09:26:53.000Z';

  it("writes times and dates in the app's language, whatever the system's", async () => {
    // Noon UTC: the same day in every time zone the tests may run in.
    const noon = '2026-03-14T12:00:00.000Z';
    try {
      await i18n.changeLanguage('en');
      expect(calendarDate(noon)).toBe('Mar 14, 2026');
      expect(dateTime(noon)).toMatch(/^Mar 14, 2026, \d\d:00:00( [AP]M)?$/);
      await i18n.changeLanguage('zh-CN');
      expect(calendarDate(noon)).toBe('2026年3月14日');
      expect(dateTime(noon)).toMatch(/^2026年3月14日 .*\d\d:00:00$/);
      expect(clockTime(noon)).not.toMatch(/[AP]M/);
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('writes a configured delay in words for a sentence, in the largest exact unit', () => {
    const en = i18n.getFixedT('en');
    expect([1, 45, 60, 90, 120, 3600, 5400, 7200].map((s) => longDuration(en, s))).toEqual([
      '1 second',
      '45 seconds',
      '1 minute',
      '90 seconds',
      '2 minutes',
      '1 hour',
      '90 minutes',
      '2 hours',
    ]);
    expect(longDuration(i18n.getFixedT('zh-CN'), 60)).toBe('1 分钟');
  });

  it("follows the system's regional variant of the app's language, else the language itself", () => {
    expect(timeLocaleFor('en', ['en-GB', 'fr-FR'])).toBe('en-GB');
    expect(timeLocaleFor('en', ['fr-FR', 'en-US'])).toBe('en-US');
    expect(timeLocaleFor('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(timeLocaleFor('en', ['zh-CN'])).toBe('en');
    expect(timeLocaleFor('zh-CN', [])).toBe('zh-CN');
  });

  it('writes the time for today and the date for any other day', () => {
    const sameDay = Date.parse(at) + 60_000;
    expect(dayOrTime(at, sameDay)).toBe(clockTime(at));
    const weekLater = Date.parse(at) + 7 * 86_400_000;
    expect(dayOrTime(at, weekLater)).toBe(calendarDate(at));
    expect(dayOrTime(at, weekLater)).not.toBe(clockTime(at));
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

  it('asks a waiting time to be written again each second while it is in seconds, and then no more', () => {
    const en = i18n.getFixedT('en');
    const from = Date.parse(at);
    // A chat 3 s old, on the clock it asks for: every second shown, then handed to the list's clock.
    const shown: string[] = [];
    let now = from + 3_000;
    for (let tick = shortDurationTick(at, now); tick !== null; tick = shortDurationTick(at, now)) {
      shown.push(shortDuration(en, at, now));
      now += tick;
    }
    expect(shown).toEqual(Array.from({ length: 57 }, (_, i) => `${i + 3}s`));
    expect(shortDuration(en, at, now)).toBe('1m');
    // Ahead of this computer's clock it reads "0s", and counts up from there.
    expect(shortDurationTick(at, from - 5_000)).toBe(1000);
    expect(shortDurationTick(at, from + 3 * 3_600_000)).toBeNull();
  });

  it("writes a report's figures in seconds to two units, in the app's language", () => {
    const en = i18n.getFixedT('en');
    expect([45, 185, 7800, 4140.4].map((v) => seconds(en, v))).toEqual(['45s', '3m 05s', '2h 10m', '1h 09m']);
    expect(seconds(en, null)).toBe('—');
    const zh = i18n.getFixedT('zh-CN');
    expect([45, 185, 7800].map((v) => seconds(zh, v))).toEqual(['45秒', '3分05秒', '2小时10分']);
  });
});
