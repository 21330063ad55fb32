/** A `typing: true` lapses after this long without another (typing is never stored or retried). */
const TYPING_EXPIRES_MS = 6000;

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * Shows or clears a typing indicator through `show`; one that says `true` is cleared again unless
 * another update for the same `key` arrives within TYPING_EXPIRES_MS.
 */
export function showTyping(key: string, typing: boolean, show: (typing: boolean) => void): void {
  clearTimeout(timers.get(key));
  timers.delete(key);
  show(typing);
  if (typing)
    timers.set(
      key,
      setTimeout(() => show(false), TYPING_EXPIRES_MS),
    );
}
