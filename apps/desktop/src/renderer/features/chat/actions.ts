import type { Attachment, ConversationResolve, TransferTarget } from '@switchboard/protocol';
import { go } from '../../app/routes.js';
import { requireAccount, runtime } from '../../app/runtime.js';
import { SharedCalls } from '../../app/shared-calls.js';
import { bridge } from '../../host/bridge.js';
import { useConversations } from '../conversations/store.js';
import { stopRinging } from '../notifications/notify.js';
import { usePresence } from '../status/store.js';
import { storeConversations } from '../sync/cache-writes.js';
import { syncConversation } from '../sync/resync.js';
import { useTabs } from '../tabs/store.js';
import { type ToastAction, toastError } from '../toasts/store.js';
import { useChat } from './store.js';
import { takenByMe } from './taken-by-me.js';

/** The newest messages paint first; older ones are read a page at a time as the agent scrolls up. */
const FIRST_MESSAGES = 100;
const OLDER_PAGE = 200;

/**
 * From anywhere in the app (the supervisor view, reports, a notification, a link): the workbench
 * view comes forward with the chat open.
 */
export async function showConversation(conversationId: string): Promise<void> {
  go('workbench');
  await openConversation(conversationId);
}

/**
 * Opens a conversation in a tab: cached messages at once, then subscribe and catch up. The tab
 * opens once the newest cached messages are in (a local read), so the chat view renders and lays
 * out once, with them, rather than empty first.
 */
export async function openConversation(conversationId: string): Promise<void> {
  usePresence.getState().stopRinging(conversationId);
  stopRinging(conversationId);
  try {
    await loadCachedMessages(conversationId);
  } finally {
    useTabs.getState().openTab(conversationId);
  }
  await loadTimeline(conversationId);
}

/**
 * A chat this workbench may never have cached (an old, resolved one; a report's): fetched first,
 * then shown in the workbench. A failure leaves the agent where they were, with a toast.
 */
export async function openFromServer(conversationId: string, context: ToastAction): Promise<void> {
  const connection = runtime.connection;
  if (!useConversations.getState().byId[conversationId] && connection) {
    const result = await connection.request('conversation:subscribe', { conversationId });
    if (!result.ok) return toastError(context, result.error);
    await storeConversations([result.data]);
  }
  await showConversation(conversationId);
}

const loading = new SharedCalls<void>();

/** Opening a tab and activating it both load it; concurrent loads of one conversation are one. */
export function loadTimeline(conversationId: string): Promise<void> {
  return loading.run(conversationId, () => loadTimelineOnce(conversationId));
}

const readingCache = new SharedCalls<void>();

/** The newest cached messages into the store, unless they are there; older ones page in on scroll. */
function loadCachedMessages(conversationId: string): Promise<void> {
  if (useChat.getState().messages[conversationId]) return Promise.resolve();
  return readingCache.run(conversationId, () => readNewest(conversationId));
}

async function readNewest(conversationId: string): Promise<void> {
  const account = requireAccount();
  const newest = await bridge['cache:messages']({ ...account, conversationId, limit: FIRST_MESSAGES });
  useChat.getState().setOlderCached(conversationId, newest.length === FIRST_MESSAGES);
  useChat.getState().setMessages(conversationId, newest);
}

const readingOlder = new SharedCalls<void>();

/** The page of cached messages above the oldest one shown, one read at a time per conversation. */
export function loadOlderMessages(conversationId: string): Promise<void> {
  return readingOlder.run(conversationId, () => readOlder(conversationId));
}

/**
 * Brings a message of an open chat into view, highlighted (a search hit, its `words` marked):
 * older pages are read from the cache until it is loaded, then its timeline scrolls to it.
 */
export async function revealMessage(conversationId: string, seq: number, words?: string): Promise<void> {
  for (;;) {
    const oldest = useChat.getState().messages[conversationId]?.[0];
    if (!oldest || oldest.seq <= seq || !useChat.getState().olderCached[conversationId]) break;
    await loadOlderMessages(conversationId);
    // Nothing older came (signed out meanwhile): stop rather than ask again.
    if (useChat.getState().messages[conversationId]?.[0] === oldest) break;
  }
  useChat.getState().reveal({ conversationId, seq, words });
}

async function readOlder(conversationId: string): Promise<void> {
  const account = runtime.account;
  const oldest = useChat.getState().messages[conversationId]?.[0];
  if (!account || !oldest || !useChat.getState().olderCached[conversationId]) return;
  const page = await bridge['cache:messages']({
    ...account,
    conversationId,
    limit: OLDER_PAGE,
    beforeSeq: oldest.seq,
  });
  if (runtime.account !== account) return;
  useChat.getState().setOlderCached(conversationId, page.length === OLDER_PAGE);
  useChat.getState().setMessages(conversationId, page);
}

