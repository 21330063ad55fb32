import type { Message } from '@switchboard/protocol';
import { awaitingReplySince } from '../../shared/awaiting-reply.js';
import { bridgeChannels, type SwitchboardBridge } from '../../shared/bridge.js';
import type { CachedConversation, Draft, OutboxItem, TabState } from '../../shared/cache-schemas.js';
import { newRow } from '../../shared/new-row.js';
import { newestOf } from '../../shared/newest-message.js';
import { isOwnMessage } from '../../shared/own-message.js';
import { Settings } from '../../shared/settings.js';
import { tabsWithout } from '../../shared/tabs-without.js';
import { registerAppShellWorker } from './app-shell-worker.js';
import { showUnreadInTab } from './browser-badge.js';
import {
  clearConversationLists,
  loadConversationList,
  saveConversationList,
} from './browser-conversation-list.js';
import { clearErasureSeqs, loadErasureSeq, saveErasureSeq } from './browser-erasure-seq.js';
import {
  clearKeptMessages,
  type KeptChat,
  loadKeptMessages,
  saveKeptMessages,
} from './browser-kept-messages.js';
import { browserManaged } from './browser-managed.js';
import {
  claimBrowserSession,
  clearBrowserSession,
  loadBrowserSession,
  saveBrowserSession,
} from './browser-session.js';
import { loadBrowserSettings, saveBrowserSettings } from './browser-settings.js';
import { clearUnsentWork, loadUnsentWork, saveUnsentWork } from './browser-unsent-work.js';
import { searchInMemory } from './memory-search.js';
import type { TabAccount } from './tab-storage.js';

/** How long after a change the conversation list is written to the tab's storage. */
const LIST_SAVE_DELAY_MS = 300;

/**
 * The bridge when the workbench runs in a plain browser (/app): an in-memory cache for this page,
 * Web Notifications, the unread count in the tab's title and favicon (`browser-badge.ts`), no
 * tray. What outlives a reload, for this tab alone: the session (`browser-session.ts`), the
 * agent's unsent work, outbox, drafts and open tabs (`browser-unsent-work.ts`), the conversation
 * list (`browser-conversation-list.ts`), the open chats' newest messages
 * (`browser-kept-messages.ts`) and how far through the server's erasures those are
 * (`browser-erasure-seq.ts`); the rest is fetched from the server again.
 */
