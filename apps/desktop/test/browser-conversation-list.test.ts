import { describe, expect, it } from 'vitest';
import {
  clearConversationLists,
  KEPT_CONVERSATIONS,
  loadConversationList,
  saveConversationList,
} from '../src/renderer/host/browser-conversation-list.js';
import type { CachedConversation } from '../src/shared/cache-schemas.js';
import { conversation } from './support/fakes.js';
import { TabStorage } from './support/tab-storage.js';

const alice = { serverUrl: 'https://chat.example.com', userId: '3d5c8f2e-7a41-4b6e-9c0d-1f2a3b4c5d6e' };
const bob = { ...alice, userId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' };

const cached = (minute: number): CachedConversation => ({
  conversation: conversation({ updatedAt: new Date(Date.UTC(2026, 11, 4, 9, minute)).toISOString() }),
  unread: 1,
  newest: {
    seq: 3,
    senderKind: 'visitor',
    text: `last words ${minute}`,
    fileName: null,
    createdAt: new Date(Date.UTC(2026, 11, 4, 9, minute)).toISOString(),
    visibility: 'all',
    systemEvent: null,
  },
  syncedSeq: 3,
  awaitingReplySince: new Date(Date.UTC(2026, 11, 4, 9, minute)).toISOString(),
});

describe("the web workbench's conversation list in the tab's storage", () => {
  it('keeps the most recently updated conversations per account, and sign-out clears every account’s', () => {
    const storage = new TabStorage();
    expect(loadConversationList(alice, storage)).toEqual([]);
    const many = Array.from({ length: KEPT_CONVERSATIONS + 20 }, (_, minute) => cached(minute));
    saveConversationList(alice, many, storage);
    const kept = loadConversationList(alice, storage);
    expect(kept).toHaveLength(KEPT_CONVERSATIONS);
    expect(kept[0]).toEqual(many.at(-1));
    expect(kept.map((c) => c.conversation.id)).toEqual(
      many
        .slice(-KEPT_CONVERSATIONS)
        .reverse()
        .map((c) => c.conversation.id),
    );
    expect(loadConversationList(bob, storage)).toEqual([]);

    saveConversationList(bob, [cached(1)], storage);
    storage.setItem('switchboard.session', 'kept');
    clearConversationLists(storage);
    expect(loadConversationList(alice, storage)).toEqual([]);
    expect(loadConversationList(bob, storage)).toEqual([]);
    expect(storage.getItem('switchboard.session')).toBe('kept');
  });

  it('drops what does not read back as conversations, and works without storage', () => {
    const storage = new TabStorage();
    saveConversationList(alice, [cached(1)], storage);
    const key = storage.key(0) as string;
    storage.setItem(key, JSON.stringify([{ conversation: { id: 'not a conversation' } }]));
    expect(loadConversationList(alice, storage)).toEqual([]);
    expect(storage.getItem(key)).toBeNull();
    saveConversationList(alice, [cached(1)], null);
    expect(loadConversationList(alice, null)).toEqual([]);
  });

  it('reads a list kept before the rows held the newest message: the rows, with none', () => {
    const storage = new TabStorage();
    saveConversationList(alice, [cached(1)], storage);
    const key = storage.key(0) as string;
    const { newest: _newest, ...row } = cached(1);
    storage.setItem(key, JSON.stringify([{ ...row, preview: 'last words 1', previewEvent: null }]));
    expect(loadConversationList(alice, storage)).toEqual([{ ...row, newest: null }]);
  });
});
