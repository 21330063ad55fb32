import type { ConversationViewers, TypingUpdate } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  api,
  collect,
  connectAgent,
  login,
  nextEvent,
  openAndTake,
  request,
  unwrap,
  type VisitorClient,
} from './support/clients.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const names = (update: ConversationViewers) => update.viewers.map((v) => v.name);

describe('who has a conversation in front (collision control)', () => {
  let t: TestServer;
  const sockets: Array<{ disconnect(): void }> = [];
  const staff = async (email: string) => {
    const socket = await connectAgent(t.url, (await login(t.url, email)).tokens.accessToken);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.stop();
  });

  it('tells everyone following the chat who is viewing it and who is typing; the visitor learns neither', async () => {
    const alice = await staff(t.fixture.alice.email);
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    sockets.push(visitor as VisitorClient);
    const visitorHeard = collect<unknown>(visitor, 'conversation:viewers');
    const visitorTyping = collect<TypingUpdate>(visitor, 'typing:update');
    const viewersOf = (socket: AgentClient, expected: string[]) =>
      nextEvent<ConversationViewers>(
        socket,
        'conversation:viewers',
        (u) => u.conversationId === conversationId && names(u).join() === expected.join(),
      );

    let aliceSees = viewersOf(alice, ['Alice']);
    unwrap(await request(alice, 'conversation:view', { conversationId }));
    await aliceSees;

    // The admin opens it in two windows: one entry, and both windows are told.
    const admin = await staff(t.fixture.admin.email);
    const adminAgain = await staff(t.fixture.admin.email);
    aliceSees = viewersOf(alice, ['Alice', t.fixture.admin.name]);
    const adminSees = viewersOf(admin, ['Alice', t.fixture.admin.name]);
    unwrap(await request(admin, 'conversation:view', { conversationId }));
    await Promise.all([aliceSees, adminSees]);
    const again = viewersOf(adminAgain, ['Alice', t.fixture.admin.name]);
    unwrap(await request(adminAgain, 'conversation:view', { conversationId }));
    await again;

    // Typing: colleagues get the typist's id; the visitor hears only the assignee, without an id.
    const adminTyping = nextEvent<TypingUpdate>(
      alice,
      'typing:update',
      (u) => u.sender.name === t.fixture.admin.name,
    );
    unwrap(await request(admin, 'typing:set', { conversationId, typing: true }));
    expect((await adminTyping).sender).toEqual({
      kind: 'agent',
      id: t.fixture.admin.id,
      name: t.fixture.admin.name,
    });
    const aliceTyping = nextEvent<TypingUpdate>(admin, 'typing:update', (u) => u.sender.name === 'Alice');
    const visitorGets = nextEvent<TypingUpdate>(visitor, 'typing:update');
    unwrap(await request(alice, 'typing:set', { conversationId, typing: true }));
    expect((await aliceTyping).sender.id).toBe(t.fixture.alice.id);
    expect((await visitorGets).sender).toEqual({ kind: 'agent', id: null, name: 'Alice' });

    // An agent of another team may not look: refused, and nobody is told anything.
    const bella = await staff(t.fixture.bella.email);
    const refused = await request(bella, 'conversation:view', { conversationId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });

    // The admin looks away in one window, then closes the other: only Alice is left.
    const aliceHeard = collect<ConversationViewers>(alice, 'conversation:viewers');
    unwrap(await request(admin, 'conversation:view', { conversationId: null }));
    aliceSees = viewersOf(alice, ['Alice']);
    adminAgain.disconnect();
    await aliceSees;
    expect(aliceHeard.map(names)).toEqual([['Alice', t.fixture.admin.name], ['Alice']]);

    expect(visitorHeard).toEqual([]);
    expect(visitorTyping.map((u) => u.sender.name)).toEqual(['Alice']);
  });

  it('stops listing a viewer who loses access to the chat (moved to another team)', async () => {
    const alice = await staff(t.fixture.alice.email);
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    sockets.push(visitor as VisitorClient);
    const andy = await staff(t.fixture.andy.email);
    const aliceSees = (expected: string[]) =>
      nextEvent<ConversationViewers>(
        alice,
        'conversation:viewers',
        (u) => u.conversationId === conversationId && names(u).join() === expected.join(),
      );
    const both = aliceSees(['Alice', 'Andy']);
    unwrap(await request(alice, 'conversation:view', { conversationId }));
    unwrap(await request(andy, 'conversation:view', { conversationId }));
    await both;

    const aliceAlone = aliceSees(['Alice']);
    const adminToken = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
    unwrap(
      (
        await api(t.url, `/api/admin/users/${t.fixture.andy.id}`, {
          token: adminToken,
          body: { teamIds: [t.fixture.teamB] },
        })
      ).body,
    );
    await aliceAlone;
    // Andy's socket is still connected, and no longer hears the chat.
    expect(andy.connected).toBe(true);
    expect(await request(andy, 'conversation:view', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    unwrap(
      (
        await api(t.url, `/api/admin/users/${t.fixture.andy.id}`, {
          token: adminToken,
          body: { teamIds: [t.fixture.teamA] },
        })
      ).body,
    );
  });
});