export function createBrowserBridge(capabilities: SwitchboardBridge['capabilities']): SwitchboardBridge {
  registerAppShellWorker();
  const conversations = new Map<string, CachedConversation>();
  const messages = new Map<string, Map<number, Message>>();
  const readMarks = new Map<string, number>();
  const outbox = new Map<string, OutboxItem>();
  const drafts = new Map<string, Draft>();
  let tabs: TabState = { open: [], active: null };
  let settings = loadBrowserSettings();
  let me = '';
  /** Whose unsent work the maps above hold, and where it is kept. */
  let account: TabAccount | null = null;
  const keepUnsentWork = () => {
    if (account)
      saveUnsentWork(account, { outbox: [...outbox.values()], drafts: [...drafts.values()], tabs });
  };
  /** The open chats' newest messages, the active one first (it matters most if space runs out). */
  const openChats = (): KeptChat[] =>
    [...new Set([tabs.active, ...tabs.open])]
      .filter((id): id is string => id !== null && conversations.has(id))
      .map((id) => ({ conversationId: id, messages: [...(messages.get(id)?.values() ?? [])] }));
  /**
   * The list and the open chats' messages are kept a moment after they change (many changes come
   * together), and when the page goes.
   */
  let listTimer: ReturnType<typeof setTimeout> | undefined;
  const saveList = () => {
    clearTimeout(listTimer);
    listTimer = undefined;
    if (!account) return;
    const list = saveConversationList(account, conversations.values());
    const marks = list.flatMap(({ conversation: { id } }) => {
      const seq = readMarks.get(id);
      return seq === undefined ? [] : [[id, seq] as const];
    });
    saveKeptMessages(account, { readMarks: Object.fromEntries(marks), chats: openChats() });
  };
  const keepList = () => {
    listTimer ??= setTimeout(saveList, LIST_SAVE_DELAY_MS);
  };
  globalThis.addEventListener?.('pagehide', () => {
    if (listTimer !== undefined) saveList();
  });
  /** What this tab kept for the account: its unsent work, and its list if the page has none yet. */
  const restoreKept = (next: TabAccount) => {
    if (account?.serverUrl === next.serverUrl && account.userId === next.userId) return;
    account = { serverUrl: next.serverUrl, userId: next.userId };
    const work = loadUnsentWork(account);
    outbox.clear();
    drafts.clear();
    for (const item of work?.outbox ?? []) outbox.set(item.clientMsgId, item);
    for (const draft of work?.drafts ?? []) drafts.set(draft.conversationId, draft);
    tabs = work?.tabs ?? { open: [], active: null };
    if (conversations.size > 0) return;
    // Each chat syncs its history from the start again (the open ones keep only their newest
    // messages), and what the agent had read stays read.
    for (const kept of loadConversationList(account))
      conversations.set(kept.conversation.id, { ...kept, syncedSeq: 0 });
    const kept = loadKeptMessages(account);
    for (const [id, seq] of Object.entries(kept.readMarks)) if (conversations.has(id)) readMarks.set(id, seq);
    for (const chat of kept.chats)
      if (conversations.has(chat.conversationId))
        messages.set(chat.conversationId, new Map(chat.messages.map((m) => [m.seq, m])));
  };

  const refresh = (id: string) => {
    const cached = conversations.get(id);
    if (!cached) return null;
    const newestFirst = [...(messages.get(id)?.values() ?? [])].sort((a, b) => b.seq - a.seq);
    const mark = readMarks.get(id) ?? 0;
    let synced = cached.syncedSeq;
    const bySeq = messages.get(id);
    while (bySeq?.has(synced + 1)) synced++;
    const last = newestFirst[0];
    const next: CachedConversation = {
      ...cached,
      unread: newestFirst.filter((m) => m.seq > mark && !isOwnMessage(m, me)).length,
      newest: last ? newestOf(last) : cached.newest,
      syncedSeq: synced,
      awaitingReplySince: awaitingReplySince(newestFirst),
    };
    conversations.set(id, next);
    keepList();
    return next;
  };
  const put = (list: readonly Message[], focused: boolean) => {
    const touched = new Set<string>();
    for (const m of list) {
      if (!conversations.has(m.conversationId)) continue;
      const bySeq = messages.get(m.conversationId) ?? new Map<number, Message>();
      messages.set(m.conversationId, bySeq);
      if (bySeq.has(m.seq)) continue;
      bySeq.set(m.seq, m);
      touched.add(m.conversationId);
    }
    return [...touched].flatMap((id) => {
      if (focused) readMarks.set(id, Math.max(readMarks.get(id) ?? 0, ...(messages.get(id)?.keys() ?? [])));
      return refresh(id) ?? [];
    });
  };
  const ok = async () => ({});
  const listeners = new Map<string, Set<(payload: never) => void>>();

  const bridge: SwitchboardBridge = {
    capabilities,
    ...browserManaged(),
    'app:boot': async () => ({ settings, session: await claimBrowserSession(), snapshot: null }),
    'session:load': async () => loadBrowserSession(),
    // The page's own origin needs no CSP change here.
    'session:choose-server': async ({ serverUrl }) => {
      settings = { ...settings, serverUrl: new URL(serverUrl).origin };
      return { reload: false };
    },
    'session:save': async (session) => {
      saveBrowserSession(session);
      return {};
    },
    'session:clear': async () => {
      clearBrowserSession();
      clearUnsentWork();
      clearTimeout(listTimer);
      listTimer = undefined;
      clearConversationLists();
      clearKeptMessages();
      clearErasureSeqs();
      account = null;
      conversations.clear();
      messages.clear();
      readMarks.clear();
      outbox.clear();
      drafts.clear();
      tabs = { open: [], active: null };
      return {};
    },
    'cache:load': async ({ serverUrl, userId }) => {
      me = userId;
      restoreKept({ serverUrl, userId });
      return {
        conversations: [...conversations.values()],
        total: conversations.size,
        outbox: [...outbox.values()],
        drafts: [...drafts.values()],
        tabs,
      };
    },
    'cache:conversations': async () => [],
    'cache:messages': async ({ conversationId, limit, beforeSeq = Number.MAX_SAFE_INTEGER }) =>
      [...(messages.get(conversationId)?.values() ?? [])]
        .filter((m) => m.seq < beforeSeq)
        .sort((a, b) => a.seq - b.seq)
        .slice(-limit),
    'cache:put-conversations': async (request) => {
      keepList();
      return bridgeChannels['cache:put-conversations'].request.parse(request).conversations.map((c) => {
        const cached = conversations.get(c.id);
        conversations.set(c.id, cached ? { ...cached, conversation: c } : newRow(c));
        return conversations.get(c.id) as CachedConversation;
      });
    },
    'cache:put-messages': async ({ messages: list, focused }) => put(list, focused),
    'cache:mark-read': async ({ conversationId, seq }) => {
      readMarks.set(conversationId, Math.max(readMarks.get(conversationId) ?? 0, seq));
      return refresh(conversationId);
    },
    'cache:search': async ({ q, limit, offset, from, to }) =>
      searchInMemory(
        [...messages.values()].flatMap((bySeq) => [...bySeq.values()]),
        q,
        limit,
        { from, to },
        offset,
      ),
    // Erased: gone from memory and from what the tab keeps, at once rather than a moment later.
    'cache:forget-conversations': async ({ conversationIds, erasureSeq, serverUrl, userId }) => {
      const gone = new Set(conversationIds);
      for (const id of gone) {
        conversations.delete(id);
        messages.delete(id);
        readMarks.delete(id);
        drafts.delete(id);
      }
      for (const [clientMsgId, item] of outbox) if (gone.has(item.conversationId)) outbox.delete(clientMsgId);
      tabs = tabsWithout(tabs, gone);
      keepUnsentWork();
      saveList();
      if (erasureSeq !== undefined) saveErasureSeq({ serverUrl, userId }, erasureSeq);
      return {};
    },
    'cache:erasure-seq': async (request) => ({ seq: loadErasureSeq(request) }),
    'outbox:enqueue': async ({ item }) => {
      outbox.set(item.clientMsgId, item);
      keepUnsentWork();
      return {};
    },
    'outbox:ack': async ({ clientMsgId, message }) => {
      outbox.delete(clientMsgId);
      keepUnsentWork();
      return put([message], true);
    },
    'outbox:fail': async ({ clientMsgId, error }) => {
      const item = outbox.get(clientMsgId);
      if (item) outbox.set(clientMsgId, { ...item, status: 'failed', error });
      keepUnsentWork();
      return {};
    },
    'outbox:list': async () => [...outbox.values()],
    'drafts:save': async ({ draft }) => {
      drafts.set(draft.conversationId, draft);
      keepUnsentWork();
      return {};
    },
    'tabs:save': async ({ tabs: next }) => {
      tabs = next;
      keepUnsentWork();
      keepList();
      return {};
    },
    'notify:show': async ({ kind, title, body, tabFocused }) => {
      const hidden = kind === 'message' && tabFocused && document.hasFocus();
      if (hidden || !('Notification' in globalThis) || Notification.permission !== 'granted')
        return { shown: false };
      new Notification(title, { body });
      return { shown: true };
    },
    'notify:dismiss': ok,
    'app:badge': async ({ unread }) => {
      showUnreadInTab(unread);
      return {};
    },
    'app:status': ok,
    'settings:load': async () => settings,
    'settings:save': async ({ settings: next }) => {
      settings = Settings.parse(next);
      saveBrowserSettings(settings);
      return settings;
    },
    'app:open-external': async ({ url }) => {
      const safe = /^https?:$/.test(new URL(url, 'invalid:/').protocol);
      if (safe) window.open(url, '_blank', 'noopener,noreferrer');
      return { opened: safe };
    },
    // Outside a secure context (an http address other than localhost) the page has no clipboard.
    'clipboard:write-text': async ({ text }) => {
      if (!navigator.clipboard) return { copied: false };
      try {
        await navigator.clipboard.writeText(text);
        return { copied: true };
      } catch {
        return { copied: false };
      }
    },
    // One page in the browser: the supervisor view is a route of it.
    'window:open-supervisor': async () => {
      location.hash = '#/supervisor';
      return { opened: true };
    },
    // The supervisor view is a route of this page, which opens the chat itself.
    'window:show-in-workbench': async () => ({ shown: false }),
    on: (push, listener) => {
      const set = listeners.get(push) ?? new Set();
      listeners.set(push, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
  return bridge;
}
