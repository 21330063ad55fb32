import type { VisitedPage } from '@switchboard/protocol';
import { useEffect } from 'react';
import { runtime } from '../../app/runtime.js';
import { usePresence } from '../status/store.js';
import { useVisitedPages } from './visited-pages-store.js';

/** What the visitor panel shows of a conversation's trail. */
export type TrailView =
  | { kind: 'loading' }
  | { kind: 'unavailable' }
  | { kind: 'ready'; pages: readonly VisitedPage[] };

/**
 * The pages the conversation's visitor went to, newest first. Asked for each time the panel shows
 * the conversation and again when the server is back in reach (pushes missed while away are not
 * replayed); `visitor:page` pushes keep it current meanwhile (app/listeners.ts). Out of reach, or
 * when the server gave no answer, the trail is unavailable: what this window knew may be behind.
 */
export function useVisitedTrail(conversationId: string): TrailView {
  const reachable = usePresence((s) => s.reachable);
  const trail = useVisitedPages((s) => s.byConversation[conversationId]);

  useEffect(() => {
    const connection = runtime.connection;
    if (!reachable || !connection) return;
    const store = useVisitedPages.getState();
    const ask = store.asking(conversationId);
    void connection.rest('visitedPages', { params: { conversationId } }).then((result) => {
      // A sign-out meanwhile: the answer belongs to the last account.
      if (runtime.connection !== connection) return;
      useVisitedPages.getState().answered(conversationId, ask, result.ok ? result.data.pages : null);
    });
  }, [conversationId, reachable]);

  if (!reachable || trail?.failed) return { kind: 'unavailable' };
  if (!trail?.loaded) return { kind: 'loading' };
  return { kind: 'ready', pages: trail.pages };
}
