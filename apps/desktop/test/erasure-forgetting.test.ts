import type { ApiError, Conversation, Erasure, LiveChat } from '@switchboard/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ServerConnection } from '../src/renderer/api/connection.js';
import { createBrowserBridge } from '../src/renderer/host/browser-bridge.js';
import { newRow } from '../src/shared/new-row.js';
import { conversation, message } from './support/fakes.js';
import { TabStorage } from './support/tab-storage.js';

// The web workbench's real bridge is the host: the renderer modules read it when they load.
const capabilities = { tray: false, badge: false, webNotifications: false, durableCache: false };
(globalThis as { sessionStorage?: Storage }).sessionStorage = new TabStorage();
const host = createBrowserBridge(capabilities);
(globalThis as { window?: unknown }).window = { switchboard: host };
const { forgetAccountState } = await import('../src/renderer/app/account-state.js');
const { runtime } = await import('../src/renderer/app/runtime.js');
const { useColleagues } = await import('../src/renderer/features/chat/colleagues.js');
const { useChatDialog } = await import('../src/renderer/features/chat/dialog-store.js');
const { useImageViewer } = await import('../src/renderer/features/chat/image-viewer.js');
const { useChat } = await import('../src/renderer/features/chat/store.js');
const { useConversations } = await import('../src/renderer/features/conversations/store.js');
const { forgetInStores } = await import('../src/renderer/features/privacy/forget-in-stores.js');
const { catchUpErasures, erasuresBehind, onErased } = await import(
  '../src/renderer/features/privacy/erasures.js'
);
const { useSearch } = await import('../src/renderer/features/search/store.js');
const { usePresence } = await import('../src/renderer/features/status/store.js');
const { useSupervisor } = await import('../src/renderer/features/supervisor/store.js');
const { useTabs } = await import('../src/renderer/features/tabs/store.js');
const { useToasts } = await import('../src/renderer/features/toasts/store.js');
const { useVisitedPages } = await import('../src/renderer/features/visitor/visited-pages-store.js');

const account = { serverUrl: 'https://chat.example.com', userId: '3d5c8f2e-7a41-4b6e-9c0d-1f2a3b4c5d6e' };
const VISITOR = { kind: 'visitor' as const, id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };

function liveChat(c: Conversation): LiveChat {
  return {
    conversationId: c.id,
    teamId: null,
    status: 'assigned',
    assignee: null,
    visitor: { id: c.visitor.id, name: c.visitor.name },
    priority: 'normal',
    inBot: false,
    queuedAt: null,
    assignedAt: null,
    firstReplyAt: null,
    missedOffers: 0,
  } as LiveChat;
}

/** Puts `c` in every store that can hold a conversation. */
function holdEverywhere(c: Conversation): void {
  const attachment = {
    id: crypto.randomUUID(),
    conversationId: c.id,
    fileName: 'receipt.png',
    mimeType: 'image/png' as const,
    size: 68,
    createdAt: c.createdAt,
  };
  const said = { ...message(c.id, 1, VISITOR), attachment };
  useConversations.getState().upsert([newRow(c)]);
  useChat.getState().setMessages(c.id, [said]);
  useChat.getState().putOutbox({
    clientMsgId: crypto.randomUUID(),
    conversationId: c.id,
    body: 'unsent',
    visibility: 'all',
    attachment: null,
    status: 'pending',
    error: null,
    createdAt: c.createdAt,
  });
  useChat.getState().setDraft({ conversationId: c.id, body: 'a draft', internal: false });
  useChat.getState().setTyping(c.id, true);
  useChat.getState().setVisitorRead(c.id, 1);
  useChat.getState().setEvents(c.id, []);
  useChat.getState().setOlderCached(c.id, true);
  useColleagues.getState().setViewers(c.id, [{ id: crypto.randomUUID(), name: 'Bob' }] as never);
  useColleagues.getState().setTyping(c.id, 'Bob');
  const visited = useVisitedPages.getState();
  visited.answered(c.id, visited.asking(c.id), [
    { url: 'https://shop.example.com/', title: null, at: c.createdAt },
  ]);
  useTabs.getState().openTab(c.id);
  usePresence.getState().addOffer({ offerId: crypto.randomUUID(), conversation: c, expiresAt: c.createdAt });
  usePresence.getState().ring(c.id);
  useSearch.setState((s) => ({
    hits: [
      ...(s.hits ?? []),
      {
        conversationId: c.id,
        seq: 1,
        snippet: 'm1',
        createdAt: c.createdAt,
        visitorName: null,
        sender: null,
      },
    ],
    conversations: [
      ...s.conversations,
      {
        conversationId: c.id,
        visitorName: 'Vera',
        visitorEmail: null,
        status: c.status,
        updatedAt: c.updatedAt,
      },
    ],
  }));
  const feed = useSupervisor.getState().feed ?? {
    version: 0,
    at: c.createdAt,
    teams: {},
    agents: {},
    chats: {},
  };
  useSupervisor.getState().setFeed({ ...feed, chats: { ...feed.chats, [c.id]: liveChat(c) } });
  useSupervisor.getState().setMonitored(c);
  useSupervisor.getState().addMessages([said]);
  useImageViewer.getState().show(attachment);
  useChatDialog.getState().show(c.id, 'resolve');
}

