import type { Conversation, VisitorPresenceUpdate } from '@switchboard/protocol';
import { storeConversations } from '../sync/cache-writes.js';
import { useConversations } from './store.js';

/**
 * A visitor came or went (`visitor:presence`): every conversation of theirs held here says so, in
 * the cache too (a later read of the cache must not bring back what they were).
 */
export async function onVisitorPresence({ visitorId, leftAt }: VisitorPresenceUpdate): Promise<void> {
  const { byVisitor, byId } = useConversations.getState();
  const changed: Conversation[] = [];
  for (const id of byVisitor[visitorId] ?? []) {
    const c = byId[id]?.conversation;
    if (c && c.visitor.leftAt !== leftAt) changed.push(withVisitorLeftAt(c, leftAt));
  }
  await storeConversations(changed);
}

/** The conversation as it is once its visitor came (null) or went (`visitor:presence`). */
export function withVisitorLeftAt(c: Conversation, leftAt: string | null): Conversation {
  return { ...c, visitor: { ...c.visitor, leftAt } };
}
