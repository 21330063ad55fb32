import type { Conversation } from '@switchboard/protocol';
import { useEffect, useMemo } from 'react';
import { runtime } from '../../app/runtime.js';
import { previousConversations, useConversations } from '../conversations/store.js';
import { useErased } from '../privacy/erased-store.js';
import { usePresence } from '../status/store.js';
import { freshHistory, useVisitorHistoryCache } from './history-store.js';

/** How many of a visitor's other conversations the visitor panel lists, newest first. */
export const HISTORY_SHOWN = 10;

/**
 * The visitor's other conversations: those this device holds and those the server lists for this
 * agent (chats other agents had, on any device the signed identity used), each once in its
 * fresher copy, newest first, without `current`.
 */
export function mergeHistory(
  cached: readonly Conversation[],
  fetched: readonly Conversation[],
  current: string,
  /** Erased since the server answered (the retention period, say): left out. */
  erased: Readonly<Record<string, true>> = {},
): Conversation[] {
  const byId = new Map<string, Conversation>();
  for (const c of [...cached, ...fetched.filter((f) => !erased[f.id])]) {
    const known = byId.get(c.id);
    if (c.id !== current && (!known || known.updatedAt < c.updatedAt)) byId.set(c.id, c);
  }
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, HISTORY_SHOWN);
}

/**
 * The visitor panel's history. The cached part shows at once and offline; the server's is asked
 * for when the panel shows a visitor whose list it has not given in the last minute
 * (`HISTORY_FRESH_MS`), and again when the server is back in reach. A failed answer leaves the
 * cached part: the panel is no place for an error.
 */
export function useVisitorHistory(visitorId: string | undefined, current: string): Conversation[] {
  const byId = useConversations((s) => s.byId);
  const ids = useConversations((s) => (visitorId ? s.byVisitor[visitorId] : undefined));
  const reachable = usePresence((s) => s.reachable);
  const erased = useErased((s) => s.ids);
  const fetched = useVisitorHistoryCache((s) => (visitorId ? s.byVisitor[visitorId] : undefined));

  useEffect(() => {
    const cache = useVisitorHistoryCache.getState();
    if (!reachable) return cache.markStale();
    const connection = runtime.connection;
    if (!visitorId || !connection || freshHistory(cache.byVisitor, visitorId, Date.now())) return;
    void connection
      .rest('listConversations', { query: { visitorId, limit: HISTORY_SHOWN + 1 } })
      .then((result) => {
        // A sign-out meanwhile: the answer belongs to the last account.
        if (result.ok && runtime.connection === connection)
          useVisitorHistoryCache.getState().put(visitorId, result.data.items, Date.now());
      });
  }, [visitorId, reachable]);

  return useMemo(
    () => mergeHistory(previousConversations(byId, ids, current), fetched?.items ?? [], current, erased),
    [byId, ids, current, fetched, erased],
  );
}
