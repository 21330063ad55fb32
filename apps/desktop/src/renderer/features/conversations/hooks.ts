import { useMemo } from 'react';
import type { CachedConversation } from '../../../shared/cache-schemas.js';
import { useSession } from '../session/store.js';
import { conversationsIn, inView, type ListView, useConversations } from './store.js';

/** The conversations of one list, newest activity first. */
export function useConversationList(view: ListView): CachedConversation[] {
  const byId = useConversations((s) => s.byId);
  const user = useSession((s) => s.user);
  return useMemo(() => (user ? conversationsIn(view, byId, user) : []), [byId, user, view]);
}

export function useViewCounts(): Record<ListView, number> {
  const byId = useConversations((s) => s.byId);
  const user = useSession((s) => s.user);
  return useMemo(() => {
    const counts: Record<ListView, number> = { mine: 0, queue: 0, unassigned: 0 };
    if (!user) return counts;
    for (const c of Object.values(byId)) {
      for (const view of ['mine', 'queue', 'unassigned'] as const) {
        if (inView(view, c.conversation, user.id, user.teamIds)) counts[view]++;
      }
    }
    return counts;
  }, [byId, user]);
}
