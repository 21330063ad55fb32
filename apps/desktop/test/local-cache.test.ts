import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CacheRegistry } from '../src/main/services/cache-registry.js';
import { LocalCache } from '../src/main/services/local-cache.js';
import type { OutboxItem } from '../src/shared/cache-schemas.js';
import { conversation, message, outboxItem, tempDir } from './support/fakes.js';
import { asOlderCacheFile } from './support/older-cache-file.js';
import { SEARCH_CASES, SEARCHED_BODIES } from './support/search-cases.js';

const ME = crypto.randomUUID();
const VISITOR = crypto.randomUUID();
const opened: LocalCache[] = [];

function openCache(file = `${tempDir()}/cache.sqlite`): LocalCache {
  const cache = new LocalCache(file, ME);
  opened.push(cache);
  return cache;
}

afterEach(() => {
  for (const cache of opened.splice(0)) {
    try {
      cache.close();
    } catch {
      // already closed by the test
    }
  }
});

describe('LocalCache', () => {
  it('keeps conversations, messages, drafts and tabs in the file across a reopen', () => {
    const file = `${tempDir()}/cache.sqlite`;
    const cache = openCache(file);
    const c = conversation();
    cache.putConversations([c]);
    cache.putMessages(
      [message(c.id, 1, { kind: 'visitor', id: VISITOR }), message(c.id, 2, { kind: 'agent', id: ME })],
      false,
    );
    cache.saveDraft({ conversationId: c.id, body: 'half a reply', internal: true });
    cache.saveTabs({ open: [c.id], active: c.id });
    cache.close();

    const again = openCache(file);
    const snapshot = again.snapshot();
    expect(snapshot.conversations.map((x) => x.conversation.id)).toEqual([c.id]);
    expect(snapshot.conversations[0]?.newest).toMatchObject({ seq: 2, text: 'm2', senderKind: 'agent' });
    expect(snapshot.drafts).toEqual([{ conversationId: c.id, body: 'half a reply', internal: true }]);
    expect(snapshot.tabs).toEqual({ open: [c.id], active: c.id });
    expect(again.messages(c.id, 100).map((m) => m.seq)).toEqual([1, 2]);
  });

  it('does not count the system message of the agent’s own joining as unread, a colleague’s it does', () => {
    const cache = openCache();
    const c = conversation();
    cache.putConversations([c]);
    const joined = (seq: number, by: string, name: string) => ({
      ...message(
        c.id,
        seq,
        { kind: 'visitor', id: VISITOR },
        `${name} (supervisor) joined the conversation.`,
      ),
      sender: { kind: 'system' as const, id: by, name: null },
      systemEvent: { code: 'supervisor-joined' as const, name },
    });
    cache.putMessages([joined(1, ME, 'Alice')], false);
    expect(cache.conversation(c.id)?.unread).toBe(0);
    cache.putMessages([joined(2, crypto.randomUUID(), 'Carol')], false);
    expect(cache.conversation(c.id)?.unread).toBe(1);
  });

  it('counts only messages from others after the read mark as unread, and ignores duplicates', () => {
    const cache = openCache();
    const c = conversation();
    cache.putConversations([c]);
    const first = message(c.id, 1, { kind: 'visitor', id: VISITOR });
    cache.putMessages(
      [
        first,
        message(c.id, 2, { kind: 'agent', id: ME }),
        message(c.id, 3, { kind: 'visitor', id: VISITOR }),
      ],
      false,
    );
    expect(cache.conversation(c.id)?.unread).toBe(2);
    cache.putMessages([first], false);
    expect(cache.conversation(c.id)?.unread).toBe(2);
    expect(cache.markRead(c.id, 1)?.unread).toBe(1);
    expect(cache.markRead(c.id, 3)?.unread).toBe(0);
    // A focused tab reads new messages at once.
    cache.putMessages([message(c.id, 4, { kind: 'visitor', id: VISITOR })], true);
    expect(cache.conversation(c.id)?.unread).toBe(0);
    expect(cache.unreadTotal()).toBe(0);
  });

  it('tracks the highest contiguous seq so a gap is synced from below it', () => {
    const cache = openCache();
    const c = conversation();
    cache.putConversations([c]);
    cache.putMessages(
      [
        message(c.id, 1, { kind: 'visitor', id: VISITOR }),
        message(c.id, 3, { kind: 'visitor', id: VISITOR }),
      ],
      false,
    );
    expect(cache.conversation(c.id)?.syncedSeq).toBe(1);
    cache.putMessages([message(c.id, 2, { kind: 'visitor', id: VISITOR })], false);
    expect(cache.conversation(c.id)?.syncedSeq).toBe(3);
  });

  it('returns the newest messages in seq order, pages older ones, and skips messages of unknown conversations', () => {
    const cache = openCache();
    const c = conversation();
    cache.putConversations([c]);
    const all = Array.from({ length: 30 }, (_, i) => message(c.id, 30 - i, { kind: 'visitor', id: VISITOR }));
    cache.putMessages(all, false);
    expect(cache.messages(c.id, 5).map((m) => m.seq)).toEqual([26, 27, 28, 29, 30]);
    // The page above the ones shown, and the last short page.
    expect(cache.messages(c.id, 5, 26).map((m) => m.seq)).toEqual([21, 22, 23, 24, 25]);
    expect(cache.messages(c.id, 5, 4).map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(
      cache.putMessages([message(crypto.randomUUID(), 1, { kind: 'visitor', id: VISITOR })], false),
    ).toEqual([]);
  });

  it('lists conversations by latest activity', () => {
    const cache = openCache();
    const older = conversation();
    const newer = conversation();
    cache.putConversations([older, newer]);
    expect(cache.conversations().map((c) => c.conversation.id)).toEqual([newer.id, older.id]);
    cache.putMessages([message(older.id, 1, { kind: 'visitor', id: VISITOR })], false);
    expect(cache.conversations().map((c) => c.conversation.id)).toEqual([older.id, newer.id]);
  });

  it("keeps the newest message's kind with the row's preview, across a reopen: a system message's words as data, an internal note", () => {
    const file = `${tempDir()}/cache.sqlite`;
    const cache = openCache(file);
    const c = conversation();
    cache.putConversations([c]);
    const joined = {
      ...message(c.id, 2, { kind: 'visitor', id: VISITOR }, 'Carol (supervisor) joined the conversation.'),
      sender: { kind: 'system' as const, id: null, name: null },
      systemEvent: { code: 'supervisor-joined' as const, name: 'Carol' },
    };
    cache.putMessages([message(c.id, 1, { kind: 'visitor', id: VISITOR }), joined], false);
    cache.close();
    const reopened = openCache(file);
    expect(reopened.conversation(c.id)?.newest).toMatchObject({
      seq: 2,
      senderKind: 'system',
      text: 'Carol (supervisor) joined the conversation.',
      systemEvent: { code: 'supervisor-joined', name: 'Carol' },
    });
    // The next message is someone's words: the row shows them as they are.
    reopened.putMessages([message(c.id, 3, { kind: 'visitor', id: VISITOR }, 'Thanks!')], false);
    expect(reopened.conversation(c.id)?.newest).toMatchObject({
      text: 'Thanks!',
      visibility: 'all',
      systemEvent: null,
    });
    reopened.putMessages(
      [{ ...message(c.id, 4, { kind: 'agent', id: ME }, 'Regular customer'), visibility: 'agents' as const }],
      false,
    );
    expect(reopened.conversation(c.id)?.newest).toMatchObject({
      text: 'Regular customer',
      visibility: 'agents',
    });
  });
});

describe('offline search over the cache', () => {
  const VISITOR_SENDER = { kind: 'visitor' as const, id: VISITOR };

  function cacheWith(...bodies: string[]) {
    const cache = openCache();
    const c = conversation();
    cache.putConversations([c]);
    cache.putMessages(
      bodies.map((body, i) => message(c.id, i + 1, VISITOR_SENDER, body)),
      false,
    );
    return { cache, c };
  }

  it('finds messages holding every word, the last one also as a prefix, accents and case aside', () => {
    const { cache, c } = cacheWith(...SEARCHED_BODIES);
    for (const [q, seqs] of SEARCH_CASES) {
      expect(
        cache
          .search(q, 10)
          .map((h) => h.seq)
          .sort(),
        q,
      ).toEqual(seqs);
    }
    const [hit] = cache.search('1234', 10);
    expect(hit).toEqual({
      conversationId: c.id,
      seq: 1,
      snippet: 'I would like a refund for order 1234',
      createdAt: message(c.id, 1, VISITOR_SENDER).createdAt,
      visitorName: null,
      // Who wrote it, from the cached message.
      sender: { kind: 'visitor', name: 'Vera' },
    });
  });

  it('reads search syntax as plain words and never fails on it', () => {
    const { cache } = cacheWith('NEAR the OR gate', 'an "odd" * message');
    for (const q of ['"', '*', 'NEAR(', 'OR', 'a AND', '-x', '(', "'", '^', '"" ""']) {
      expect(() => cache.search(q, 10)).not.toThrow();
    }
    expect(cache.search('OR', 10).map((h) => h.seq)).toEqual([1]);
    expect(cache.search('"odd"', 10).map((h) => h.seq)).toEqual([2]);
  });

  it('indexes each message once however often it arrives, and answers the most recently cached first, within the limit', () => {
    const { cache, c } = cacheWith('hello one', 'hello two', 'hello three');
    cache.putMessages([message(c.id, 1, VISITOR_SENDER, 'hello one')], false);
    expect(cache.search('hello', 10)).toHaveLength(3);
    expect(cache.search('hello', 2).map((h) => h.seq)).toEqual([3, 2]);
    // The next page after those.
    expect(cache.search('hello', 2, {}, 2).map((h) => h.seq)).toEqual([1]);
    expect(cache.search('hello', 2, {}, 3)).toEqual([]);
  });

  it('finds only the messages written in the period, from inclusive and to exclusive', () => {
    const { cache } = cacheWith('hello one', 'hello two', 'hello three', 'hello four');
    const at = (seq: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, seq)).toISOString();
    expect(cache.search('hello', 10, { from: at(2), to: at(4) }).map((h) => h.seq)).toEqual([3, 2]);
    expect(cache.search('hello', 10, { from: at(3) }).map((h) => h.seq)).toEqual([4, 3]);
    expect(cache.search('hello', 10, { to: at(2) }).map((h) => h.seq)).toEqual([1]);
    expect(cache.search('hello', 10, { from: at(5) })).toEqual([]);
    expect(cache.search('hello', 10, {})).toHaveLength(4);
  });

  it('indexes a reply when its ack moves it from the outbox to the timeline', () => {
    const cache = openCache();
    const c = conversation();
    cache.putConversations([c]);
    const item = outboxItem(c.id, 'your parcel left the warehouse');
    cache.enqueue(item);
    expect(cache.search('parcel', 10)).toEqual([]);
    cache.ack(item.clientMsgId, message(c.id, 1, { kind: 'agent', id: ME }, item.body));
    expect(cache.search('parcel', 10).map((h) => h.seq)).toEqual([1]);
  });

  /** A cache file as the release before the search index left it: schema version 2. */
  function olderCacheFile(...bodies: string[]) {
    const file = `${tempDir()}/cache.sqlite`;
    const c = conversation();
    const before = openCache(file);
    before.putConversations([c]);
    before.putMessages(
      bodies.map((body, i) => message(c.id, i + 1, VISITOR_SENDER, body)),
      false,
    );
    before.close();
    asOlderCacheFile(file, 2);
    return { file, c };
  }

  it('gives the rows of a file from the release before their newest message, as this version writes it', () => {
    const file = `${tempDir()}/cache.sqlite`;
    const before = openCache(file);
    const [plain, note, joined, withFile, empty] = [1, 2, 3, 4, 5].map(() => conversation());
    if (!plain || !note || !joined || !withFile || !empty) throw new Error('five conversations');
    before.putConversations([plain, note, joined, withFile, empty]);
    const long = `${'🙂'.repeat(80)} and more`;
    before.putMessages(
      [
        message(plain.id, 1, VISITOR_SENDER, 'first'),
        message(plain.id, 2, VISITOR_SENDER, long),
        message(note.id, 1, VISITOR_SENDER),
        {
          ...message(note.id, 2, { kind: 'agent', id: ME }, 'Regular customer'),
          visibility: 'agents' as const,
        },
        {
          ...message(joined.id, 1, VISITOR_SENDER, 'Carol (supervisor) joined the conversation.'),
          sender: { kind: 'system' as const, id: null, name: null },
          systemEvent: { code: 'supervisor-joined' as const, name: 'Carol' },
        },
        {
          ...message(withFile.id, 1, VISITOR_SENDER, ''),
          attachment: {
            id: crypto.randomUUID(),
            conversationId: withFile.id,
            fileName: 'receipt.png',
            mimeType: 'image/png' as const,
            size: 68,
            createdAt: '2026-01-01T10:00:01.000Z',
          },
        },
      ],
      false,
    );
    const written = new Map(
      [plain, note, joined, withFile, empty].map((c) => [c.id, before.conversation(c.id)?.newest]),
    );
    before.close();
    asOlderCacheFile(file, 5);

    const after = openCache(file);
    for (const c of [note, joined, withFile, empty])
      expect(after.conversation(c.id)?.newest).toEqual(written.get(c.id));
    // A long text is cut shorter, within the preview's length whatever its characters.
    expect(after.conversation(plain.id)?.newest).toEqual({
      ...written.get(plain.id),
      text: [...long].slice(0, 70).join(''),
    });
  });

  it('indexes the messages an older cache file holds in batches after it opens, each once', () => {
    const { file, c } = olderCacheFile('kept before the update', 'also before the update', '');
    const after = openCache(file);
    const found = () =>
      after.search('update', 10).map((h) => `${h.conversationId === c.id ? 'c' : 'first'}:${h.seq}`);
    expect(found()).toEqual([]);
    // Ahead of the backlog: left to it.
    after.putMessages([message(c.id, 4, VISITOR_SENDER, 'the update arrived')], false);
    expect(found()).toEqual([]);

    expect(after.indexPending(2)).toBe(true);
    // Behind the backlog (a conversation whose key sorts first): indexed at once.
    const first = conversation({ id: '00000000-0000-4000-8000-000000000000' });
    after.putConversations([first]);
    after.putMessages([message(first.id, 1, VISITOR_SENDER, 'an update elsewhere')], false);
    expect(found()).toEqual(expect.arrayContaining(['first:1']));

    // Two more (one with no text to index), then a last look finds none left.
    expect(after.indexPending(2)).toBe(true);
    expect(after.indexPending(2)).toBe(false);
    expect(after.indexPending(2)).toBe(false);
    expect(found().sort()).toEqual(['c:1', 'c:2', 'c:4', 'first:1']);
    after.putMessages([message(c.id, 5, VISITOR_SENDER, 'after the update')], false);
    expect(found().sort()).toEqual(['c:1', 'c:2', 'c:4', 'c:5', 'first:1']);
  });

  it('is indexed in the background once the registry opens an older cache file', async () => {
    const { file } = olderCacheFile('kept before the update');
    const registry = new CacheRegistry(path.dirname(file), 0);
    const account = { serverUrl: 'https://chat.example.com', userId: ME };
    renameSync(file, registry.fileOf(account));
    const cache = registry.get(account);
    await vi.waitFor(() => expect(cache.search('update', 10).map((h) => h.seq)).toEqual([1]));
    expect(cache.indexPending(10)).toBe(false);
    registry.closeAll();
  });
});

