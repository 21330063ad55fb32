import type { Attachment } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { Outbox, type OutboxEntry } from '../src/chat/outbox.js';

class MemoryStore {
  readonly items = new Map<string, string>();
  failWrites = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
}

function entry(id: string, conversationId: string | null = null): OutboxEntry {
  return {
    clientMsgId: id,
    conversationId,
    body: `body ${id}`,
    attachment: null as Attachment | null,
    createdAt: '2025-03-14T09:26:53.589Z',
    failed: false,
  };
}

describe('Outbox', () => {
  it('is shared through storage: another instance (a reload, another tab) sees the same entries', () => {
    const store = new MemoryStore();
    const first = new Outbox(store, 'k');
    first.add(entry('a'));
    first.add(entry('b'));
    const second = new Outbox(store, 'k');
    expect(second.entries().map((e) => e.clientMsgId)).toEqual(['a', 'b']);
    second.remove('a');
    expect(first.next()?.clientMsgId).toBe('b');
  });

  it('keeps one entry per clientMsgId and skips failed ones when choosing the next', () => {
    const outbox = new Outbox(new MemoryStore(), 'k');
    outbox.add(entry('a'));
    outbox.add(entry('a'));
    outbox.add(entry('b'));
    outbox.update('a', { failed: true });
    expect(outbox.entries()).toHaveLength(2);
    expect(outbox.next()?.clientMsgId).toBe('b');
  });

  it('gives the first messages their conversation once it is opened', () => {
    const outbox = new Outbox(new MemoryStore(), 'k');
    outbox.add(entry('a'));
    outbox.add(entry('b', 'old'));
    outbox.assignConversation('new');
    expect(outbox.entries().map((e) => e.conversationId)).toEqual(['new', 'old']);
  });

  it('survives garbage in storage and keeps working in memory when storage refuses writes', () => {
    const store = new MemoryStore();
    store.items.set('k', '{not json');
    const outbox = new Outbox(store, 'k');
    expect(outbox.entries()).toEqual([]);
    store.failWrites = true;
    outbox.add(entry('a'));
    expect(outbox.next()?.clientMsgId).toBe('a');
  });
});
