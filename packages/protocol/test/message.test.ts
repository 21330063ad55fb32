import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AgentMessageSend,
  MESSAGE_BODY_MAX,
  Message,
  MessageAck,
  ReadMark,
  SyncRequest,
  SyncResponse,
  TypingSet,
  TypingUpdate,
  VisitorMessageSend,
  VisitorTypingSet,
} from '../src/index.js';
import { ids, message, messageArb, now } from './fixtures.js';

const base = { conversationId: ids.conversation, clientMsgId: ids.clientMsg };
const senders = [
  ['VisitorMessageSend', VisitorMessageSend],
  ['AgentMessageSend', AgentMessageSend],
] as const;

describe.each(senders)('%s', (_name, schema) => {
  it('accepts a body', () => {
    expect(schema.safeParse({ ...base, body: 'Hello' }).success).toBe(true);
  });

  it('accepts an attachment with an empty body', () => {
    expect(schema.safeParse({ ...base, body: '', attachmentId: ids.attachment }).success).toBe(true);
  });

  it.each(['', ' ', '\n\t  '])('rejects the blank body %j without an attachment', (body) => {
    expect(schema.safeParse({ ...base, body }).success).toBe(false);
  });

  it('rejects a missing body, even with an attachment', () => {
    expect(schema.safeParse({ ...base, attachmentId: ids.attachment }).success).toBe(false);
  });

  it(`accepts ${MESSAGE_BODY_MAX} characters and rejects one more`, () => {
    expect(MESSAGE_BODY_MAX).toBe(5000);
    expect(schema.safeParse({ ...base, body: 'a'.repeat(5000) }).success).toBe(true);
    expect(schema.safeParse({ ...base, body: 'a'.repeat(5001) }).success).toBe(false);
  });

  it('counts the limit in Unicode code points, not UTF-16 units', () => {
    expect('😀'.repeat(5000).length).toBe(10_000);
    expect(schema.safeParse({ ...base, body: '😀'.repeat(5000) }).success).toBe(true);
    expect(schema.safeParse({ ...base, body: '😀'.repeat(5001) }).success).toBe(false);
  });

  it.each(['1', 'msg-1', '6e0f4a1c3b2d4c5e8f709a1b2c3d4e5f', ''])(
    'rejects the clientMsgId %j',
    (clientMsgId) => {
      expect(schema.safeParse({ ...base, clientMsgId, body: 'Hi' }).success).toBe(false);
    },
  );

  it('rejects a non-UUID conversationId or attachmentId', () => {
    expect(schema.safeParse({ ...base, conversationId: '17', body: 'Hi' }).success).toBe(false);
    expect(schema.safeParse({ ...base, body: 'Hi', attachmentId: '../../etc/passwd' }).success).toBe(false);
  });

  it('rejects extra keys, including a spoofed sender or seq', () => {
    for (const extra of [
      { sender: { kind: 'agent' } },
      { seq: 1 },
      { createdAt: now },
      { conversation: 'x' },
    ]) {
      expect(schema.safeParse({ ...base, body: 'Hi', ...extra }).success, JSON.stringify(extra)).toBe(false);
    }
  });

  it('rejects a non-string body', () => {
    expect(schema.safeParse({ ...base, body: 42 }).success).toBe(false);
    expect(schema.safeParse({ ...base, body: null, attachmentId: ids.attachment }).success).toBe(false);
  });
});

describe('VisitorMessageSend', () => {
  it.each(['all', 'agents'])('rejects visibility %j: visitors cannot write internal notes', (visibility) => {
    expect(VisitorMessageSend.safeParse({ ...base, body: 'Hi', visibility }).success).toBe(false);
  });
});

describe('AgentMessageSend', () => {
  it("defaults visibility to 'all'", () => {
    expect(AgentMessageSend.parse({ ...base, body: 'Hi' }).visibility).toBe('all');
  });

  it('keeps an internal note internal', () => {
    expect(AgentMessageSend.parse({ ...base, body: 'VIP, be nice', visibility: 'agents' }).visibility).toBe(
      'agents',
    );
  });

  it('rejects an unknown visibility', () => {
    expect(AgentMessageSend.safeParse({ ...base, body: 'Hi', visibility: 'visitor' }).success).toBe(false);
  });
});

describe('SyncRequest', () => {
  it('defaults limit to 200', () => {
    expect(SyncRequest.parse({ conversationId: ids.conversation, afterSeq: 0 })).toEqual({
      conversationId: ids.conversation,
      afterSeq: 0,
      limit: 200,
    });
  });

  it('caps limit at 500', () => {
    expect(SyncRequest.parse({ conversationId: ids.conversation, afterSeq: 0, limit: 500 }).limit).toBe(500);
    expect(SyncRequest.safeParse({ conversationId: ids.conversation, afterSeq: 0, limit: 501 }).success).toBe(
      false,
    );
    expect(SyncRequest.safeParse({ conversationId: ids.conversation, afterSeq: 0, limit: 0 }).success).toBe(
      false,
    );
  });

  it('does not coerce strings on the socket', () => {
    expect(SyncRequest.safeParse({ conversationId: ids.conversation, afterSeq: '3' }).success).toBe(false);
    expect(
      SyncRequest.safeParse({ conversationId: ids.conversation, afterSeq: 0, limit: '10' }).success,
    ).toBe(false);
  });

  it('requires afterSeq and rejects a negative one', () => {
    expect(SyncRequest.safeParse({ conversationId: ids.conversation }).success).toBe(false);
    expect(SyncRequest.safeParse({ conversationId: ids.conversation, afterSeq: -1 }).success).toBe(false);
  });
});

