import { afterEach, describe, expect, it } from 'vitest';
import { createBrowserBridge } from '../src/renderer/host/browser-bridge.js';
import { KEPT_MESSAGES_PER_CHAT } from '../src/renderer/host/browser-kept-messages.js';
import { Settings } from '../src/shared/settings.js';
import { conversation, message } from './support/fakes.js';
import { TabStorage } from './support/tab-storage.js';

const account = { serverUrl: 'https://chat.example.com', userId: '3d5c8f2e-7a41-4b6e-9c0d-1f2a3b4c5d6e' };
const VISITOR = { kind: 'visitor' as const, id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
const capabilities = { tray: false, badge: false, webNotifications: false, durableCache: false };
const storageHolder = globalThis as { sessionStorage?: Storage; localStorage?: Storage };

/** Until the bridge has written what it keeps (it waits a moment after a change). */
async function kept(storage: Storage, prefix: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    for (let k = 0; k < storage.length; k++) {
      const key = storage.key(k);
      if (key?.startsWith(prefix)) return storage.getItem(key) ?? '';
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`nothing kept under ${prefix}`);
}

describe('the web workbench’s bridge across a reload of its tab', () => {
  afterEach(() => {
    delete storageHolder.sessionStorage;
    delete storageHolder.localStorage;
  });

  it('keeps the preferences in this browser, through a reload and a sign-out; damaged ones give the defaults', async () => {
    const device = new TabStorage();
    storageHolder.localStorage = device;
    const defaults = Settings.parse({});
    const before = createBrowserBridge(capabilities);
    expect((await before['app:boot']({})).settings).toEqual(defaults);
    const chosen = { ...defaults, locale: 'zh-CN' as const, theme: 'dark' as const, idleMinutes: 15 };
    await before['settings:save']({ settings: chosen });
    await before['session:clear']({ account });

    const after = createBrowserBridge(capabilities);
    expect((await after['app:boot']({})).settings).toEqual(chosen);
    expect(await after['settings:load']({})).toEqual(chosen);

    device.setItem(device.key(0) as string, JSON.stringify({ ...chosen, theme: 'purple' }));
    expect((await createBrowserBridge(capabilities)['app:boot']({})).settings).toEqual(defaults);
  });

  it('shows the open chat’s newest messages at once, syncs its history from the start, and keeps what was read as read', async () => {
    const storage = new TabStorage();
    storageHolder.sessionStorage = storage;
    const chat = conversation({ status: 'assigned', lastSeq: 150 });
    const other = conversation({ status: 'assigned', lastSeq: 5 });
    const history = Array.from({ length: 150 }, (_, i) => message(chat.id, i + 1, VISITOR));

    const before = createBrowserBridge(capabilities);
    await before['cache:load'](account);
    await before['cache:put-conversations']({ ...account, conversations: [chat, other] });
    await before['cache:put-messages']({ ...account, messages: history, focused: false });
    await before['cache:put-messages']({
      ...account,
      messages: [message(other.id, 1, VISITOR, 'not open in a tab')],
      focused: false,
    });
    await before['cache:mark-read']({ ...account, conversationId: chat.id, seq: 140 });
    await before['cache:mark-read']({ ...account, conversationId: other.id, seq: 1 });
    await before['tabs:save']({ ...account, tabs: { open: [chat.id], active: chat.id } });
    await kept(storage, 'switchboard.messages:');

    const after = createBrowserBridge(capabilities);
    const snapshot = await after['cache:load'](account);
    expect(snapshot.tabs).toEqual({ open: [chat.id], active: chat.id });
    const restored = snapshot.conversations.find((c) => c.conversation.id === chat.id);
    // Only the newest are kept, so the chat is not synced: its history comes from the server again.
    expect(restored).toMatchObject({ syncedSeq: 0, unread: 10 });
    const newest = await after['cache:messages']({ ...account, conversationId: chat.id, limit: 500 });
    expect(newest.map((m) => m.seq)).toEqual(history.slice(-KEPT_MESSAGES_PER_CHAT).map((m) => m.seq));
    expect(await after['cache:messages']({ ...account, conversationId: other.id, limit: 500 })).toEqual([]);

    // The older messages arrive from the server; the read mark was kept, so they are not unread.
    const synced = await after['cache:put-messages']({ ...account, messages: history, focused: false });
    expect(synced.find((c) => c.conversation.id === chat.id)).toMatchObject({ syncedSeq: 150, unread: 10 });

    // A chat not open in a tab keeps no messages, but its read mark: synced again, it is still read.
    const otherSynced = await after['cache:put-messages']({
      ...account,
      messages: [message(other.id, 1, VISITOR, 'not open in a tab')],
      focused: false,
    });
    expect(otherSynced.find((c) => c.conversation.id === other.id)).toMatchObject({
      syncedSeq: 1,
      unread: 0,
    });

    await after['session:clear']({ account });
    expect(storage.length).toBe(0);
  });
});
