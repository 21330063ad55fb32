import type { CachedConversation } from '../../../shared/cache-schemas.js';
import { awaitingReplyOf } from '../conversations/awaiting-reply.js';

/**
 * The conversation after (`step` 1) or before (-1) the open one in the list on screen; from
 * outside the list, its first (or last). Stops at either end; null for an empty list.
 */
export function neighbourIn(list: readonly string[], active: string | null, step: 1 | -1): string | null {
  if (list.length === 0) return null;
  const at = active === null ? -1 : list.indexOf(active);
  if (at === -1) return (step === 1 ? list[0] : list.at(-1)) ?? null;
  return list[Math.min(list.length - 1, Math.max(0, at + step))] ?? null;
}

/**
 * The chat whose visitor has waited longest for a reply, other than the one open (the agent is
 * answering it): where an agent with several chats should go next. Null when no other waits.
 */
export function longestWaiting(items: readonly CachedConversation[], active: string | null): string | null {
  let best: { id: string; since: number } | null = null;
  for (const item of items) {
    const since = awaitingReplyOf(item);
    if (since === null || item.conversation.id === active) continue;
    const at = Date.parse(since);
    if (best === null || at < best.since) best = { id: item.conversation.id, since: at };
  }
  return best?.id ?? null;
}
