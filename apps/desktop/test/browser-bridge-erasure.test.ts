import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserBridge } from '../src/renderer/host/browser-bridge.js';
import { conversation, message, outboxItem } from './support/fakes.js';
import { TabStorage } from './support/tab-storage.js';

const account = { serverUrl: 'https://chat.example.com', userId: '3d5c8f2e-7a41-4b6e-9c0d-1f2a3b4c5d6e' };
const VISITOR = { kind: 'visitor' as const, id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
const capabilities = { tray: false, badge: false, webNotifications: false, durableCache: false };
const storageHolder = globalThis as { sessionStorage?: Storage };

/** Everything the tab keeps, as one string. */
function keptText(storage: Storage): string {
  return Array.from({ length: storage.length }, (_, i) => storage.getItem(storage.key(i) ?? '')).join('\n');
}

describe('the web workbench’s bridge forgetting erased conversations', () => {
  afterEach(() => {
    delete storageHolder.sessionStorage;
  });

  it('drops them from memory and from what the tab keeps, keeps the seq through a reload, and clears it at sign-out', async () => {
    const storage = new TabStorage();
    storageHolder.sessionStorage = storage;
    const erased = conversation({ visitor: { id: VISITOR.id, name: 'Quentin Erasable', verified: false } });
    const kept = conversation();
    const keptReply = outboxItem(kept.id, 'a kept reply', '2026-12-04T06:00:00.000Z');

    const before = createBrowserBridge(capabilities);
    await before['cache:load'](account);
    expect(await before['cache:erasure-seq'](account)).toEqual({ seq: 0 });
    await before['cache:put-conversations']({ ...account, conversations: [erased, kept] });
    await before['cache:put-messages']({
      ...account,
      messages: [
        message(erased.id, 1, VISITOR, 'xylophonic secret'),
        message(kept.id, 1, VISITOR, 'marmalade'),
      ],
      focused: false,
    });
    await before['outbox:enqueue']({
      ...account,
      item: outboxItem(erased.id, 'zanzibarian reply', '2026-12-04T06:00:00.000Z'),
    });
    await before['outbox:enqueue']({ ...account, item: keptReply });
    await before['drafts:save']({
      ...account,
      draft: { conversationId: erased.id, body: 'quixotical', internal: false },
    });
    await before['tabs:save']({ ...account, tabs: { open: [kept.id, erased.id], active: erased.id } });

    // The list and the open chats' messages are kept a moment after they change.
    await vi.waitFor(() => expect(keptText(storage)).toContain('xylophonic'));

    await before['cache:forget-conversations']({ ...account, conversationIds: [erased.id], erasureSeq: 4 });

    expect(await before['cache:messages']({ ...account, conversationId: erased.id, limit: 10 })).toEqual([]);
    expect(await before['cache:search']({ ...account, q: 'xylophonic', limit: 10 })).toEqual([]);
    expect(await before['cache:search']({ ...account, q: 'marmalade', limit: 10 })).toHaveLength(1);
    expect(await before['outbox:list'](account)).toEqual([keptReply]);
    const snapshot = await before['cache:load'](account);
    expect(snapshot.conversations.map((c) => c.conversation.id)).toEqual([kept.id]);
    expect(snapshot.drafts).toEqual([]);
    expect(snapshot.tabs).toEqual({ open: [kept.id], active: kept.id });
    expect(await before['cache:erasure-seq'](account)).toEqual({ seq: 4 });
    // Written at once, not a moment later: nothing of it is in the tab's storage.
    const text = keptText(storage);
    for (const word of [erased.id, 'Quentin Erasable', 'xylophonic', 'zanzibarian', 'quixotical'])
      expect(text, word).not.toContain(word);
    expect(text).toContain(kept.id);

    const after = createBrowserBridge(capabilities);
    const reloaded = await after['cache:load'](account);
    expect(reloaded.conversations.map((c) => c.conversation.id)).toEqual([kept.id]);
    expect(reloaded.tabs).toEqual({ open: [kept.id], active: kept.id });
    expect(await after['cache:erasure-seq'](account)).toEqual({ seq: 4 });
    expect(await after['cache:erasure-seq']({ ...account, userId: crypto.randomUUID() })).toEqual({ seq: 0 });

    await after['session:clear']({ account });
    expect(storage.length).toBe(0);
    expect(await after['cache:erasure-seq'](account)).toEqual({ seq: 0 });
  });
});
