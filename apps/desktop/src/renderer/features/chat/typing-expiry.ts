/** A `typing: true` lapses after this long without another (typing is never stored or retried). */
const TYPING_EXPIRES_MS = 6000;
/**
 * A visitor's draft left in the box (`typing: false` with a preview) lapses after this long without
 * another update: a visitor who closed the page sends nothing more.
 */
export const DRAFT_EXPIRES_MS = 60_000;

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * Shows or clears a typing indicator through `show`; one that says `true` is cleared again unless
 * another update for the same `key` arrives within `lapsesAfterMs`.
 */
export function showTyping(
  key: string,
  typing: boolean,
  show: (typing: boolean) => void,
  lapsesAfterMs = TYPING_EXPIRES_MS,
): void {
  clearTimeout(timers.get(key));
  timers.delete(key);
  show(typing);
  if (typing)
    timers.set(
      key,
      setTimeout(() => show(false), lapsesAfterMs),
    );
}