/** Every place `id` shows up in the page's stores, by store and field. */
function whereHeld(id: string): string[] {
  const found: string[] = [];
  const holds = (where: string, value: unknown) => {
    if (JSON.stringify(value ?? null).includes(id)) found.push(where);
  };
  const { byId, byVisitor } = useConversations.getState();
  holds('conversations.byId', byId);
  holds('conversations.byVisitor', byVisitor);
  const chat = useChat.getState();
  for (const field of [
    'messages',
    'outbox',
    'drafts',
    'typing',
    'visitorRead',
    'events',
    'olderCached',
  ] as const)
    holds(`chat.${field}`, chat[field]);
  holds('colleagues', { viewers: useColleagues.getState().viewers, typing: useColleagues.getState().typing });
  holds('visitedPages', useVisitedPages.getState().byConversation);
  holds('tabs', { open: useTabs.getState().open, active: useTabs.getState().active });
  holds('presence', { offers: usePresence.getState().offers, ringing: usePresence.getState().ringing });
  holds('search', { hits: useSearch.getState().hits, conversations: useSearch.getState().conversations });
  const supervised = useSupervisor.getState();
  holds('supervisor', {
    feed: supervised.feed,
    monitored: supervised.monitored,
    messages: supervised.messages,
  });
  holds('imageViewer', useImageViewer.getState().attachment);
  holds('chatDialog', useChatDialog.getState().open);
  return found;
}

beforeEach(async () => {
  forgetAccountState();
  await host['session:clear']({ account });
  await host['cache:load'](account);
  runtime.account = account;
  runtime.connection = null;
});

describe('forgetting erased conversations in the page', () => {
  it('drops them from every store that can hold one, and leaves the others', () => {
    const kept = conversation();
    const erased = conversation({ visitor: { id: VISITOR.id, name: 'Vera', verified: false } });
    holdEverywhere(kept);
    holdEverywhere(erased);
    expect(whereHeld(erased.id)).toEqual([
      'conversations.byId',
      'conversations.byVisitor',
      ...['messages', 'outbox', 'drafts', 'typing', 'visitorRead', 'events', 'olderCached'].map(
        (f) => `chat.${f}`,
      ),
      'colleagues',
      'visitedPages',
      'tabs',
      'presence',
      'search',
      'supervisor',
      'imageViewer',
      'chatDialog',
    ]);

    forgetInStores([erased.id]);

    expect(whereHeld(erased.id)).toEqual([]);
    // What was about another chat stays; the one monitored, opened or shown last is gone with it.
    expect(whereHeld(kept.id)).toEqual(
      expect.arrayContaining([
        'conversations.byId',
        'chat.messages',
        'chat.outbox',
        'tabs',
        'presence',
        'search',
      ]),
    );
    expect(useTabs.getState()).toMatchObject({ open: [kept.id], active: kept.id });
    expect(useConversations.getState().byVisitor[VISITOR.id]).toBeUndefined();
    expect(Object.keys(useSupervisor.getState().feed?.chats ?? {})).toEqual([kept.id]);
    expect(useSupervisor.getState().monitored).toBeNull();
  });
});

/** The server's `listErasures` over `erasures`, or `failure` while one is set. */
function erasureServer(erasures: Erasure[]) {
  const asked: number[] = [];
  let failure: ApiError | null = null;
  const connection = {
    async rest(name: string, input: { query: { after: number; limit: number } }) {
      if (name !== 'listErasures') throw new Error(`unexpected call ${name}`);
      const { after, limit } = input.query;
      asked.push(after);
      if (failure) return { ok: false, error: failure };
      const items = erasures.filter((e) => e.seq > after).slice(0, limit);
      return { ok: true, data: { items, lastSeq: erasures.at(-1)?.seq ?? 0 } };
    },
  };
  runtime.connection = connection as unknown as ServerConnection;
  return {
    asked,
    fail: (error: ApiError | null) => {
      failure = error;
    },
  };
}

