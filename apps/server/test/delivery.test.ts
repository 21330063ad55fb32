import { randomUUID } from 'node:crypto';
import type { Message, MessageAck, SyncResponse } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  collect,
  connectAgent,
  connectVisitor,
  login,
  nextEvent,
  openAndTake,
  request,
  unwrap,
  type VisitorClient,
} from './support/clients.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('delivery: idempotent sends and gap-free resync', () => {
  let t: TestServer;
  let alice: AgentClient;
  let aliceToken: string;

  beforeAll(async () => {
    t = await startTestServer();
    aliceToken = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
    alice = await connectAgent(t.url, aliceToken);
  });
  afterAll(async () => {
    alice.disconnect();
    await t.stop();
  });

  it('stores a message sent three times with one clientMsgId once, and acks each retry identically', async () => {
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    const pushes = collect<Message>(alice, 'message:new');
    const clientMsgId = randomUUID();
    const payload = { conversationId, clientMsgId, body: 'Is anyone there?' };

    const acks: MessageAck[] = [];
    for (let i = 0; i < 3; i++)
      acks.push(unwrap(await request<MessageAck>(visitor, 'message:send', payload)));
    // A retry racing the original (as after a reconnect) gets the same answer too.
    const raced = await Promise.all([1, 2].map(() => request<MessageAck>(visitor, 'message:send', payload)));
    acks.push(...raced.map((r) => unwrap(r)));

    expect(new Set(acks.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(acks[0]).toMatchObject({ clientMsgId, seq: 1 });
    const rows = await t.server.components.db
      .selectFrom('messages')
      .select(['seq', 'client_msg_id'])
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(rows).toEqual([{ seq: 1, client_msg_id: clientMsgId }]);

    // The next distinct message still gets seq 2: retries consumed no seq numbers.
    const delivered = nextEvent<Message>(alice, 'message:new', (m) => m.seq === 2);
    const next = unwrap(
      await request<MessageAck>(visitor, 'message:send', { ...payload, clientMsgId: randomUUID() }),
    );
    expect(next.seq).toBe(2);
    await delivered;
    expect(pushes.map((m) => m.seq)).toEqual([1, 2]);
    visitor.disconnect();
  });

  it('leaves the sending socket out of the push: it has the message from its ack; the sender’s other sockets hear it', async () => {
    const { session, visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    const visitorTab = await connectVisitor(t.url, session.visitorToken);
    const aliceWindow = await connectAgent(t.url, aliceToken);
    const pushedToSender = {
      visitor: collect<Message>(visitor, 'message:new'),
      alice: collect<Message>(alice, 'message:new'),
    };

    const pushOf = (socket: VisitorClient | AgentClient, clientMsgId: string) =>
      nextEvent<Message>(socket, 'message:new', (m) => m.clientMsgId === clientMsgId);

    const fromVisitor = { conversationId, clientMsgId: randomUUID(), body: 'From my first tab' };
    const otherTabHears = pushOf(visitorTab, fromVisitor.clientMsgId);
    const aliceHears = pushOf(alice, fromVisitor.clientMsgId);
    const visitorAck = unwrap(await request<MessageAck>(visitor, 'message:send', fromVisitor));
    expect(await otherTabHears).toMatchObject({
      ...fromVisitor,
      seq: visitorAck.seq,
      createdAt: visitorAck.createdAt,
    });
    await aliceHears;

    const fromAlice = { conversationId, clientMsgId: randomUUID(), body: 'From my main window' };
    const otherWindowHears = pushOf(aliceWindow, fromAlice.clientMsgId);
    const visitorHears = pushOf(visitor, fromAlice.clientMsgId);
    const aliceAck = unwrap(await request<MessageAck>(alice, 'message:send', fromAlice));
    expect(await otherWindowHears).toMatchObject({ ...fromAlice, seq: aliceAck.seq });
    await visitorHears;

    // Both later pushes reached every other socket; each sender's own never came back to it.
    expect(pushedToSender.visitor.map((m) => m.body)).toEqual(['From my main window']);
    expect(pushedToSender.alice.map((m) => m.body)).toEqual(['From my first tab']);
    for (const socket of [visitor, visitorTab, aliceWindow]) socket.disconnect();
  });

  it('refuses a clientMsgId that another sender already used in the conversation', async () => {
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    const clientMsgId = randomUUID();
    unwrap(await request(visitor, 'message:send', { conversationId, clientMsgId, body: 'mine' }));
    const stolen = await request(alice, 'message:send', { conversationId, clientMsgId, body: 'theirs' });
    expect(stolen).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: { code: 'client-msg-id-taken' } } },
    });
    visitor.disconnect();
  });

  it('gives an agent who was offline during 50 messages all of them exactly once via sync', async () => {
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    const before = unwrap(
      await request<SyncResponse>(alice, 'message:sync', { conversationId, afterSeq: 0 }),
    );
    const lastSeq = before.lastSeq;

    alice.disconnect();
    const sent: string[] = [];
    for (let i = 0; i < 50; i++) {
      const clientMsgId = randomUUID();
      sent.push(clientMsgId);
      unwrap(await request(visitor, 'message:send', { conversationId, clientMsgId, body: `message ${i}` }));
    }

    alice = await connectAgent(t.url, aliceToken);
    // Page through with a small limit so paging itself is exercised.
    const received: Message[] = [];
    let after = lastSeq;
    for (;;) {
      const page = unwrap(
        await request<SyncResponse>(alice, 'message:sync', { conversationId, afterSeq: after, limit: 7 }),
      );
      received.push(...page.messages);
      after = page.messages.at(-1)?.seq ?? after;
      if (!page.hasMore) break;
    }
    expect(received.map((m) => m.clientMsgId)).toEqual(sent);
    expect(received.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => lastSeq + i + 1));
    expect(received.map((m) => m.body)).toEqual(sent.map((_, i) => `message ${i}`));

    // Live delivery resumes after the reconnect: the assignee is back in the room.
    const live = nextEvent<Message>(alice, 'message:new');
    unwrap(
      await request(visitor, 'message:send', {
        conversationId,
        clientMsgId: randomUUID(),
        body: 'still there?',
      }),
    );
    expect((await live).seq).toBe(lastSeq + 51);
    visitor.disconnect();
  });

  it('pages message history backwards by seq', async () => {
    const { visitor, session, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    for (let i = 1; i <= 12; i++) {
      unwrap(
        await request(visitor, 'message:send', { conversationId, clientMsgId: randomUUID(), body: `m${i}` }),
      );
    }
    const seen: number[][] = [];
    let before: number | null | undefined;
    do {
      const query = before ? `?limit=5&before=${before}` : '?limit=5';
      const res = await fetch(`${t.url}/api/conversations/${conversationId}/messages${query}`, {
        headers: { authorization: `Bearer ${session.visitorToken}` },
      });
      const body = (await res.json()) as {
        ok: true;
        data: { messages: Message[]; nextBefore: number | null };
      };
      seen.push(body.data.messages.map((m) => m.seq));
      before = body.data.nextBefore;
    } while (before);
    expect(seen).toEqual([
      [8, 9, 10, 11, 12],
      [3, 4, 5, 6, 7],
      [1, 2],
    ]);
    visitor.disconnect();
  });
});
