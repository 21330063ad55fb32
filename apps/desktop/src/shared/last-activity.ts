import type { CachedConversation } from './cache-schemas.js';

/**
 * When a list row last changed: the server's `updatedAt`, or a newer message this device has
 * received or sent since (the server pushes no conversation update for a message in a chat that
 * is taken, so `updatedAt` alone would keep an active chat where it was).
 */
export function lastActivity(row: CachedConversation): string {
  const seen = row.newest?.createdAt;
  return seen !== undefined && seen > row.conversation.updatedAt ? seen : row.conversation.updatedAt;
}

/** Newest activity first; a tie in the order of ids, so the list never swaps rows on a re-render. */
export function byLastActivity(list: CachedConversation[]): CachedConversation[] {
  const keyed = list.map((row) => ({ row, at: lastActivity(row) }));
  keyed.sort((a, b) =>
    a.at === b.at ? a.row.conversation.id.localeCompare(b.row.conversation.id) : a.at < b.at ? 1 : -1,
  );
  return keyed.map(({ row }) => row);
}
