import { randomUUID } from 'node:crypto';
import type {
  Conversation,
  Message,
  MessageAck,
  OfferClosed,
  QueueUpdate,
  TimelineEntry,
} from '@switchboard/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
  type VisitorClient,
  visitorSession,
} from './support/clients.js';
import {
  adminToken,
  nextOffer,
  onlineAgent,
  setTeam,
  visitorWithConversation,
} from './support/routing-helpers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const sockets: Array<AgentClient | VisitorClient> = [];
function track<T extends AgentClient | VisitorClient>(socket: T): T {
  sockets.push(socket);
  return socket;
}

async function timelineOf(t: TestServer, conversationId: string): Promise<TimelineEntry[]> {
  return unwrap(
    (
      await api<TimelineEntry[]>(t.url, `/api/conversations/${conversationId}/timeline`, {
        token: await adminToken(t),
      })
    ).body,
  );
}

describe('routing with real clients', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ routing: { tickMilliseconds: 50, disconnectGraceSeconds: 1 } });
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    // Every test starts from an empty floor: nobody online, nothing waiting.
    const open = await t.server.components.db
      .selectFrom('conversations')
      .select(['id', 'assignee_id'])
      .where('status', 'in', ['queued', 'assigned'])
      .execute();
    const token = await adminToken(t);
    const admin = await connectAgent(t.url, token);
    for (const c of open) await request(admin, 'conversation:resolve', { conversationId: c.id });
    admin.disconnect();
    for (const team of [t.fixture.teamA, t.fixture.teamB]) await setTeam(t, team, {});
    for (const agent of [t.fixture.alice, t.fixture.andy, t.fixture.bella]) {
      await t.server.components.routing.setStatus(agent.id, 'offline', 'manual');
    }
  });
  afterAll(() => t.stop());

  it('auto-assigns to the least loaded online agent and records why', async () => {
    track(await onlineAgent(t, t.fixture.alice.email));
    track(await onlineAgent(t, t.fixture.andy.email));
    track((await visitorWithConversation(t)).visitor);
    const second = await visitorWithConversation(t);
    track(second.visitor);
    const assignees = async () =>
      (
        await t.server.components.db
          .selectFrom('conversations')
          .select('assignee_id')
          .where('status', '=', 'assigned')
          .execute()
      )
        .map((r) => r.assignee_id)
        .sort();
    // One each: the second went to whoever had no chat yet.
    await expect.poll(assignees).toEqual([t.fixture.alice.id, t.fixture.andy.id].sort());

    const timeline = await timelineOf(t, second.conversation.id);
    const assigned = timeline.find((e) => e.kind === 'assigned');
    expect(assigned?.decision).toMatchObject({ teamId: t.fixture.teamA, priority: 'normal', rule: null });
    // Both were eligible; the one without a chat was chosen.
    const eligible = assigned?.decision?.eligible ?? [];
    expect(eligible.map((e) => e.load).sort()).toEqual([0, 1]);
    expect(assigned?.decision?.chosen).toBe(eligible.find((e) => e.load === 0)?.userId);
    expect(assigned?.decision?.why).toMatch(/lowest load \(0\/3\)/);
    // The same as data, for the workbench to word in the agent's language.
    expect(assigned?.decision?.reason).toEqual({ code: 'lowest-load', load: 0, capacity: 3, tiedWith: 1 });
  });

  it('tells a waiting visitor their place in the queue and keeps it current', async () => {
    const waiting: Array<{ visitor: VisitorClient; id: string; updates: QueueUpdate[] }> = [];
    for (let i = 0; i < 3; i++) {
      const session = await visitorSession(t.url, t.fixture.widget.id);
      const visitor = track(await connectVisitor(t.url, session.visitorToken));
      const updates = collect<QueueUpdate>(visitor, 'queue:update');
      const { id } = unwrap(await request<{ id: string }>(visitor, 'conversation:open', {}));
      waiting.push({ visitor, id, updates });
    }
    await expect.poll(() => waiting.map((w) => w.updates.at(-1)?.position)).toEqual([1, 2, 3]);
    const alice = track(await onlineAgent(t, t.fixture.alice.email));
    unwrap(await request(alice, 'agent:status', { status: 'online' }));
    // Alice takes three (capacity 3): nobody waits any more; take one more visitor to see it move.
    await expect
      .poll(
        async () =>
          (
            await t.server.components.db
              .selectFrom('conversations')
              .select('id')
              .where('status', '=', 'queued')
              .execute()
          ).length,
      )
      .toBe(0);
    const session = await visitorSession(t.url, t.fixture.widget.id);
    const late = track(await connectVisitor(t.url, session.visitorToken));
    const update = nextEvent<QueueUpdate>(late, 'queue:update');
    const { id } = unwrap(await request<{ id: string }>(late, 'conversation:open', {}));
    expect(await update).toMatchObject({ conversationId: id, position: 1 });
  });

  it('offer mode rings one agent, moves on after the timeout, and the next agent accepts', async () => {
    await setTeam(t, t.fixture.teamA, { mode: 'offer', offerTimeoutSeconds: 5 });
    const alice = track(await onlineAgent(t, t.fixture.alice.email));
    const andy = track(await onlineAgent(t, t.fixture.andy.email));
    const firstOffer = Promise.race([
      nextOffer(alice).then((offer) => ({ offer, ringing: alice, other: andy })),
      nextOffer(andy).then((offer) => ({ offer, ringing: andy, other: alice })),
    ]);
    const { conversation, visitor } = await visitorWithConversation(t);
    track(visitor);
    const { offer: first, ringing, other } = await firstOffer;
    expect(first.conversation.id).toBe(conversation.id);
    // The first agent lets it ring out (the clock is real: 5 s).
    const closed = await nextEvent<OfferClosed>(ringing, 'offer:closed', () => true, 8_000);
    expect(closed).toMatchObject({ conversationId: conversation.id, reason: 'expired' });
    const second = await nextOffer(other, conversation.id, 3_000);
    const accepted = unwrap(await request<Conversation>(other, 'offer:accept', { offerId: second.offerId }));
    expect(accepted.status).toBe('assigned');
    // A stale accept of the expired offer is refused.
    expect(await request(ringing, 'offer:accept', { offerId: first.offerId })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const timeline = await timelineOf(t, conversation.id);
    expect(timeline.map((e) => e.kind)).toEqual([
      'opened',
      'offered',
      'offer-expired',
      'offered',
      'assigned',
    ]);
    const rangOutBy = ringing === alice ? 'Alice' : 'Andy';
    expect(timeline.find((e) => e.kind === 'offer-expired')).toMatchObject({
      actor: null,
      note: `${rangOutBy} did not answer`,
      noteData: { code: 'offer-unanswered', agent: rangOutBy },
    });
  }, 20_000);

  it('a declined offer goes straight to the next agent', async () => {
    await setTeam(t, t.fixture.teamA, { mode: 'offer', offerTimeoutSeconds: 60 });
    const alice = track(await onlineAgent(t, t.fixture.alice.email));
    const andy = track(await onlineAgent(t, t.fixture.andy.email));
    const both = Promise.race([
      nextOffer(alice).then((o) => ({ o, by: alice, other: andy })),
      nextOffer(andy).then((o) => ({ o, by: andy, other: alice })),
    ]);
    const { conversation, visitor } = await visitorWithConversation(t);
    track(visitor);
    const { o, by, other } = await both;
    const next = nextOffer(other, conversation.id);
    unwrap(await request(by, 'offer:decline', { offerId: o.offerId, reason: 'on a call' }));
    expect((await next).conversation.id).toBe(conversation.id);
    const declined = (await timelineOf(t, conversation.id)).find((e) => e.kind === 'offer-declined');
    // The agent's own words: no data to translate.
    expect(declined).toMatchObject({ note: 'on a call' });
    expect(declined?.noteData).toBeUndefined();
  });

  it('of five agents accepting the same offer in the same instant, exactly one wins — 200 times', async () => {
    await setTeam(t, t.fixture.teamA, { mode: 'offer', offerTimeoutSeconds: 60 });
    const emails = [t.fixture.alice.email, t.fixture.andy.email];
    const agents = [
      ...(await Promise.all(emails.map((e) => onlineAgent(t, e)))),
      // More sockets of the same two people: five desks pressing accept at once.
      ...(await Promise.all(
        [0, 1, 0].map(async (i) =>
          connectAgent(t.url, (await login(t.url, emails[i] as string)).tokens.accessToken),
        ),
      )),
    ].map(track);
    const session = await visitorSession(t.url, t.fixture.widget.id);
    const visitor = track(await connectVisitor(t.url, session.visitorToken));
    for (let round = 0; round < 200; round++) {
      const offered = Promise.race(agents.map((a) => nextOffer(a)));
      const { id } = unwrap(await request<{ id: string }>(visitor, 'conversation:open', {}));
      const offer = await offered;
      expect(offer.conversation.id).toBe(id);
      const results = await Promise.all(
        agents.map((a) => request<Conversation>(a, 'offer:accept', { offerId: offer.offerId })),
      );
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'conflict')).toBe(true);
      const winner = agents[results.findIndex((r) => r.ok)] as AgentClient;
      unwrap(await request(winner, 'conversation:resolve', { conversationId: id }));
    }
    const assigned = await t.server.components.db
      .selectFrom('conversation_events')
      .select((eb) => ['conversation_id', eb.fn.countAll<number>().as('n')])
      .where('kind', '=', 'assigned')
      .groupBy('conversation_id')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(assigned).toEqual([]);
  }, 120_000);

  it('requeues a disconnected agent’s chats at the front after the grace period', async () => {
    const andy = track(await onlineAgent(t, t.fixture.andy.email));
    const aliceLogin = await login(t.url, t.fixture.alice.email);
    const alice = await connectAgent(t.url, aliceLogin.tokens.accessToken);
    unwrap(await request(alice, 'agent:status', { status: 'online' }));
    unwrap(await request(andy, 'agent:status', { status: 'away' }));
    const mine = await visitorWithConversation(t);
    track(mine.visitor);
    await expect
      .poll(async () => (await t.server.components.conversations.load(mine.conversation.id)).assigneeId)
      .toBe(t.fixture.alice.id);
    // Someone else queues behind while nobody has room.
    unwrap(await request(alice, 'agent:status', { status: 'away' }));
    const later = await visitorWithConversation(t);
    track(later.visitor);

    alice.disconnect();
    // Within the grace period the chat stays hers.
    expect((await t.server.components.conversations.load(mine.conversation.id)).assigneeId).toBe(
      t.fixture.alice.id,
    );
    await expect
      .poll(async () => (await t.server.components.conversations.load(mine.conversation.id)).status, {
        timeout: 5_000,
      })
      .toBe('queued');
    // Back at the front: the first agent to come online gets it before the one that waited.
    const assignedToAndy = nextEvent<Conversation>(
      andy,
      'conversation:update',
      (c) => c.status === 'assigned' && c.assignee?.id === t.fixture.andy.id,
    );
    unwrap(await request(andy, 'agent:status', { status: 'online' }));
    expect((await assignedToAndy).id).toBe(mine.conversation.id);
    const requeued = (await timelineOf(t, mine.conversation.id)).find((e) => e.kind === 'requeued');
    expect(requeued).toMatchObject({
      note: 'Alice disconnected',
      noteData: { code: 'agent-disconnected', agent: 'Alice' },
    });
  });

  it('reconnecting within the grace period keeps the chats and the status', async () => {
    const { tokens } = await login(t.url, t.fixture.alice.email);
    const first = await connectAgent(t.url, tokens.accessToken);
    unwrap(await request(first, 'agent:status', { status: 'online' }));
    const chat = await visitorWithConversation(t);
    track(chat.visitor);
    await expect
      .poll(async () => (await t.server.components.conversations.load(chat.conversation.id)).assigneeId)
      .toBe(t.fixture.alice.id);
    first.disconnect();
    const again = track(await connectAgent(t.url, tokens.accessToken));
    const state = unwrap(await request<{ status: string }>(again, 'agent:state', {}));
    expect(state.status).toBe('online');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await t.server.components.conversations.load(chat.conversation.id)).assigneeId).toBe(
      t.fixture.alice.id,
    );
  });

  it('transfers to a team (back of nobody: front of its queue) and to an agent, with the reason in the timeline', async () => {
    const alice = track(await onlineAgent(t, t.fixture.alice.email));
    const chat = await visitorWithConversation(t);
    track(chat.visitor);
    await expect
      .poll(async () => (await t.server.components.conversations.load(chat.conversation.id)).assigneeId)
      .toBe(t.fixture.alice.id);
    // Refusals say why as data a client can word in its language, and change nothing.
    const toAway = (userId: string) =>
      request(alice, 'conversation:transfer', {
        conversationId: chat.conversation.id,
        to: { kind: 'agent', userId },
        reason: 'billing expert',
      });
    expect(await toAway(t.fixture.andy.id)).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Andy is not available.',
        details: { reason: { code: 'agent-unavailable', agent: 'Andy' } },
      },
    });
    expect(await toAway(t.fixture.alice.id)).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: { code: 'already-theirs' } } },
    });
    expect((await t.server.components.conversations.load(chat.conversation.id)).assigneeId).toBe(
      t.fixture.alice.id,
    );
    const andy = track(await onlineAgent(t, t.fixture.andy.email));
    const toAndy = unwrap(
      await request<Conversation>(alice, 'conversation:transfer', {
        conversationId: chat.conversation.id,
        to: { kind: 'agent', userId: t.fixture.andy.id },
        reason: 'billing expert',
      }),
    );
    expect(toAndy.assignee?.id).toBe(t.fixture.andy.id);
    // Andy's sockets now follow it: the visitor's next message reaches him.
    const atAndy = nextEvent<Message>(andy, 'message:new', (m) => m.conversationId === chat.conversation.id);
    unwrap(
      await request(chat.visitor, 'message:send', {
        conversationId: chat.conversation.id,
        clientMsgId: randomUUID(),
        body: 'still there?',
      }),
    );
    await atAndy;
    // Alice no longer may reply visibly.
    expect(
      await request(alice, 'message:send', {
        conversationId: chat.conversation.id,
        clientMsgId: randomUUID(),
        body: 'hi',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const toTeamB = unwrap(
      await request<Conversation>(andy, 'conversation:transfer', {
        conversationId: chat.conversation.id,
        to: { kind: 'team', teamId: t.fixture.teamB },
        reason: 'portal question',
      }),
    );
    expect(toTeamB).toMatchObject({ status: 'queued', teamId: t.fixture.teamB, assignee: null });
    const transfers = (await timelineOf(t, chat.conversation.id)).filter((e) => e.kind === 'transferred');
    expect(transfers.map((e) => e.note)).toEqual([
      'to Andy: billing expert',
      'to team Team B: portal question',
    ]);
    expect(transfers.map((e) => e.noteData)).toEqual([
      { code: 'transferred-to-agent', agent: 'Andy', reason: 'billing expert' },
      { code: 'transferred-to-team', team: 'Team B', reason: 'portal question' },
    ]);
    // It left Alice's teams: she can no longer see it, let alone move it.
    expect(
      await request(alice, 'conversation:transfer', {
        conversationId: chat.conversation.id,
        to: { kind: 'team', teamId: t.fixture.teamA },
        reason: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('a chat transferred to an agent is their newest work: the next chat goes to whoever has waited longer', async () => {
    const alice = track(await onlineAgent(t, t.fixture.alice.email));
    const andy = track(await onlineAgent(t, t.fixture.andy.email));
    const socketOf = (userId: string) => (userId === t.fixture.alice.id ? alice : andy);
    const assigneeOf = async (conversationId: string) =>
      (await t.server.components.conversations.load(conversationId)).assigneeId;
    const routedTo = async (conversationId: string) => {
      await expect.poll(() => assigneeOf(conversationId)).not.toBeNull();
      return (await assigneeOf(conversationId)) as string;
    };
    const first = await visitorWithConversation(t);
    track(first.visitor);
    const earlier = await routedTo(first.conversation.id);
    const second = await visitorWithConversation(t);
    track(second.visitor);
    const later = await routedTo(second.conversation.id);
    expect(later).not.toBe(earlier);
    // Swapped by transfers: each still has one chat, and `earlier` was given theirs last.
    const transfer = (conversationId: string, from: string, to: string) =>
      request<Conversation>(socketOf(from), 'conversation:transfer', {
        conversationId,
        to: { kind: 'agent', userId: to },
        reason: 'swap',
      }).then(unwrap);
    await transfer(first.conversation.id, earlier, later);
    // Two transfers within one millisecond would tie; their order is what this is about.
    const transferredAt = Date.now();
    await expect.poll(() => Date.now(), { interval: 1 }).toBeGreaterThan(transferredAt);
    await transfer(second.conversation.id, later, earlier);

    const third = await visitorWithConversation(t);
    track(third.visitor);
    expect(await routedTo(third.conversation.id)).toBe(later);
    const assigned = (await timelineOf(t, third.conversation.id)).find((e) => e.kind === 'assigned');
    expect(assigned?.decision?.reason).toMatchObject({ code: 'lowest-load', load: 1, tiedWith: 2 });
    // Kept in the store too: a restart breaks the next tie the same way.
    const lastAssigned = await t.server.components.db
      .selectFrom('agent_states')
      .select(['user_id', 'last_assigned_at'])
      .where('user_id', 'in', [earlier, later])
      .execute();
    const at = (userId: string) => lastAssigned.find((r) => r.user_id === userId)?.last_assigned_at ?? '';
    expect(at(later) > at(earlier)).toBe(true);
  });

  it('a chat back in the queue keeps its visitor’s wait until someone on the staff answers', async () => {
    const alice = track(await onlineAgent(t, t.fixture.alice.email));
    const chat = await visitorWithConversation(t);
    track(chat.visitor);
    const id = chat.conversation.id;
    const load = () => t.server.components.conversations.load(id);
    await expect.poll(async () => (await load()).assigneeId).toBe(t.fixture.alice.id);
    const say = async (socket: AgentClient | VisitorClient, body: string) =>
      unwrap(
        await request<MessageAck>(socket, 'message:send', {
          conversationId: id,
          clientMsgId: randomUUID(),
          body,
        }),
      ).createdAt;
    const transfer = async (socket: AgentClient, teamId: string) =>
      unwrap(
        await request<Conversation>(socket, 'conversation:transfer', {
          conversationId: id,
          to: { kind: 'team', teamId },
          reason: 'another team',
        }),
      );

    // Nobody has answered: the wait runs from when the chat first entered the queue.
    const asked = await say(chat.visitor, 'Hello?');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await transfer(alice, t.fixture.teamB)).toMatchObject({ status: 'queued' });
    expect(Date.parse((await load()).queuedAt ?? '')).toBeLessThanOrEqual(Date.parse(asked));

    // The staff had the last word: a new wait starts at the transfer.
    const bella = track(await onlineAgent(t, t.fixture.bella.email));
    await expect.poll(async () => (await load()).assigneeId).toBe(t.fixture.bella.id);
    await say(bella, 'Hi, Bella here.');
    unwrap(await request(alice, 'agent:status', { status: 'away' }));
    const beforeTransfer = Date.now();
    expect(await transfer(bella, t.fixture.teamA)).toMatchObject({ status: 'queued' });
    expect(Date.parse((await load()).queuedAt ?? '')).toBeGreaterThanOrEqual(beforeTransfer);

    // The visitor wrote since: the wait runs from their oldest message nobody has answered.
    const unanswered = await say(chat.visitor, 'Anyone?');
    await say(chat.visitor, 'Hello??');
    unwrap(await request(bella, 'agent:status', { status: 'away' }));
    unwrap(await request(alice, 'agent:status', { status: 'online' }));
    await expect.poll(async () => (await load()).assigneeId).toBe(t.fixture.alice.id);
    expect(await transfer(alice, t.fixture.teamB)).toMatchObject({ status: 'queued' });
    expect((await load()).queuedAt).toBe(unanswered);
  });

  it('puts an agent in wrap-up after resolving, then back online', async () => {
    await setTeam(t, t.fixture.teamA, { wrapUpSeconds: 1 });
    const alice = track(await onlineAgent(t, t.fixture.alice.email));
    const chat = await visitorWithConversation(t);
    track(chat.visitor);
    await expect
      .poll(async () => (await t.server.components.conversations.load(chat.conversation.id)).assigneeId)
      .toBe(t.fixture.alice.id);
    const wrapUp = nextEvent<{ status: string }>(alice, 'agent:state', (s) => s.status === 'wrap-up');
    unwrap(await request(alice, 'conversation:resolve', { conversationId: chat.conversation.id }));
    await wrapUp;
    // In wrap-up she gets nothing new.
    const waiting = await visitorWithConversation(t);
    track(waiting.visitor);
    expect((await t.server.components.conversations.load(waiting.conversation.id)).status).toBe('queued');
    const back = await nextEvent<{ status: string }>(
      alice,
      'agent:state',
      (s) => s.status === 'online',
      4_000,
    );
    expect(back.status).toBe('online');
    await expect
      .poll(async () => (await t.server.components.conversations.load(waiting.conversation.id)).assigneeId)
      .toBe(t.fixture.alice.id);
  });

  it('requeues a chat nobody answered within the watchdog time', async () => {
    await setTeam(t, t.fixture.teamA, { unansweredSeconds: 1 });
    const alice = track(await onlineAgent(t, t.fixture.alice.email));
    const chat = await visitorWithConversation(t);
    track(chat.visitor);
    await expect
      .poll(async () => (await t.server.components.conversations.load(chat.conversation.id)).assigneeId)
      .toBe(t.fixture.alice.id);
    unwrap(await request(alice, 'agent:status', { status: 'away' }));
    await expect
      .poll(async () => (await t.server.components.conversations.load(chat.conversation.id)).status, {
        timeout: 4_000,
      })
      .toBe('queued');
    expect((await timelineOf(t, chat.conversation.id)).at(-1)).toMatchObject({
      kind: 'requeued',
      note: 'no reply within 1s',
      noteData: { code: 'no-reply', seconds: 1 },
    });

    // A reply in time stops the watchdog.
    unwrap(await request(alice, 'agent:status', { status: 'online' }));
    await expect
      .poll(async () => (await t.server.components.conversations.load(chat.conversation.id)).assigneeId)
      .toBe(t.fixture.alice.id);
    unwrap(
      await request(alice, 'message:send', {
        conversationId: chat.conversation.id,
        clientMsgId: randomUUID(),
        body: 'Hello!',
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await t.server.components.conversations.load(chat.conversation.id)).assigneeId).toBe(
      t.fixture.alice.id,
    );
  });

  it('routes by admin rules (first match wins) and serves VIPs only when their identity is signed', async () => {
    const token = await adminToken(t);
    const bad = await api(t.url, '/api/routing/rules', {
      token,
      body: {
        rules: [
          {
            name: 'broken',
            teamId: t.fixture.teamB,
            conditions: [{ field: 'language', op: 'in', value: 'zh' }],
          },
        ],
      },
    });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const rules = unwrap(
      (
        await api<Array<{ id: string }>>(t.url, '/api/routing/rules', {
          token,
          body: {
            rules: [
              {
                name: 'Chinese speakers',
                teamId: t.fixture.teamB,
                conditions: [{ field: 'language', op: 'startsWith', value: 'zh' }],
              },
              {
                name: 'Billing pages',
                teamId: t.fixture.teamB,
                priority: 'vip',
                conditions: [{ field: 'pageUrl', op: 'contains', value: '/billing' }],
              },
            ],
          },
        })
      ).body,
    );
    expect(rules).toHaveLength(2);
    const agentToken = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
    expect((await api(t.url, '/api/routing/rules', { token: agentToken })).status).toBe(403);

    const zh = await visitorWithConversation(t, {
      language: 'zh-CN',
      pageUrl: 'https://shop.example/billing',
    });
    track(zh.visitor);
    const billing = await visitorWithConversation(t, {
      language: 'en',
      pageUrl: 'https://shop.example/billing/invoices',
    });
    track(billing.visitor);
    const plain = await visitorWithConversation(t, {
      language: 'en',
      pageUrl: 'https://shop.example/',
      vip: true,
    });
    track(plain.visitor);
    const load = (id: string) => t.server.components.conversations.load(id);
    expect(await load(zh.conversation.id)).toMatchObject({ teamId: t.fixture.teamB, priority: 'normal' });
    expect(await load(billing.conversation.id)).toMatchObject({ teamId: t.fixture.teamB, priority: 'vip' });
    // An unsigned visitor claiming VIP is not believed.
    expect(await load(plain.conversation.id)).toMatchObject({ teamId: t.fixture.teamA, priority: 'normal' });
    const opened = (await timelineOf(t, zh.conversation.id))[0];
    expect(opened?.kind).toBe('opened');
    unwrap((await api(t.url, '/api/routing/rules', { token, body: { rules: [] } })).body);
  });

  it('answers from the bot first, then hands over when asked for a person', async () => {
    const token = await adminToken(t);
    unwrap(
      (
        await api(t.url, `/api/teams/${t.fixture.teamA}/bot`, {
          token,
          body: {
            entries: [
              {
                keywords: ['opening hours', 'open'],
                answer: 'Hi {{visitor.firstName | there}}, we are open 9–17, Monday to Friday.',
              },
              {
                keywords: ['my plan'],
                answer:
                  'Your {{custom.plan | current}} plan: see {{page.url | our pricing page}}. — {{team.name}}',
              },
            ],
          },
        })
      ).body,
    );
    // An answer naming an agent is refused (a bot has none), and the entries stay as they were.
    const refused = await api(t.url, `/api/teams/${t.fixture.teamA}/bot`, {
      token,
      body: { entries: [{ keywords: ['hello'], answer: '{{agent.firstName}} here.' }] },
    });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await t.server.components.bot.entries(t.fixture.teamA)).toHaveLength(2);
    await setTeam(t, t.fixture.teamA, { botEnabled: true });
    const alice = track(await onlineAgent(t, t.fixture.alice.email));
    const session = await visitorSession(t.url, t.fixture.widget.id, { name: 'Noor Haddad' });
    const visitor = track(await connectVisitor(t.url, session.visitorToken));
    const conversation = unwrap(
      await request<{ id: string }>(visitor, 'conversation:open', {
        attributes: { pageUrl: 'https://shop.example/pricing', custom: { plan: 'Pro' } },
      }),
    );
    expect((await t.server.components.conversations.load(conversation.id)).status).toBe('queued');
    const send = (body: string) =>
      request(visitor, 'message:send', { conversationId: conversation.id, clientMsgId: randomUUID(), body });
    const answer = nextEvent<Message>(visitor, 'message:new', (m) => m.sender.kind === 'bot');
    unwrap(await send('When are you open?'));
    expect((await answer).body).toBe('Hi Noor, we are open 9–17, Monday to Friday.');
    // The page and the site's custom fields, as the chat was opened with them.
    const planAnswer = nextEvent<Message>(visitor, 'message:new', (m) => m.sender.kind === 'bot');
    unwrap(await send('What is in my plan?'));
    expect((await planAnswer).body).toBe('Your Pro plan: see https://shop.example/pricing. — Team A');
    // Still with the bot: not assigned although Alice is free.
    expect((await t.server.components.conversations.load(conversation.id)).assigneeId).toBeNull();
    const assigned = nextEvent<Conversation>(
      alice,
      'conversation:update',
      (c) => c.id === conversation.id && c.status === 'assigned',
    );
    // What the visitor hears, in order: the hand-over is said before the agent arrives.
    const heard: string[] = [];
    visitor.on('message:new', (m: Message) => heard.push(`message:${m.systemEvent?.code ?? m.sender.kind}`));
    visitor.on('conversation:update', (c: { status: string }) => heard.push(`conversation:${c.status}`));
    unwrap(await send('I want to talk to a human please'));
    await assigned;
    await expect.poll(() => heard.includes('conversation:assigned')).toBe(true);
    expect(heard.indexOf('message:bot-handoff')).toBeGreaterThanOrEqual(0);
    expect(heard.indexOf('message:bot-handoff')).toBeLessThan(heard.indexOf('conversation:assigned'));
    const history = unwrap(
      await request<{ messages: Message[] }>(alice, 'message:sync', {
        conversationId: conversation.id,
        afterSeq: 0,
      }),
    );
    expect(history.messages.map((m) => m.sender.kind)).toEqual([
      'visitor',
      'bot',
      'visitor',
      'bot',
      'visitor',
      'bot',
    ]);
    // The hand-over line says what it is as data, for clients to word in their language; the
    // admin's answer is the admin's words, as written.
    expect(history.messages[5]).toMatchObject({
      body: 'Let me connect you with a person. Please hold on.',
      systemEvent: { code: 'bot-handoff' },
    });
    expect(history.messages[1]?.systemEvent).toBeUndefined();
    expect((await timelineOf(t, conversation.id)).map((e) => e.kind)).toContain('bot-handoff');
  });

  it('leaves a chat taken from the bot to whoever took it: the bot answers no more and never hands it back', async () => {
    const token = await adminToken(t);
    unwrap(
      (
        await api(t.url, `/api/teams/${t.fixture.teamA}/bot`, {
          token,
          body: { entries: [{ keywords: ['hours'], answer: 'We are open 9–17.' }] },
        })
      ).body,
    );
    await setTeam(t, t.fixture.teamA, { botEnabled: true });
    const alice = track(
      await connectAgent(t.url, (await login(t.url, t.fixture.alice.email)).tokens.accessToken),
    );
    const admin = track(await connectAgent(t.url, token));
    const picked = await visitorWithConversation(t);
    const takenOver = await visitorWithConversation(t);
    track(picked.visitor);
    track(takenOver.visitor);
    const routing = t.server.components.routing;
    expect(routing.isWithBot(picked.conversation.id)).toBe(true);
    // Alice picks one from the queue; an admin takes the other over.
    unwrap(await request(alice, 'conversation:take', { conversationId: picked.conversation.id }));
    unwrap(await request(admin, 'supervisor:takeover', { conversationId: takenOver.conversation.id }));

    for (const [{ visitor, conversation }, staff] of [
      [picked, alice],
      [takenOver, admin],
    ] as const) {
      expect(routing.isWithBot(conversation.id)).toBe(false);
      // A keyword the bot knows, then words it does not: before, it answered the one and handed
      // the chat back to the queue on the other.
      for (const body of ['What are your hours?', 'Something else entirely']) {
        unwrap(
          await request(visitor, 'message:send', {
            conversationId: conversation.id,
            clientMsgId: randomUUID(),
            body,
          }),
        );
      }
      const { messages } = unwrap(
        await request<{ messages: Message[] }>(staff, 'message:sync', {
          conversationId: conversation.id,
          afterSeq: 0,
        }),
      );
      expect(messages.filter((m) => m.sender.kind !== 'system').map((m) => m.sender.kind)).toEqual([
        'visitor',
        'visitor',
      ]);
      const stored = await t.server.components.conversations.load(conversation.id);
      expect(stored.status).toBe('assigned');
      const row = await t.server.components.db
        .selectFrom('conversations')
        .select('in_bot')
        .where('id', '=', conversation.id)
        .executeTakeFirstOrThrow();
      expect(row.in_bot).toBe(0);
    }
    expect((await t.server.components.conversations.load(picked.conversation.id)).assigneeId).toBe(
      t.fixture.alice.id,
    );
  });

  it('refuses banned visitors and addresses politely, and audits bans', async () => {
    const token = await adminToken(t);
    const { visitor, session } = await visitorWithConversation(t);
    track(visitor);
    const ban = unwrap(
      (
        await api<{ id: string }>(t.url, '/api/bans', {
          token,
          body: { kind: 'visitor', value: session.visitorId, reason: 'abusive language' },
        })
      ).body,
    );
    await expect(connectVisitor(t.url, session.visitorToken)).rejects.toMatchObject({
      data: { code: 'banned' },
    });
    expect(await request(visitor, 'conversation:open', {})).toMatchObject({
      ok: false,
      error: { code: 'banned' },
    });
    const badRange = await api(t.url, '/api/bans', {
      token,
      body: { kind: 'ip', value: '10.0.0.0/99', reason: 'x' },
    });
    expect(badRange.body).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const ipBan = unwrap(
      (
        await api<{ id: string }>(t.url, '/api/bans', {
          token,
          body: { kind: 'ip', value: '127.0.0.0/8', reason: 'test range' },
        })
      ).body,
    );
    const refused = await api(t.url, '/api/visitor/sessions', {
      body: { widgetId: t.fixture.widget.id },
      headers: { origin: 'https://shop.example' },
    });
    expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'banned' } } });
    for (const id of [ban.id, ipBan.id])
      unwrap((await api(t.url, `/api/bans/${id}/lift`, { token, body: {} })).body);
    expect(
      (
        await api(t.url, '/api/visitor/sessions', {
          body: { widgetId: t.fixture.widget.id },
          headers: { origin: 'https://shop.example' },
        })
      ).status,
    ).toBe(200);
    const audit = await t.server.components.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', 'like', 'ban.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['ban.create', 'ban.create', 'ban.lift', 'ban.lift']);
    expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set([t.fixture.admin.id]));
  });

  it('serves nobody outside business hours, and says the team is unavailable', async () => {
    await setTeam(t, t.fixture.teamA, {
      businessHours: { timezone: 'UTC', mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    });
    track(await onlineAgent(t, t.fixture.alice.email));
    expect(t.server.components.routing.isTeamAvailable(t.fixture.teamA)).toBe(false);
    const chat = await visitorWithConversation(t);
    track(chat.visitor);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await t.server.components.conversations.load(chat.conversation.id)).status).toBe('queued');
    await setTeam(t, t.fixture.teamA, {});
    expect(t.server.components.routing.isTeamAvailable(t.fixture.teamA)).toBe(true);
    await expect
      .poll(async () => (await t.server.components.conversations.load(chat.conversation.id)).status)
      .toBe('assigned');
  });

  it('lets an agent pick up a message left while nobody was available and answer it', async () => {
    const session = await visitorSession(t.url, t.fixture.widget.id, { name: 'Olga' });
    const watcher = track(
      await connectAgent(t.url, (await login(t.url, t.fixture.andy.email)).tokens.accessToken),
    );
    const announced = nextEvent<Conversation>(watcher, 'conversation:update', (c) => c.status === 'offline');
    const left = unwrap(
      (
        await api<{ id: string; status: string }>(t.url, '/api/visitor/offline-messages', {
          token: session.visitorToken,
          body: { clientMsgId: randomUUID(), body: 'Please call me back.', email: 'olga@example.test' },
          headers: { origin: 'https://shop.example' },
        })
      ).body,
    );
    expect(left.status).toBe('offline');
    expect((await announced).id).toBe(left.id);
    const alice = track(await onlineAgent(t, t.fixture.alice.email));
    // Offline messages are not routed: they wait for someone to pick them up.
    expect((await t.server.components.conversations.load(left.id)).status).toBe('offline');
    const lastAssigned = async () =>
      (
        await t.server.components.db
          .selectFrom('agent_states')
          .select('last_assigned_at')
          .where('user_id', '=', t.fixture.alice.id)
          .executeTakeFirst()
      )?.last_assigned_at ?? '';
    const before = await lastAssigned();
    const taken = unwrap(
      await request<Conversation>(alice, 'conversation:take', { conversationId: left.id }),
    );
    expect(taken).toMatchObject({ status: 'assigned', assignee: { id: t.fixture.alice.id } });
    // Answering a left message is work given: her idle time starts afresh.
    expect((await lastAssigned()) > before).toBe(true);
    const andy = track(await onlineAgent(t, t.fixture.andy.email));
    expect(await request(andy, 'conversation:take', { conversationId: left.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const visitor = track(await connectVisitor(t.url, session.visitorToken));
    const reply = nextEvent<Message>(visitor, 'message:new');
    unwrap(
      await request(alice, 'message:send', {
        conversationId: left.id,
        clientMsgId: randomUUID(),
        body: 'Calling you now.',
      }),
    );
    expect((await reply).seq).toBe(2);
    const state = unwrap(await request<{ load: number }>(alice, 'agent:state', {}));
    expect(state.load).toBe(1);
  });

  it('lists teams and agents with their live state for the transfer dialog', async () => {
    track(await onlineAgent(t, t.fixture.alice.email));
    const token = (await login(t.url, t.fixture.andy.email)).tokens.accessToken;
    const teams = unwrap(
      (await api<Array<{ id: string; mode: string }>>(t.url, '/api/teams', { token })).body,
    );
    expect(teams.map((x) => x.id)).toEqual([t.fixture.teamA]);
    const agents = unwrap(
      (await api<Array<{ name: string; status: string; capacity: number }>>(t.url, '/api/agents', { token }))
        .body,
    );
    expect(agents.map((a) => [a.name, a.status])).toEqual([
      ['Alice', 'online'],
      ['Andy', 'offline'],
    ]);
    expect(agents.map((a) => a.capacity)).toEqual([3, 3]);
    const admin = await adminToken(t);
    expect(
      (await api(t.url, `/api/agents/${t.fixture.alice.id}/capacity`, { token, body: { capacity: 5 } }))
        .status,
    ).toBe(403);
    const changed = unwrap(
      (
        await api<{ capacity: number }>(t.url, `/api/agents/${t.fixture.alice.id}/capacity`, {
          token: admin,
          body: { capacity: 5 },
        })
      ).body,
    );
    expect(changed.capacity).toBe(5);
    unwrap(
      (
        await api(t.url, `/api/agents/${t.fixture.alice.id}/capacity`, {
          token: admin,
          body: { capacity: 3 },
        })
      ).body,
    );
  });
});
