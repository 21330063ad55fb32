import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeCallRejected, createDispatcher } from '../src/main/ipc-dispatch.js';
import { LocalCache } from '../src/main/services/local-cache.js';
import { APP_ORIGIN } from '../src/main/windows.js';
import { conversation, mainServices, message, outboxItem, tempDir } from './support/fakes.js';

const ME = crypto.randomUUID();
const VISITOR = { kind: 'visitor' as const, id: crypto.randomUUID() };
const opened: LocalCache[] = [];

function openCache(file: string): LocalCache {
  const cache = new LocalCache(file, ME);
  opened.push(cache);
  return cache;
}

afterEach(() => {
  for (const cache of opened.splice(0)) cache.close();
});

/** Everything on disk of the cache: the file and its WAL. */
function bytesOf(file: string): Buffer {
  const wal = (() => {
    try {
      return readFileSync(`${file}-wal`);
    } catch {
      return Buffer.alloc(0);
    }
  })();
  return Buffer.concat([readFileSync(file), wal]);
}

/** A cache holding two chats, each with messages, a reply waiting, a draft, a read mark and a tab. */
function twoChats(file: string) {
  const cache = openCache(file);
  const erased = conversation({ visitor: { id: VISITOR.id, name: 'Quentin Erasable', verified: false } });
  const kept = conversation();
  cache.putConversations([erased, kept]);
  cache.putMessages(
    [
      message(erased.id, 1, VISITOR, 'my card ends with xylophonic 4242'),
      message(erased.id, 2, { kind: 'agent', id: ME }, 'noted, thanks'),
      message(kept.id, 1, VISITOR, 'a kept marmalade question'),
    ],
    false,
  );
  cache.markRead(erased.id, 1);
  cache.enqueue(outboxItem(erased.id, 'an unsent zanzibarian reply'));
  const keptItem = outboxItem(kept.id, 'an unsent kept reply');
  cache.enqueue(keptItem);
  cache.saveDraft({ conversationId: erased.id, body: 'half a quixotical draft', internal: false });
  cache.saveDraft({ conversationId: kept.id, body: 'a kept draft', internal: false });
  cache.saveTabs({ open: [kept.id, erased.id], active: erased.id });
  return { cache, erased, kept, keptItem };
}

describe('forgetting erased conversations in the desktop cache', () => {
  it('removes the conversations with their messages, index rows, outbox, drafts and tabs, keeping the rest and the seq', () => {
    const file = `${tempDir()}/cache.sqlite`;
    const { cache, erased, kept, keptItem } = twoChats(file);
    expect(cache.search('xylophonic', 10)).toHaveLength(1);
    expect(cache.erasureSeq()).toBe(0);

    cache.forgetConversations([erased.id, crypto.randomUUID()], 7);

    expect(cache.conversation(erased.id)).toBeNull();
    expect(cache.conversations().map((c) => c.conversation.id)).toEqual([kept.id]);
    expect(cache.messages(erased.id, 100)).toEqual([]);
    expect(cache.search('xylophonic', 10)).toEqual([]);
    expect(cache.search('noted', 10)).toEqual([]);
    expect(cache.outbox()).toEqual([keptItem]);
    expect(cache.drafts().map((d) => d.conversationId)).toEqual([kept.id]);
    expect(cache.tabs()).toEqual({ open: [kept.id], active: kept.id });
    expect(cache.snapshot().total).toBe(1);
    // The other chat is as it was.
    expect(cache.search('marmalade', 10).map((h) => h.conversationId)).toEqual([kept.id]);
    expect(cache.messages(kept.id, 100).map((m) => m.seq)).toEqual([1]);
    expect(cache.erasureSeq()).toBe(7);

    // Cached again (a stale copy), it starts from nothing: no read mark survived.
    cache.putConversations([erased]);
    cache.putMessages([message(erased.id, 1, VISITOR, 'again')], false);
    expect(cache.conversation(erased.id)?.unread).toBe(1);

    cache.close();
    const reopened = openCache(file);
    expect(reopened.erasureSeq()).toBe(7);
    // Nothing but a seq to keep: the rest stays, the seq moves.
    reopened.forgetConversations([], 9);
    expect(reopened.erasureSeq()).toBe(9);
    expect(reopened.conversations()).toHaveLength(2);
  });

  it('leaves no byte of what it forgot in the file or its WAL', () => {
    const file = `${tempDir()}/cache.sqlite`;
    const { cache, erased } = twoChats(file);
    const words = ['xylophonic', 'zanzibarian', 'quixotical', 'Quentin Erasable'];
    const before = bytesOf(file);
    for (const word of words) expect(before.includes(word), word).toBe(true);

    cache.forgetConversations([erased.id]);

    const after = bytesOf(file);
    for (const word of words) expect(after.includes(word), word).toBe(false);
    // The check sees what is there: the kept chat's words are.
    expect(after.includes('marmalade')).toBe(true);
    expect(cache.erasureSeq()).toBe(0);
  });

  it('is a bridge channel: main forgets through it, and drops a call that is not one', async () => {
    const main = mainServices(tempDir());
    const logged: string[] = [];
    const dispatch = createDispatcher({
      handlers: main.handlers,
      trustedOrigins: [APP_ORIGIN],
      log: (line) => logged.push(line),
    });
    const from = `${APP_ORIGIN}/index.html`;
    const account = { serverUrl: 'https://chat.example.com', userId: ME };
    const c = conversation();
    await dispatch('cache:put-conversations', from, { ...account, conversations: [c] });

    await dispatch('cache:forget-conversations', from, {
      ...account,
      conversationIds: [c.id],
      erasureSeq: 3,
    });
    expect(main.services.caches.get(account).conversation(c.id)).toBeNull();
    expect(await dispatch('cache:erasure-seq', from, account)).toEqual({ seq: 3 });

    for (const bad of [
      { ...account, conversationIds: ['not-an-id'] },
      { ...account, conversationIds: [c.id], erasureSeq: -1 },
      { ...account, conversationIds: Array.from({ length: 1001 }, () => c.id) },
      { ...account, conversationIds: [c.id], everything: true },
    ])
      await expect(dispatch('cache:forget-conversations', from, bad)).rejects.toBeInstanceOf(
        BridgeCallRejected,
      );
    expect(logged).toEqual(Array(4).fill('bridge: invalid payload dropped'));
    expect(await dispatch('cache:erasure-seq', from, account)).toEqual({ seq: 3 });
    main.services.caches.closeAll();
  });
});
