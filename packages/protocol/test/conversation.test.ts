import { describe, expect, it } from 'vitest';
import {
  agentPushes,
  Conversation,
  ConversationListQuery,
  ConversationOpen,
  ConversationResolve,
  LastMessage,
  VISITOR_GONE_AFTER_SECONDS,
  VisitorAttributes,
  VisitorConversation,
  VisitorPresenceUpdate,
  visitorPresence,
} from '../src/index.js';
import { ids, now } from './fixtures.js';

/** A conversation as a server of the first version 2 sent it: none of the later additions. */
const OLDER_CONVERSATION = {
  id: ids.conversation,
  status: 'assigned',
  teamId: ids.team,
  assignee: null,
  visitor: { id: ids.visitor, name: null, verified: false },
  attributes: {},
  priority: 'normal',
  tags: [],
  lastSeq: 1,
  createdAt: now,
  queuedAt: null,
  updatedAt: now,
  resolvedAt: null,
};

function customOf(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`key${i}`, `value${i}`]));
}

describe('VisitorAttributes', () => {
  it('accepts a full set of attributes', () => {
    const attributes = {
      pageUrl: 'https://shop.example.com/checkout?step=2',
      pageTitle: 'Checkout',
      referrer: 'https://www.example.org/',
      language: 'zh-CN',
      custom: { plan: 'pro', seats: 12, vip: true, 'order.id': 'A-1' },
    };
    expect(VisitorAttributes.parse(attributes)).toEqual(attributes);
  });

  it('accepts an empty object', () => {
    expect(VisitorAttributes.parse({})).toEqual({});
  });

  it('rejects unknown keys', () => {
    const result = VisitorAttributes.safeParse({ pageUrl: 'https://example.com/', isAdmin: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it.each(['javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'ftp://example.com/', 'example.com'])(
    'rejects pageUrl %j',
    (pageUrl) => {
      expect(VisitorAttributes.safeParse({ pageUrl }).success).toBe(false);
    },
  );

  it('rejects a javascript: referrer', () => {
    expect(VisitorAttributes.safeParse({ referrer: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('accepts 30 custom attributes and rejects 31', () => {
    expect(VisitorAttributes.safeParse({ custom: customOf(30) }).success).toBe(true);
    expect(VisitorAttributes.safeParse({ custom: customOf(31) }).success).toBe(false);
  });

  it.each(['constructor', 'prototype', '1st', '_private', 'has space'])(
    'rejects the custom key %j',
    (key) => {
      expect(VisitorAttributes.safeParse({ custom: { [key]: 1 } }).success).toBe(false);
    },
  );

  it('rejects custom values that are objects, arrays, null, non-finite numbers or long strings', () => {
    for (const value of [{ nested: 1 }, [1], null, Number.NaN, Number.POSITIVE_INFINITY, 'x'.repeat(501)]) {
      expect(VisitorAttributes.safeParse({ custom: { key: value } }).success, JSON.stringify(value)).toBe(
        false,
      );
    }
    expect(VisitorAttributes.safeParse({ custom: { key: 'x'.repeat(500) } }).success).toBe(true);
  });

  it('rejects a top-level __proto__ key from JSON.parse', () => {
    const input = JSON.parse('{"__proto__": {"isAdmin": true}}');
    expect(VisitorAttributes.safeParse(input).success).toBe(false);
  });

  it('never lets a __proto__ key inside custom reach the parsed object', () => {
    const input = JSON.parse('{"custom": {"__proto__": {"isAdmin": true}, "plan": "pro"}}');
    const result = VisitorAttributes.safeParse(input);
    if (result.success) {
      const custom = result.data.custom ?? {};
      expect(Object.getPrototypeOf(custom)).toBe(Object.prototype);
      expect(Object.hasOwn(custom, '__proto__')).toBe(false);
      expect((custom as Record<string, unknown>).isAdmin).toBeUndefined();
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  // zod's z.record alone would drop this key silently; the schema must refuse it instead.
  it('rejects a __proto__ key inside custom', () => {
    const input = { custom: JSON.parse('{"__proto__": 1}') };
    expect(VisitorAttributes.safeParse(input).success).toBe(false);
  });

  it.each(['en', 'de-AT', 'zh-Hant-TW', 'es-419'])('accepts the language tag %j', (language) => {
    expect(VisitorAttributes.safeParse({ language }).success).toBe(true);
  });

  it.each(['e', 'english!', 'en_US', '<script>'])('rejects the language tag %j', (language) => {
    expect(VisitorAttributes.safeParse({ language }).success).toBe(false);
  });
});

describe('ConversationOpen and ConversationResolve', () => {
  it('open accepts no attributes and rejects extra keys', () => {
    expect(ConversationOpen.parse({})).toEqual({});
    expect(ConversationOpen.safeParse({ teamId: ids.team }).success).toBe(false);
  });

  it('resolve caps the note at 2000 characters', () => {
    expect(
      ConversationResolve.safeParse({ conversationId: ids.conversation, note: 'n'.repeat(2000) }).success,
    ).toBe(true);
    expect(
      ConversationResolve.safeParse({ conversationId: ids.conversation, note: 'n'.repeat(2001) }).success,
    ).toBe(false);
  });
});

describe('ConversationListQuery', () => {
  it('coerces limit from a query-string value', () => {
    expect(ConversationListQuery.parse({ limit: '25' })).toEqual({ limit: 25 });
  });

  it('defaults limit to 50 and caps it at 100', () => {
    expect(ConversationListQuery.parse({})).toEqual({ limit: 50 });
    expect(ConversationListQuery.parse({ limit: '100' }).limit).toBe(100);
    expect(ConversationListQuery.safeParse({ limit: '101' }).success).toBe(false);
  });

  it.each(['0', '-1', '2.5', 'ten', ''])('rejects limit %j', (limit) => {
    expect(ConversationListQuery.safeParse({ limit }).success).toBe(false);
  });

  it('accepts me, unassigned or a user id as assignee, nothing else', () => {
    for (const assignee of ['me', 'unassigned', ids.user]) {
      expect(ConversationListQuery.safeParse({ assignee }).success).toBe(true);
    }
    for (const assignee of ['everyone', 'ME', '42']) {
      expect(ConversationListQuery.safeParse({ assignee }).success).toBe(false);
    }
  });

  it('rejects unknown query parameters and unknown statuses', () => {
    expect(ConversationListQuery.safeParse({ sort: 'created_at; DROP TABLE messages' }).success).toBe(false);
    expect(ConversationListQuery.safeParse({ status: 'open' }).success).toBe(false);
  });
});

describe('VisitorConversation', () => {
  it('strips the staff-only fields of a conversation', () => {
    const staffView: Conversation = {
      id: ids.conversation,
      status: 'assigned',
      teamId: ids.team,
      assignee: { id: ids.user, name: 'Ada' },
      visitor: { id: ids.visitor, name: 'Grace', verified: false },
      attributes: { custom: { vip: true } },
      priority: 'vip',
      tags: ['billing'],
      lastSeq: 3,
      createdAt: now,
      queuedAt: null,
      updatedAt: now,
      resolvedAt: null,
      replyTo: 'grace@example.com',
      lastMessage: {
        seq: 3,
        senderKind: 'agent',
        text: 'Internal: check the refund',
        fileName: null,
        createdAt: now,
        visibility: 'agents',
        systemEvent: null,
      },
    };
    expect(Conversation.parse(staffView)).toEqual(staffView);
    const visitorView = VisitorConversation.parse({ ...staffView, agent: { name: 'Ada' } });
    expect(visitorView).toEqual({
      id: ids.conversation,
      status: 'assigned',
      agent: { name: 'Ada' },
      lastSeq: 3,
      createdAt: now,
      replyTo: 'grace@example.com',
    });
  });

  it('reads a conversation recorded before replyTo and lastMessage existed as having neither, and refuses a bad address', () => {
    const older = { ...OLDER_CONVERSATION, status: 'offline' };
    expect(Conversation.parse(older)).toMatchObject({ replyTo: null, lastMessage: null });
    expect(Conversation.safeParse({ ...older, replyTo: 'not an address' }).success).toBe(false);
  });

  it('reads a newest message from before it said its visibility and system event as a visible one without', () => {
    const lastMessage = { seq: 1, senderKind: 'visitor', text: 'Hello?', fileName: null, createdAt: now };
    expect(LastMessage.parse(lastMessage)).toEqual({ ...lastMessage, visibility: 'all', systemEvent: null });
    expect(LastMessage.safeParse({ ...lastMessage, visibility: 'staff' }).success).toBe(false);
  });

  it('reads a newest message whose system event this version does not know as one without', () => {
    const lastMessage = {
      seq: 4,
      senderKind: 'system',
      text: 'Something newer happened.',
      fileName: null,
      createdAt: now,
      visibility: 'agents',
      systemEvent: { code: 'from-the-future' },
    };
    expect(LastMessage.parse(lastMessage)).toEqual({ ...lastMessage, systemEvent: null });
  });
});

describe('visitor presence', () => {
  const leftAt = '2026-12-06T09:00:00.000Z';
  const at = (seconds: number) => Date.parse(leftAt) + seconds * 1000;
  const conversation = OLDER_CONVERSATION;
  const withLeftAt = (value: unknown) => ({
    ...conversation,
    visitor: { ...conversation.visitor, leftAt: value },
  });

  it('counts a visitor gone only once they have been away for a while (a page load is not leaving)', () => {
    expect(visitorPresence(null, at(0))).toEqual({ kind: 'present' });
    expect(visitorPresence(leftAt, at(VISITOR_GONE_AFTER_SECONDS - 1))).toEqual({ kind: 'present' });
    expect(visitorPresence(leftAt, at(VISITOR_GONE_AFTER_SECONDS))).toEqual({ kind: 'gone', since: leftAt });
  });

  it('knows nothing of presence from a server older than it, and takes only a time or null', () => {
    const older = Conversation.parse(conversation);
    expect(older.visitor.leftAt).toBeUndefined();
    expect(visitorPresence(older.visitor.leftAt, at(0))).toEqual({ kind: 'unknown' });
    expect(Conversation.parse(withLeftAt(leftAt)).visitor.leftAt).toBe(leftAt);
    expect(Conversation.parse(withLeftAt(null)).visitor.leftAt).toBeNull();
    expect(Conversation.safeParse(withLeftAt('yesterday')).success).toBe(false);
  });

  it('pushes a visitor coming back as null and leaving as the time they left', () => {
    expect(VisitorPresenceUpdate.parse({ visitorId: ids.visitor, leftAt })).toEqual({
      visitorId: ids.visitor,
      leftAt,
    });
    expect(VisitorPresenceUpdate.parse({ visitorId: ids.visitor, leftAt: null }).leftAt).toBeNull();
    expect(VisitorPresenceUpdate.safeParse({ visitorId: ids.visitor }).success).toBe(false);
    expect(agentPushes['visitor:presence']).toBe(VisitorPresenceUpdate);
  });
});
