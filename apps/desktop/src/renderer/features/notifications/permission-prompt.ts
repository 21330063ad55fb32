import { deviceStorage, readStored, writeStored } from '../../host/tab-storage.js';

/** How long "Not now" keeps the notification bar away: long enough not to nag, short enough to ask again. */
export const PROMPT_SNOOZE_MS = 7 * 24 * 60 * 60 * 1000;

const KEY = 'switchboard.notificationPrompt';

/** "Not now", said while the browser's permission was `permission`, until `until` (epoch ms). */
interface Snooze {
  permission: string;
  until: number;
}

/** Read back by hand, not with zod: the bar is part of the first paint, which keeps zod out. */
const snoozeReader = {
  safeParse(value: unknown): { success: true; data: Snooze } | { success: false } {
    if (typeof value !== 'object' || value === null) return { success: false };
    const { permission, until } = value as Record<string, unknown>;
    if (typeof permission !== 'string' || typeof until !== 'number' || !Number.isFinite(until)) {
      return { success: false };
    }
    return { success: true, data: { permission, until } };
  },
};

/**
 * Whether the bar asking for notifications stays hidden: "Not now" was said in this browser, under
 * the same permission, less than a week ago. A changed permission (the agent reset the site's
 * choice, or blocked it) asks again at once.
 */
export function promptSnoozed(
  permission: string,
  now = Date.now(),
  storage: Storage | null = deviceStorage(),
): boolean {
  const snooze = readStored(storage, KEY, snoozeReader);
  return snooze !== null && snooze.permission === permission && now < snooze.until;
}

/** "Not now": kept in this browser (every tab, every account: it is the browser's permission). */
export function snoozePrompt(
  permission: string,
  now = Date.now(),
  storage: Storage | null = deviceStorage(),
): void {
  writeStored(storage, KEY, { permission, until: now + PROMPT_SNOOZE_MS } satisfies Snooze);
}
