import type { Conversation } from '@switchboard/protocol';
import { create } from 'zustand';
import type { CachedConversation } from '../../../shared/cache-schemas.js';
import { byLastActivity } from '../../../shared/last-activity.js';
import { newRow } from '../../../shared/new-row.js';

export type ListView = 'mine' | 'queue' | 'unassigned';

interface ConversationsState {
  byId: Record<string, CachedConversation>;
  /** Each visitor's conversation ids, so a visitor's history is found without a scan of the list. */
  byVisitor: Record<string, readonly string[]>;
  view: ListView;
  setView(view: ListView): void;
  upsert(list: readonly CachedConversation[]): void;
  /** A server update for a conversation the cache has not answered for yet. */
  patch(conversation: Conversation): void;
}

/** `index` with the conversations new to `known` added to their visitors' lists (copied, not changed). */
function indexByVisitor(
  index: Record<string, readonly string[]>,
  known: Record<string, CachedConversation>,
  conversations: readonly Conversation[],
): Record<string, readonly string[]> {
  let next = index;
  for (const c of conversations) {
    if (known[c.id]) continue;
    if (next === index) next = { ...index };
    next[c.visitor.id] = [...(next[c.visitor.id] ?? []), c.id];
  }
  return next;
}

export const useConversations = create<ConversationsState>((set) => ({
  byId: {},
  byVisitor: {},
  view: 'mine',
  setView: (view) => set({ view }),
  upsert: (list) =>
    set((s) => {
      if (list.length === 0) return s;
      const byVisitor = indexByVisitor(
        s.byVisitor,
        s.byId,
        list.map((c) => c.conversation),
      );
      const byId = { ...s.byId };
      for (const c of list) byId[c.conversation.id] = c;
      return { byId, byVisitor };
    }),
  patch: (conversation) =>
    set((s) => {
      const cached = s.byId[conversation.id];
      return {
        byVisitor: indexByVisitor(s.byVisitor, s.byId, [conversation]),
        byId: {
          ...s.byId,
          [conversation.id]: cached ? { ...cached, conversation } : newRow(conversation),
        },
      };
    }),
}));

/** The visitor's other conversations, newest first. */
export function previousConversations(
  byId: Record<string, CachedConversation>,
  ids: readonly string[] | undefined,
  current: string,
): Conversation[] {
  const previous: Conversation[] = [];
  for (const id of ids ?? []) {
    const c = byId[id]?.conversation;
    if (c && id !== current) previous.push(c);
  }
  return previous.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

/** Which list a conversation belongs in, for the agent `me` in `teamIds`. */
export function inView(view: ListView, c: Conversation, me: string, teamIds: readonly string[]): boolean {
  switch (view) {
    case 'mine':
      return c.assignee?.id === me && c.status === 'assigned';
    case 'queue':
      return c.status === 'queued' && (c.teamId === null || teamIds.includes(c.teamId));
    case 'unassigned':
      return c.assignee === null && (c.status === 'queued' || c.status === 'offline');
    default:
      return false;
  }
}

/** The conversations of one list, newest activity first. */
export function conversationsIn(
  view: ListView,
  byId: Record<string, CachedConversation>,
  user: { id: string; teamIds: readonly string[] },
): CachedConversation[] {
  return byLastActivity(
    Object.values(byId).filter((c) => inView(view, c.conversation, user.id, user.teamIds)),
  );
}

export function unreadTotal(byId: Record<string, CachedConversation>): number {
  let total = 0;
  for (const c of Object.values(byId)) total += c.unread;
  return total;
}
