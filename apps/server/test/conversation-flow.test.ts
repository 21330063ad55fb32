import { randomUUID } from 'node:crypto';
import type {
  Conversation,
  Message,
  MessageAck,
  ReadUpdate,
  SyncResponse,
  TypingUpdate,
} from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  api,
  collect,
  connectAgent,
  connectVisitor,
  login,
  nextEvent,
  request,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('a visitor and an agent converse over real sockets', () => {
  let t: TestServer;
  let alice: AgentClient;
  let andy: AgentClient;

  beforeAll(async () => {
    t = await startTestServer();
    alice = await connectAgent(t.url, (await login(t.url, t.fixture.alice.email)).tokens.accessToken);
    andy = await connectAgent(t.url, (await login(t.url, t.fixture.andy.email)).tokens.accessToken);
  });
  afterAll(async () => {
    alice.disconnect();
    andy.disconnect();
    await t.stop();
  });

  it('queues, assigns, exchanges messages both ways with typing and read receipts, then resolves', async () => {
    const session = await visitorSession(t.url, t.fixture.widget.id, { name: 'Vera' });
    const visitor = await connectVisitor(t.url, session.visitorToken);

    // Opening puts it in team A's queue, announced to the team.
    const queued = nextEvent<Conversation>(alice, 'conversation:update', (c) => c.status === 'queued');
    const opened = unwrap(
      await request<{ id: string; status: string }>(visitor, 'conversation:open', {
        attributes: {
          pageUrl: 'https://shop.example/cart',
          language: 'en',
          custom: { plan: 'pro', seats: 5 },
        },
      }),
    );
    expect(opened.status).toBe('queued');
    const announced = await queued;
    expect(announced.id).toBe(opened.id);
    expect(announced.teamId).toBe(t.fixture.teamA);
    expect(announced.attributes.custom).toEqual({ plan: 'pro', seats: 5 });
    expect(announced.visitor).toMatchObject({ name: 'Vera', verified: false });

    // Alice takes it; the visitor learns who is helping.
    const visitorSeesAgent = nextEvent<{ status: string; agent: { name: string } | null }>(
      visitor,
      'conversation:update',
    );
    const taken = unwrap(
      await request<Conversation>(alice, 'conversation:take', { conversationId: opened.id }),
    );
    expect(taken).toMatchObject({ status: 'assigned', assignee: { id: t.fixture.alice.id, name: 'Alice' } });
    expect(await visitorSeesAgent).toMatchObject({ status: 'assigned', agent: { name: 'Alice' } });

    // Visitor → agent, with typing first.
    const typingAtAgent = nextEvent<TypingUpdate>(alice, 'typing:update');
    unwrap(await request(visitor, 'typing:set', { conversationId: opened.id, typing: true }));
    expect(await typingAtAgent).toEqual({
      conversationId: opened.id,
      sender: { kind: 'visitor', id: null, name: 'Vera' },
      typing: true,
      preview: null,
    });

    const atAgent = nextEvent<Message>(alice, 'message:new');
    const visitorMsgId = randomUUID();
    const ack1 = unwrap(
      await request<MessageAck>(visitor, 'message:send', {
        conversationId: opened.id,
        clientMsgId: visitorMsgId,
        body: 'Hello, my order is late',
      }),
    );
    expect(ack1).toMatchObject({ clientMsgId: visitorMsgId, seq: 1 });
    const received = await atAgent;
    expect(received).toMatchObject({
      seq: 1,
      clientMsgId: visitorMsgId,
      body: 'Hello, my order is late',
      visibility: 'all',
      sender: { kind: 'visitor', name: 'Vera' },
    });

    // Agent reads it: the visitor sees the receipt.
    const receiptAtVisitor = nextEvent<ReadUpdate>(visitor, 'read:update');
    unwrap(await request(alice, 'message:read', { conversationId: opened.id, seq: 1 }));
    expect(await receiptAtVisitor).toMatchObject({
      conversationId: opened.id,
      seq: 1,
      reader: { kind: 'agent', name: 'Alice' },
    });

    // Agent → visitor, with typing first.
    const typingAtVisitor = nextEvent<TypingUpdate>(visitor, 'typing:update');
    unwrap(await request(alice, 'typing:set', { conversationId: opened.id, typing: true }));
    expect((await typingAtVisitor).sender).toEqual({ kind: 'agent', id: null, name: 'Alice' });

    const atVisitor = nextEvent<Message>(visitor, 'message:new');
    const ack2 = unwrap(
      await request<MessageAck>(alice, 'message:send', {
        conversationId: opened.id,
        clientMsgId: randomUUID(),
        body: 'Let me check.',
      }),
    );
    expect(ack2.seq).toBe(2);
    expect(await atVisitor).toMatchObject({
      seq: 2,
      body: 'Let me check.',
      sender: { kind: 'agent', name: 'Alice' },
    });

    // The visitor's read receipt reaches the agent.
    const receiptAtAgent = nextEvent<ReadUpdate>(alice, 'read:update', (r) => r.reader.kind === 'visitor');
    unwrap(await request(visitor, 'message:read', { conversationId: opened.id, seq: 2 }));
    expect((await receiptAtAgent).seq).toBe(2);

    // Resolving is recorded and announced.
    const resolvedAtVisitor = nextEvent<{ status: string }>(
      visitor,
      'conversation:update',
      (c) => c.status === 'resolved',
    );
    const resolved = unwrap(
      await request<Conversation>(alice, 'conversation:resolve', {
        conversationId: opened.id,
        note: 'shipped',
        tags: ['shipping', 'late', 'shipping'],
      }),
    );
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.tags).toEqual(['shipping', 'late']);
    await resolvedAtVisitor;
    const events = await t.server.components.db
      .selectFrom('conversation_events')
      .select(['kind', 'actor_id', 'data'])
      .where('conversation_id', '=', opened.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['opened', 'assigned', 'resolved']);
    expect(events[2]).toMatchObject({
      actor_id: t.fixture.alice.id,
      data: JSON.stringify({ note: 'shipped', tags: ['shipping', 'late'] }),
    });

    // After resolving, nobody can post.
    const late = await request(visitor, 'message:send', {
      conversationId: opened.id,
      clientMsgId: randomUUID(),
      body: 'hi?',
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'conversation-closed' } });
    visitor.disconnect();
  });

  it('never sends an internal note to the visitor, live or on sync or history', async () => {
    const session = await visitorSession(t.url, t.fixture.widget.id);
    const visitor = await connectVisitor(t.url, session.visitorToken);
    const { id } = unwrap(await request<{ id: string }>(visitor, 'conversation:open', {}));
    unwrap(await request(alice, 'conversation:take', { conversationId: id }));
    unwrap(await request(andy, 'conversation:subscribe', { conversationId: id }));

    const visitorSaw = collect<Message>(visitor, 'message:new');
    const noteAtAndy = nextEvent<Message>(andy, 'message:new', (m) => m.visibility === 'agents');
    unwrap(
      await request(alice, 'message:send', {
        conversationId: id,
        clientMsgId: randomUUID(),
        body: 'VIP, handle with care',
        visibility: 'agents',
      }),
    );
    // A teammate who is not the assignee may add notes too, but not visible replies.
    unwrap(
      await request(andy, 'message:send', {
        conversationId: id,
        clientMsgId: randomUUID(),
        body: 'noted',
        visibility: 'agents',
      }),
    );
    const visibleFromAndy = await request(andy, 'message:send', {
      conversationId: id,
      clientMsgId: randomUUID(),
      body: 'hi',
    });
    expect(visibleFromAndy).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await noteAtAndy).body).toBe('VIP, handle with care');

    const reply = nextEvent<Message>(visitor, 'message:new');
    unwrap(
      await request(alice, 'message:send', {
        conversationId: id,
        clientMsgId: randomUUID(),
        body: 'How can I help?',
      }),
    );
    expect((await reply).seq).toBe(3);
    expect(visitorSaw.map((m) => m.body)).toEqual(['How can I help?']);

    const sync = unwrap(
      await request<SyncResponse>(visitor, 'message:sync', { conversationId: id, afterSeq: 0 }),
    );
    expect(sync.messages.map((m) => m.seq)).toEqual([3]);
    expect(sync.lastSeq).toBe(3);
    const history = await api<{ messages: Message[] }>(t.url, `/api/conversations/${id}/messages`, {
      token: session.visitorToken,
    });
    expect(unwrap(history.body).messages.map((m) => m.body)).toEqual(['How can I help?']);

    const staffSync = unwrap(
      await request<SyncResponse>(andy, 'message:sync', { conversationId: id, afterSeq: 0 }),
    );
    expect(staffSync.messages.map((m) => m.visibility)).toEqual(['agents', 'agents', 'all']);
    visitor.disconnect();
  });

  it('lets exactly one of several racing agents take a queued conversation', async () => {
    const session = await visitorSession(t.url, t.fixture.widget.id);
    const visitor = await connectVisitor(t.url, session.visitorToken);
    const { id } = unwrap(await request<{ id: string }>(visitor, 'conversation:open', {}));
    const aliceTwo = await connectAgent(
      t.url,
      (await login(t.url, t.fixture.alice.email)).tokens.accessToken,
    );
    const results = await Promise.all(
      [alice, andy, aliceTwo, andy].map((agent) =>
        request<Conversation>(agent, 'conversation:take', { conversationId: id }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual([
      'conflict',
      'conflict',
      'conflict',
    ]);
    const row = await t.server.components.db
      .selectFrom('conversation_events')
      .select('kind')
      .where('conversation_id', '=', id)
      .execute();
    expect(row.filter((e) => e.kind === 'assigned')).toHaveLength(1);
    aliceTwo.disconnect();
    visitor.disconnect();
  });
});
