import type { Conversation, Message, User } from '@switchboard/protocol';
import type { LocalCache } from '../src/main/services/local-cache.js';

export interface Seeded {
  big: Conversation;
  small: Conversation;
  lastBigBody: string;
}

/** `conversations` assigned to `user`, `messages` in total; the first holds `bigCount` of them. */
export function seedCache(
  cache: LocalCache,
  user: User,
  conversations: number,
  messages: number,
  bigCount: number,
): Seeded {
  const start = Date.UTC(2026, 0, 1);
  const list: Conversation[] = Array.from({ length: conversations }, (_, i) => {
    const at = new Date(start + i * 60_000).toISOString();
    return {
      id: crypto.randomUUID(),
      status: 'assigned',
      teamId: null,
      assignee: { id: user.id, name: user.name },
      visitor: { id: crypto.randomUUID(), name: `Visitor ${i}`, verified: i % 3 === 0 },
      attributes: { pageUrl: `https://shop.example/p/${i}`, pageTitle: `Product ${i}` },
      priority: i % 17 === 0 ? 'vip' : 'normal',
      tags: [],
      lastSeq: 0,
      createdAt: at,
      queuedAt: null,
      updatedAt: at,
      resolvedAt: null,
      replyTo: null,
      lastMessage: null,
    };
  });
  // The two measured conversations are the newest: at the top of the list.
  const [big, small] = list as [Conversation, Conversation];
  big.updatedAt = new Date(start + 400 * 86_400_000).toISOString();
  small.updatedAt = new Date(start + 399 * 86_400_000).toISOString();
  for (let i = 0; i < list.length; i += 500) cache.putConversations(list.slice(i, i + 500));
  const perOther = Math.floor((messages - bigCount) / (conversations - 1));
  const message = (c: Conversation, seq: number): Message => ({
    conversationId: c.id,
    seq,
    clientMsgId: crypto.randomUUID(),
    sender:
      seq % 2
        ? { kind: 'visitor', id: c.visitor.id, name: c.visitor.name }
        : { kind: 'agent', id: user.id, name: user.name },
    body: `Message ${seq} of ${c.visitor.name}: ${'lorem ipsum dolor sit amet '.repeat(1 + (seq % 4))}`.trim(),
    visibility: 'all',
    attachment: null,
    createdAt: new Date(start + seq * 1000).toISOString(),
  });
  const write = (c: Conversation, count: number) => {
    for (let from = 1; from <= count; from += 1000) {
      const batch: Message[] = [];
      for (let seq = from; seq < from + 1000 && seq <= count; seq++) batch.push(message(c, seq));
      cache.putMessages(batch, false);
    }
  };
  write(big, bigCount);
  for (const c of list.slice(1)) write(c, perOther);
  return { big, small, lastBigBody: message(big, bigCount).body };
}