const erasure = (seq: number, conversationId: string = crypto.randomUUID()): Erasure => ({
  seq,
  conversationId,
  erasedAt: '2026-03-02T10:00:00.000Z',
});

/** Conversations in the page and in the host's cache, as the workbench holds them. */
async function cached(count: number): Promise<Conversation[]> {
  const list = Array.from({ length: count }, () => conversation());
  const rows = await host['cache:put-conversations']({ ...account, conversations: list });
  useConversations.getState().upsert(rows);
  return list;
}

async function cachedIds(): Promise<string[]> {
  return (await host['cache:load'](account)).conversations.map((c) => c.conversation.id);
}

describe('catching up with erasures on connecting', () => {
  it('pages through those after the kept seq, forgets the ones held here, and keeps the server’s newest seq', async () => {
    const [first, middle, last, kept] = (await cached(4)) as [
      Conversation,
      Conversation,
      Conversation,
      Conversation,
    ];
    const erasures = Array.from({ length: 2500 }, (_, i) => erasure(i + 1));
    erasures[4] = erasure(5, first.id);
    erasures[1199] = erasure(1200, middle.id);
    erasures[2399] = erasure(2400, last.id);
    const server = erasureServer(erasures);

    await catchUpErasures();

    expect(server.asked).toEqual([0, 1000, 2000]);
    expect(await cachedIds()).toEqual([kept.id]);
    expect(Object.keys(useConversations.getState().byId)).toEqual([kept.id]);
    expect(await host['cache:erasure-seq'](account)).toEqual({ seq: 2500 });
    // The next connect asks only for what came after.
    await catchUpErasures();
    expect(server.asked).toEqual([0, 1000, 2000, 2500]);
  });

  it('tries again at the next connect when the server is away or knows no erasures, and says other failures', async () => {
    const [erased] = (await cached(1)) as [Conversation];
    const server = erasureServer([erasure(1, erased.id)]);
    const toasts = () => useToasts.getState().toasts.map((t) => t.text);
    const before = toasts().length;
    for (const error of [
      { code: 'unavailable', message: 'The server cannot be reached.' },
      { code: 'not-found', message: 'No such endpoint.' },
    ] as const) {
      server.fail(error);
      await catchUpErasures();
    }
    expect(toasts()).toHaveLength(before);
    server.fail({ code: 'internal', message: 'Something broke.' });
    await catchUpErasures();
    expect(toasts().at(-1)).toBe('Erased conversations: Something broke.');
    expect(await cachedIds()).toEqual([erased.id]);
    expect(await host['cache:erasure-seq'](account)).toEqual({ seq: 0 });

    server.fail(null);
    await catchUpErasures();
    expect(server.asked.at(-1)).toBe(0);
    expect(await cachedIds()).toEqual([]);
    expect(await host['cache:erasure-seq'](account)).toEqual({ seq: 1 });
  });

  it('forgets a pushed erasure at once, but keeps its seq only once the catch-up after a connect is done', async () => {
    const [early, late, missed] = (await cached(3)) as [Conversation, Conversation, Conversation];
    const server = erasureServer([erasure(1, missed.id), erasure(2, early.id)]);
    erasuresBehind();
    // Pushed before the catch-up ran: seq 1 (missed while away) is not forgotten yet.
    await onErased({ conversationIds: [early.id], lastSeq: 2 });
    expect(await cachedIds()).not.toContain(early.id);
    expect(useConversations.getState().byId[early.id]).toBeUndefined();
    expect(await host['cache:erasure-seq'](account)).toEqual({ seq: 0 });

    await catchUpErasures();
    expect(server.asked).toEqual([0]);
    expect(await cachedIds()).toEqual([late.id]);
    await onErased({ conversationIds: [late.id], lastSeq: 3 });
    expect(await cachedIds()).toEqual([]);
    expect(await host['cache:erasure-seq'](account)).toEqual({ seq: 3 });

    // A reconnect: behind again until the next catch-up.
    erasuresBehind();
    await onErased({ conversationIds: [crypto.randomUUID()], lastSeq: 9 });
    expect(await host['cache:erasure-seq'](account)).toEqual({ seq: 3 });
  });

  it('starts from the first erasure again when the server’s numbering has started over', async () => {
    const [erased] = (await cached(1)) as [Conversation];
    await host['cache:forget-conversations']({ ...account, conversationIds: [], erasureSeq: 40 });
    const server = erasureServer([erasure(1, erased.id), erasure(2)]);
    await catchUpErasures();
    expect(server.asked).toEqual([40, 0]);
    expect(await cachedIds()).toEqual([]);
    expect(await host['cache:erasure-seq'](account)).toEqual({ seq: 2 });
  });
});
