import { useColleagues } from '../chat/colleagues.js';
import { useChatDialog } from '../chat/dialog-store.js';
import { useImageViewer } from '../chat/image-viewer.js';
import { useChat } from '../chat/store.js';
import { takenByMe } from '../chat/taken-by-me.js';
import { useConversations } from '../conversations/store.js';
import { useSearch } from '../search/store.js';
import { usePresence } from '../status/store.js';
import { useSupervisor } from '../supervisor/store.js';
import { useTabs } from '../tabs/store.js';
import { useVisitedPages } from '../visitor/visited-pages-store.js';
import { useErased } from './erased-store.js';

type Gone = ReadonlySet<string>;

/** `record` without the keys in `gone` (the same object when it had none of them). */
function without<T>(record: Record<string, T>, gone: Gone): Record<string, T> {
  if (!Object.keys(record).some((key) => gone.has(key))) return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => !gone.has(key)));
}

/** `record`'s entries whose value does not belong to a conversation in `gone`. */
function withoutValues<T>(record: Record<string, T>, gone: Gone, idOf: (value: T) => string) {
  if (!Object.values(record).some((value) => gone.has(idOf(value)))) return record;
  return Object.fromEntries(Object.entries(record).filter(([, value]) => !gone.has(idOf(value))));
}

function forgetListed(gone: Gone): void {
  useConversations.setState((s) => {
    const byVisitor: Record<string, readonly string[]> = {};
    for (const [visitorId, ids] of Object.entries(s.byVisitor)) {
      const kept = ids.filter((id) => !gone.has(id));
      if (kept.length > 0) byVisitor[visitorId] = kept;
    }
    return { byId: without(s.byId, gone), byVisitor };
  });
  useSearch.setState((s) => ({
    hits: s.hits?.filter((hit) => !gone.has(hit.conversationId)) ?? null,
    conversations: s.conversations.filter((c) => !gone.has(c.conversationId)),
  }));
}

function forgetOpened(gone: Gone): void {
  for (const id of useTabs.getState().open) if (gone.has(id)) useTabs.getState().closeTab(id);
  const dialog = useChatDialog.getState().open;
  if (dialog && gone.has(dialog.conversationId)) useChatDialog.getState().close();
  const picture = useImageViewer.getState().attachment;
  if (picture && gone.has(picture.conversationId)) useImageViewer.getState().close();
  useChat.setState((s) => ({
    messages: without(s.messages, gone),
    outbox: withoutValues(s.outbox, gone, (item) => item.conversationId),
    drafts: without(s.drafts, gone),
    typing: without(s.typing, gone),
    visitorDrafts: without(s.visitorDrafts, gone),
    visitorRead: without(s.visitorRead, gone),
    events: without(s.events, gone),
    olderCached: without(s.olderCached, gone),
  }));
  useColleagues.setState((s) => ({ viewers: without(s.viewers, gone), typing: without(s.typing, gone) }));
  useVisitedPages.setState((s) => ({ byConversation: without(s.byConversation, gone) }));
}

function forgetWatched(gone: Gone): void {
  usePresence.setState((s) => ({
    offers: withoutValues(s.offers, gone, (offer) => offer.conversation.id),
    ringing: s.ringing.filter((id) => !gone.has(id)),
  }));
  for (const id of gone) takenByMe.delete(id);
  forgetSupervised(gone);
}

/** The supervisor's monitored chat and live rows: also the whole of what the supervisor window holds. */
export function forgetSupervised(gone: Gone): void {
  const { monitored, feed } = useSupervisor.getState();
  if (monitored && gone.has(monitored.id)) useSupervisor.getState().setMonitored(null);
  if (!feed) return;
  const chats = without(feed.chats, gone);
  if (chats !== feed.chats) useSupervisor.getState().setFeed({ ...feed, chats });
}

/**
 * Erased conversations leave every store of the page that can hold one: the lists, the search's
 * answer, tabs (closed), timelines, unsent replies, drafts, who else is looking, the pages its
 * visitor went to, the open picture and dialog, offers and rings, and the supervisor's monitored
 * chat.
 */
export function forgetInStores(ids: Iterable<string>): void {
  const gone = new Set(ids);
  if (gone.size === 0) return;
  forgetListed(gone);
  forgetOpened(gone);
  forgetWatched(gone);
  useErased.getState().add(gone);
}