async function loadTimelineOnce(conversationId: string): Promise<void> {
  await loadCachedMessages(conversationId);
  const connection = runtime.connection;
  if (!connection?.socket.connected) return;
  const subscribed = await connection.request('conversation:subscribe', { conversationId });
  if (subscribed.ok) await storeConversations([subscribed.data]);
  await syncConversation(conversationId);
  const events = await connection.rest('timeline', { params: { conversationId } });
  if (events.ok) useChat.getState().setEvents(conversationId, events.data);
  await markRead(conversationId);
}

/** Marks everything shown as read, locally and on the server (the visitor sees the receipt). */
export async function markRead(conversationId: string): Promise<void> {
  const account = runtime.account;
  const messages = useChat.getState().messages[conversationId];
  const last = messages?.at(-1);
  if (!account || !last) return;
  const cached = await bridge['cache:mark-read']({ ...account, conversationId, seq: last.seq });
  if (cached) useConversations.getState().upsert([cached]);
  const c = useConversations.getState().byId[conversationId]?.conversation;
  if (c?.assignee?.id === account.userId) {
    void runtime.connection?.request('message:read', { conversationId, seq: last.seq });
  }
}

export async function take(conversationId: string): Promise<void> {
  const connection = runtime.connection;
  if (!connection) return;
  takenByMe.add(conversationId);
  const result = await connection.request('conversation:take', { conversationId });
  if (!result.ok) {
    takenByMe.delete(conversationId);
    return toastError('take', result.error);
  }
  await storeConversations([result.data]);
  // Taken from its own view: an agent who moved to another chat while the take was on its way is
  // not pulled back to it (its tab loads when they return to it).
  if (useTabs.getState().active === conversationId) await openConversation(conversationId);
}

export async function acceptOffer(offerId: string): Promise<void> {
  const connection = runtime.connection;
  const offer = usePresence.getState().offers[offerId];
  if (!connection || !offer) return;
  takenByMe.add(offer.conversation.id);
  const result = await connection.request('offer:accept', { offerId });
  usePresence.getState().removeOffer(offerId);
  stopRinging(offer.conversation.id);
  if (!result.ok) return toastError('accept', result.error);
  await storeConversations([result.data]);
  await openConversation(result.data.id);
}

export async function declineOffer(offerId: string): Promise<void> {
  const offer = usePresence.getState().offers[offerId];
  usePresence.getState().removeOffer(offerId);
  if (offer) stopRinging(offer.conversation.id);
  const result = await runtime.connection?.request('offer:decline', { offerId });
  if (result && !result.ok) toastError('decline', result.error);
}

export async function transfer(conversationId: string, to: TransferTarget, reason: string): Promise<boolean> {
  const result = await runtime.connection?.request('conversation:transfer', { conversationId, to, reason });
  if (!result) return false;
  if (!result.ok) {
    toastError('transfer', result.error);
    return false;
  }
  await storeConversations([result.data]);
  useTabs.getState().closeTab(conversationId);
  return true;
}

export async function resolve(request: ConversationResolve): Promise<boolean> {
  const result = await runtime.connection?.request('conversation:resolve', request);
  if (!result) return false;
  if (!result.ok) {
    toastError('resolve', result.error);
    return false;
  }
  await storeConversations([result.data]);
  return true;
}

/** A resolved chat's tags replaced; false (with a toast) when the server refused. */
export async function retag(conversationId: string, tags: string[]): Promise<boolean> {
  const result = await runtime.connection?.request('conversation:tag', { conversationId, tags });
  if (!result) return false;
  if (!result.ok) {
    toastError('tags', result.error);
    return false;
  }
  await storeConversations([result.data]);
  return true;
}

export function saveDraft(conversationId: string, body: string, internal: boolean): void {
  const draft = { conversationId, body, internal };
  useChat.getState().setDraft(draft);
  const account = runtime.account;
  if (account) void bridge['drafts:save']({ ...account, draft });
}

let lastTyping = 0;
/** Typing is throttled, and never sent while writing an internal note (the visitor would see it). */
export function sendTyping(conversationId: string, typing: boolean, internal: boolean): void {
  if (internal) return;
  const now = Date.now();
  if (typing && now - lastTyping < 3000) return;
  lastTyping = typing ? now : 0;
  void runtime.connection?.request('typing:set', { conversationId, typing });
}

/** Uploads a file over HTTP (never over the socket), returning the Attachment to send. */
export async function upload(conversationId: string, file: File): Promise<Attachment | null> {
  const form = new FormData();
  form.append('file', file, file.name);
  const result = await runtime.connection?.rest('uploadAttachment', { params: { conversationId }, form });
  if (!result) return null;
  if (result.ok) return result.data;
  toastError('upload', result.error);
  return null;
}
