import { describe, expect, it } from 'vitest';
import {
  clearKeptMessages,
  KEPT_BODY_CHARS,
  KEPT_MESSAGES_PER_CHAT,
  type KeptChat,
  loadKeptMessages,
  saveKeptMessages,
} from '../src/renderer/host/browser-kept-messages.js';
import { message } from './support/fakes.js';
import { TabStorage } from './support/tab-storage.js';

const alice = { serverUrl: 'https://chat.example.com', userId: '3d5c8f2e-7a41-4b6e-9c0d-1f2a3b4c5d6e' };
const bob = { ...alice, userId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' };
const VISITOR = { kind: 'visitor' as const, id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };

const chat = (count: number, body = (seq: number) => `message ${seq}`): KeptChat => {
  const conversationId = crypto.randomUUID();
  const messages = Array.from({ length: count }, (_, i) =>
    message(conversationId, i + 1, VISITOR, body(i + 1)),
  );
  // Kept whatever order the page held them in.
  return { conversationId, messages: messages.reverse() };
};

describe("the web workbench's open chats in the tab's storage", () => {
  it('keeps each open chat’s newest messages in seq order, per account, and sign-out clears every account’s', () => {
    const storage = new TabStorage();
    expect(loadKeptMessages(alice, storage)).toEqual({ readMarks: {}, chats: [] });
    const long = chat(KEPT_MESSAGES_PER_CHAT + 30);
    const short = chat(3);
    const readMarks = { [long.conversationId]: 120, [crypto.randomUUID()]: 4 };
    saveKeptMessages(alice, { readMarks, chats: [long, short] }, storage);

    const kept = loadKeptMessages(alice, storage);
    expect(kept.readMarks).toEqual(readMarks);
    const [keptLong, keptShort] = kept.chats;
    expect(keptLong?.conversationId).toBe(long.conversationId);
    expect(keptLong?.messages.map((m) => m.seq)).toEqual(
      Array.from({ length: KEPT_MESSAGES_PER_CHAT }, (_, i) => i + 31),
    );
    expect(keptShort?.messages.map((m) => m.body)).toEqual(['message 1', 'message 2', 'message 3']);
    expect(loadKeptMessages(bob, storage).chats).toEqual([]);

    saveKeptMessages(bob, { readMarks: {}, chats: [chat(1)] }, storage);
    storage.setItem('switchboard.session', 'kept');
    clearKeptMessages(storage);
    expect(loadKeptMessages(alice, storage).chats).toEqual([]);
    expect(loadKeptMessages(bob, storage).chats).toEqual([]);
    expect(storage.getItem('switchboard.session')).toBe('kept');
  });

  it('stops at the body budget: the first chats keep their newest messages, the later ones what is left', () => {
    const storage = new TabStorage();
    const size = 3_000;
    const perChat = 50;
    const chats = Array.from({ length: 8 }, () => chat(perChat, (seq) => `${seq}`.padEnd(size, '.')));
    saveKeptMessages(alice, { readMarks: {}, chats }, storage);
    const kept = loadKeptMessages(alice, storage).chats;
    const counts = kept.map((c) => c.messages.length);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBe(Math.floor(KEPT_BODY_CHARS / size));
    // Filled in order: whole chats first, then one cut short, then nothing.
    expect(counts).toEqual([50, 50, 50, 50, 50, 50, 33, 0]);
    expect(kept[0]?.messages.at(-1)?.seq).toBe(perChat);
  });

  it('drops what does not read back as messages, and works without storage', () => {
    const storage = new TabStorage();
    saveKeptMessages(alice, { readMarks: {}, chats: [chat(2)] }, storage);
    const key = storage.key(0) as string;
    storage.setItem(
      key,
      JSON.stringify({ readMarks: {}, chats: [{ conversationId: 'x', messages: [{ body: '<b>' }] }] }),
    );
    expect(loadKeptMessages(alice, storage)).toEqual({ readMarks: {}, chats: [] });
    expect(storage.getItem(key)).toBeNull();
    saveKeptMessages(alice, { readMarks: {}, chats: [chat(1)] }, null);
    expect(loadKeptMessages(alice, null)).toEqual({ readMarks: {}, chats: [] });
  });
});