describe('SyncResponse', () => {
  it('parses a page of messages', () => {
    const page = { conversationId: ids.conversation, messages: [message()], lastSeq: 3, hasMore: false };
    expect(SyncResponse.parse(page)).toEqual(page);
  });
});

describe('Message', () => {
  it('round-trips: any valid message parses to itself', () => {
    fc.assert(
      fc.property(messageArb, (m) => {
        expect(Message.parse(m)).toEqual(m);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a message with a negative or fractional seq', () => {
    expect(Message.safeParse(message({ seq: -1 })).success).toBe(false);
    expect(Message.safeParse(message({ seq: 1.5 })).success).toBe(false);
  });

  it('rejects an attachment of an unsupported type', () => {
    const attachment = {
      id: ids.attachment,
      conversationId: ids.conversation,
      fileName: 'x.svg',
      mimeType: 'image/svg+xml',
      size: 10,
      createdAt: now,
    };
    expect(Message.safeParse({ ...message(), attachment }).success).toBe(false);
  });

  it('reads the email system events as data', () => {
    const system = message({ sender: { kind: 'system', id: ids.user, name: null }, visibility: 'agents' });
    const sent = { code: 'email-sent', to: 'grace@example.test', answers: 2, files: 1 } as const;
    const failed = { code: 'email-failed', to: 'grace@example.test', reason: '550 No such user' } as const;
    expect(Message.parse({ ...system, systemEvent: sent }).systemEvent).toEqual(sent);
    // Stored before files went with emails: none did.
    const { files: _, ...older } = sent;
    expect(Message.parse({ ...system, systemEvent: older }).systemEvent).toEqual(older);
    expect(Message.parse({ ...system, systemEvent: failed }).systemEvent).toEqual(failed);
  });

  it('reads a system event it does not know as absent, keeping the message and its body', () => {
    const newer = {
      ...message({ body: 'Something newer happened.' }),
      systemEvent: { code: 'from-the-future' },
    };
    const parsed = Message.parse(newer);
    expect(parsed.body).toBe('Something newer happened.');
    expect(parsed.systemEvent).toBeUndefined();
    // A known code with a malformed field is no better than an unknown one.
    expect(
      Message.parse({ ...newer, systemEvent: { code: 'email-sent', to: 1 } }).systemEvent,
    ).toBeUndefined();
  });

  it('says a message came by email, and reads a way it does not know as a chat message', () => {
    expect(Message.parse({ ...message(), via: 'email' }).via).toBe('email');
    expect(Message.parse(message()).via).toBeUndefined();
    const parsed = Message.parse({ ...message({ body: 'By carrier pigeon.' }), via: 'pigeon' });
    expect([parsed.body, parsed.via]).toEqual(['By carrier pigeon.', undefined]);
  });
});

describe('MessageAck', () => {
  it('carries clientMsgId, seq and createdAt', () => {
    const ack = { clientMsgId: ids.clientMsg, seq: 1, createdAt: now };
    expect(MessageAck.parse(ack)).toEqual(ack);
    expect(MessageAck.safeParse({ clientMsgId: ids.clientMsg, createdAt: now }).success).toBe(false);
  });
});

describe('typing and read marks', () => {
  it('typing requires a boolean', () => {
    expect(TypingSet.safeParse({ conversationId: ids.conversation, typing: true }).success).toBe(true);
    expect(TypingSet.safeParse({ conversationId: ids.conversation, typing: 'yes' }).success).toBe(false);
    expect(
      TypingSet.safeParse({ conversationId: ids.conversation, typing: true, body: 'draft' }).success,
    ).toBe(false);
  });

  it("a visitor's typing may carry their draft, up to a message's length; staff's never", () => {
    const typing = { conversationId: ids.conversation, typing: true };
    expect(VisitorTypingSet.parse({ ...typing, preview: 'Where is my ord' })).toEqual({
      ...typing,
      preview: 'Where is my ord',
    });
    expect(VisitorTypingSet.safeParse({ ...typing, typing: false, preview: 'left in the box' }).success).toBe(
      true,
    );
    expect(VisitorTypingSet.safeParse({ ...typing, preview: 'x'.repeat(MESSAGE_BODY_MAX) }).success).toBe(
      true,
    );
    expect(VisitorTypingSet.safeParse({ ...typing, preview: 'x'.repeat(MESSAGE_BODY_MAX + 1) }).success).toBe(
      false,
    );
    expect(VisitorTypingSet.safeParse({ ...typing, preview: 42 }).success).toBe(false);
    expect(TypingSet.safeParse({ ...typing, preview: 'draft' }).success).toBe(false);
  });

  it('a typing update carries no preview unless the server sent one', () => {
    const update = {
      conversationId: ids.conversation,
      sender: { kind: 'visitor', id: null, name: 'Noor' },
      typing: true,
    };
    expect(TypingUpdate.parse(update).preview).toBeNull();
    expect(TypingUpdate.parse({ ...update, preview: 'Hello' }).preview).toBe('Hello');
  });

  it('read marks take a non-negative integer seq', () => {
    expect(ReadMark.safeParse({ conversationId: ids.conversation, seq: 0 }).success).toBe(true);
    expect(ReadMark.safeParse({ conversationId: ids.conversation, seq: -3 }).success).toBe(false);
    expect(ReadMark.safeParse({ conversationId: ids.conversation }).success).toBe(false);
  });
});