describe('the outbox', () => {
  it('is written before sending, survives a restart in order, and an ack moves the message to the timeline', () => {
    const file = `${tempDir()}/cache.sqlite`;
    const cache = openCache(file);
    const c = conversation();
    cache.putConversations([c]);
    const items = ['one', 'two', 'three'].map((body) => outboxItem(c.id, body));
    for (const item of items) cache.enqueue(item);
    cache.close();

    const restarted = openCache(file);
    expect(restarted.outbox().map((i) => i.body)).toEqual(['one', 'two', 'three']);
    const first = items[0] as OutboxItem;
    // A retry re-enqueues the same clientMsgId: still one row.
    restarted.enqueue(first);
    expect(restarted.outbox()).toHaveLength(3);

    restarted.ack(first.clientMsgId, {
      ...message(c.id, 1, { kind: 'agent', id: ME }, 'one'),
      clientMsgId: first.clientMsgId,
    });
    expect(restarted.outbox().map((i) => i.body)).toEqual(['two', 'three']);
    expect(restarted.messages(c.id, 10).map((m) => m.clientMsgId)).toEqual([first.clientMsgId]);
    expect(restarted.conversation(c.id)?.unread).toBe(0);
  });

  it('marks a refused message failed with its reason, keeping it for a retry', () => {
    const cache = openCache();
    const c = conversation();
    cache.putConversations([c]);
    const item = outboxItem(c.id, 'nope');
    cache.enqueue(item);
    cache.fail(item.clientMsgId, 'The conversation is resolved.');
    expect(cache.outbox()).toEqual([{ ...item, status: 'failed', error: 'The conversation is resolved.' }]);
  });
});

describe('CacheRegistry', () => {
  it('keeps one file per server and user, and logout wipes it', () => {
    const registry = new CacheRegistry(tempDir());
    const alice = { serverUrl: 'https://chat.example.com', userId: ME };
    const otherServer = { serverUrl: 'https://chat.example.org', userId: ME };
    expect(registry.fileOf(alice)).not.toBe(registry.fileOf(otherServer));
    expect(registry.fileOf(alice)).toBe(
      registry.fileOf({ ...alice, serverUrl: 'https://chat.example.com/app/' }),
    );
    registry.get(alice).putConversations([conversation()]);
    expect(registry.get(otherServer).conversations()).toEqual([]);
    expect(existsSync(registry.fileOf(alice))).toBe(true);
    registry.wipe(alice);
    expect(existsSync(registry.fileOf(alice))).toBe(false);
    expect(registry.get(alice).conversations()).toEqual([]);
    registry.closeAll();
  });
});
