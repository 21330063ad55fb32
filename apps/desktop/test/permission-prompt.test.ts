import { describe, expect, it } from 'vitest';
import {
  PROMPT_SNOOZE_MS,
  promptSnoozed,
  snoozePrompt,
} from '../src/renderer/features/notifications/permission-prompt.js';
import { TabStorage } from './support/tab-storage.js';

const NOW = Date.parse('2026-12-05T10:00:00Z');

describe('the notification bar\'s "Not now"', () => {
  it('keeps the bar away for a week under the same permission, then asks again', () => {
    const storage = new TabStorage();
    expect(promptSnoozed('default', NOW, storage)).toBe(false);
    snoozePrompt('default', NOW, storage);
    expect(promptSnoozed('default', NOW, storage)).toBe(true);
    expect(promptSnoozed('default', NOW + PROMPT_SNOOZE_MS - 1, storage)).toBe(true);
    expect(promptSnoozed('default', NOW + PROMPT_SNOOZE_MS, storage)).toBe(false);
  });

  it('asks again at once when the permission has changed since', () => {
    const storage = new TabStorage();
    snoozePrompt('default', NOW, storage);
    expect(promptSnoozed('denied', NOW, storage)).toBe(false);
    snoozePrompt('denied', NOW, storage);
    expect(promptSnoozed('denied', NOW, storage)).toBe(true);
    expect(promptSnoozed('default', NOW, storage)).toBe(false);
  });

  it('reads a damaged or foreign entry as no snooze and removes it', () => {
    for (const kept of ['not json', '{"permission":"default"}', '{"permission":1,"until":9e15}', 'null']) {
      const storage = new TabStorage();
      storage.setItem('switchboard.notificationPrompt', kept);
      expect(promptSnoozed('default', NOW, storage)).toBe(false);
      expect(storage.length).toBe(0);
    }
  });

  it('asks every time where the browser refuses storage', () => {
    snoozePrompt('default', NOW, null);
    expect(promptSnoozed('default', NOW, null)).toBe(false);
  });
});
