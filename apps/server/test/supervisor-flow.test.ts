import { randomUUID } from 'node:crypto';
import {
  type AuditPage,
  type Conversation,
  ESCALATE_AFTER_MISSED_OFFERS,
  type Message,
  type ReadUpdate,
  type SupervisorDelta,
  type SupervisorEscalation,
  type SupervisorSnapshot,
  type TimelineEntry,
} from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identitySignature } from '../src/domain/visitor-service.js';
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
import { nextOffer, onlineAgent, setTeam, visitorWithConversation } from './support/routing-helpers.js';
import { createStaff } from './support/staff.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The next delta whose view (applied to `state`) satisfies `done`. */
function deltaUntil(socket: AgentClient, done: (delta: SupervisorDelta) => boolean, timeoutMs?: number) {
  return nextEvent<SupervisorDelta>(socket, 'supervisor:delta', done, timeoutMs);
}

describe('supervisor window over /agent', () => {
  let t: TestServer;
  let sue: AgentClient;
  let sueId: string;
  let alice: AgentClient | undefined;
  let visitor: VisitorClient;
  let conversationId: string;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestServer();
    const supervisor = await createStaff(t, 'supervisor', [t.fixture.teamA], 'Sue');
    sueId = supervisor.id;
    sue = await connectAgent(t.url, (await login(t.url, supervisor.email)).tokens.accessToken);
    adminToken = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
  });
  afterAll(async () => {
    sue.disconnect();
    alice?.disconnect();
    visitor?.disconnect();
    await t.stop();
  });

  it('answers subscribe with a snapshot of the supervisor’s own teams only', async () => {
    const snapshot = unwrap(await request<SupervisorSnapshot>(sue, 'supervisor:subscribe', {}));
    expect(snapshot.teams.map((tile) => tile.teamId)).toEqual([t.fixture.teamA]);
    expect(snapshot.teams[0]).toMatchObject({
      name: 'Team A',
      queueLength: 0,
      chatsInProgress: 0,
      level: 'ok',
    });
    const names = snapshot.agents.map((a) => a.name).sort();
    expect(names).toEqual(['Alice', 'Andy', 'Sue']);
    expect(snapshot.agents.every((a) => a.teamIds.includes(t.fixture.teamA))).toBe(true);
    expect(snapshot.chats).toEqual([]);
    // Another team's supervisor scope is refused like a missing team.
    const other = await request(sue, 'supervisor:subscribe', { teamIds: [t.fixture.teamB] });
    const missing = await request(sue, 'supervisor:subscribe', { teamIds: [randomUUID()] });
    expect(other).toEqual(missing);
    expect(other).toMatchObject({ ok: false, error: { code: 'not-found' } });
    unwrap(await request(sue, 'supervisor:subscribe', {}));
  });

  it('pushes a tile delta when a visitor joins the queue, then when the chat is assigned', async () => {
    const queued = deltaUntil(sue, (d) => d.teams.some((tile) => tile.queueLength === 1));
    const opened = await visitorWithConversation(t, { pageUrl: 'https://shop.example/cart' });
    visitor = opened.visitor;
    conversationId = opened.conversation.id;
    const delta = await queued;
    expect(delta.version).toBeGreaterThanOrEqual(1);
    expect(delta.teams[0]).toMatchObject({ teamId: t.fixture.teamA, queueLength: 1 });
    expect(delta.teams[0]?.longestWait.value).not.toBeNull();
    const queuedChat = delta.chats.find((c) => c.conversationId === conversationId);
    expect(queuedChat).toMatchObject({ status: 'queued', assignee: null, teamId: t.fixture.teamA });

    const assigned = deltaUntil(sue, (d) =>
      d.chats.some((c) => c.conversationId === conversationId && c.status === 'assigned'),
    );
    alice = await onlineAgent(t, t.fixture.alice.email);
    const next = await assigned;
    expect(next.chats.find((c) => c.conversationId === conversationId)?.assignee?.id).toBe(
      t.fixture.alice.id,
    );
    expect(next.version).toBeGreaterThan(delta.version);
  });

  it('monitors silently: the supervisor hears the chat; the visitor sees no read receipt and nothing else', async () => {
    const agent = alice as AgentClient;
    const heard = nextEvent<Message>(agent, 'message:new', (m) => m.conversationId === conversationId);
    unwrap(
      await request(visitor, 'message:send', {
        conversationId,
        clientMsgId: randomUUID(),
        body: 'Where is my order?',
      }),
    );
    const first = await heard;
    const aliceRead = nextEvent<ReadUpdate>(visitor, 'read:update');
    unwrap(await request(agent, 'message:read', { conversationId, seq: first.seq }));
    expect((await aliceRead).reader.id).toBe(t.fixture.alice.id);

    const visitorReads = collect<ReadUpdate>(visitor, 'read:update');
    const visitorMessages = collect<Message>(visitor, 'message:new');
    const marksBefore = await readMarks(t, conversationId);

    const monitored = unwrap(await request<Conversation>(sue, 'supervisor:monitor', { conversationId }));
    expect(monitored.id).toBe(conversationId);
    const sync = unwrap(
      await request<{ messages: Message[] }>(sue, 'message:sync', { conversationId, afterSeq: 0 }),
    );
    expect(sync.messages.map((m) => m.body)).toContain('Where is my order?');
    const supervisorHears = nextEvent<Message>(sue, 'message:new', (m) => m.body === 'Still there?');
    unwrap(
      await request(visitor, 'message:send', {
        conversationId,
        clientMsgId: randomUUID(),
        body: 'Still there?',
      }),
    );
    await supervisorHears;

    // A later visible agent message reaches the visitor: everything before it has been delivered.
    const barrier = nextEvent<Message>(visitor, 'message:new', (m) => m.body === 'Checking now.');
    unwrap(
      await request(agent, 'message:send', {
        conversationId,
        clientMsgId: randomUUID(),
        body: 'Checking now.',
      }),
    );
    await barrier;
    expect(visitorReads).toEqual([]);
    // Only the agent's reply (the visitor has its own message from its ack): no system message, no note.
    expect(visitorMessages.map((m) => [m.sender.kind, m.body])).toEqual([['agent', 'Checking now.']]);
    expect(await readMarks(t, conversationId)).toEqual(marksBefore);
  });

  it('whispers to the agent only: the visitor socket and the visitor’s sync never get it', async () => {
    const agent = alice as AgentClient;
    const visitorMessages = collect<Message>(visitor, 'message:new');
    const agentHears = nextEvent<Message>(agent, 'message:new', (m) => m.body === 'Offer the refund.');
    const ack = unwrap(
      await request<{ seq: number }>(sue, 'supervisor:whisper', {
        conversationId,
        clientMsgId: randomUUID(),
        body: 'Offer the refund.',
      }),
    );
    const whisper = await agentHears;
    expect(whisper).toMatchObject({
      visibility: 'agents',
      seq: ack.seq,
      sender: { kind: 'agent', id: sueId },
    });

    const barrier = nextEvent<Message>(visitor, 'message:new', (m) => m.body === 'I can refund it.');
    unwrap(
      await request(agent, 'message:send', {
        conversationId,
        clientMsgId: randomUUID(),
        body: 'I can refund it.',
      }),
    );
    await barrier;
    expect(visitorMessages.map((m) => m.body)).toEqual(['I can refund it.']);
    const visitorSync = unwrap(
      await request<{ messages: Message[] }>(visitor, 'message:sync', { conversationId, afterSeq: 0 }),
    );
    expect(visitorSync.messages.some((m) => m.body === 'Offer the refund.')).toBe(false);
  });

  it('takes over: the chat is the supervisor’s, the agent loses it, the visitor sees the new agent', async () => {
    const agent = alice as AgentClient;
    const aliceSees = nextEvent<Conversation>(
      agent,
      'conversation:update',
      (c) => c.id === conversationId && c.assignee?.id === sueId,
    );
    const visitorSees = nextEvent<{ agent: { name: string } | null }>(visitor, 'conversation:update', (c) =>
      Boolean(c.agent?.name === 'Sue'),
    );
    const taken = unwrap(
      await request<Conversation>(sue, 'supervisor:takeover', { conversationId, reason: 'escalation' }),
    );
    expect(taken.assignee?.id).toBe(sueId);
    await aliceSees;
    await visitorSees;
    const refused = await request(agent, 'message:send', {
      conversationId,
      clientMsgId: randomUUID(),
      body: 'hi',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const reply = nextEvent<Message>(visitor, 'message:new', (m) => m.body === 'I am taking this one.');
    unwrap(
      await request(sue, 'message:send', {
        conversationId,
        clientMsgId: randomUUID(),
        body: 'I am taking this one.',
      }),
    );
    expect((await reply).sender.id).toBe(sueId);
  });

  it('lists each action in the audit log, filterable and paged', async () => {
    const page = unwrap(
      (await api<AuditPage>(t.url, `/api/admin/audit?targetId=${conversationId}`, { token: adminToken }))
        .body,
    );
    expect(page.items.map((e) => e.action)).toEqual([
      'conversation.takeover',
      'conversation.whisper',
      'conversation.monitor',
    ]);
    expect(page.items.every((e) => e.actor?.id === sueId && e.actor.name === 'Sue')).toBe(true);
    expect(page.items[0]?.data).toMatchObject({ from: 'Alice', reason: 'escalation' });

    const first = unwrap(
      (await api<AuditPage>(t.url, `/api/admin/audit?actorId=${sueId}&limit=1`, { token: adminToken })).body,
    );
    expect(first.items.map((e) => e.action)).toEqual(['conversation.takeover']);
    expect(first.nextCursor).not.toBeNull();
    const second = unwrap(
      (
        await api<AuditPage>(t.url, `/api/admin/audit?actorId=${sueId}&limit=1&cursor=${first.nextCursor}`, {
          token: adminToken,
        })
      ).body,
    );
    expect(second.items.map((e) => e.action)).toEqual(['conversation.whisper']);
    const byAction = unwrap(
      (await api<AuditPage>(t.url, '/api/admin/audit?action=conversation.monitor', { token: adminToken }))
        .body,
    );
    expect(byAction.items.map((e) => e.targetId)).toEqual([conversationId]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = unwrap(
      (await api<AuditPage>(t.url, `/api/admin/audit?from=${future}`, { token: adminToken })).body,
    );
    expect(none.items).toEqual([]);
    const bad = await api(t.url, '/api/admin/audit?action=drop-tables', { token: adminToken });
    expect(bad.status).toBe(400);
  });

  it('shows a raised hand, barges visibly, and refuses agents and other teams', async () => {
    const agent = alice as AgentClient;
    const hand = deltaUntil(sue, (d) =>
      d.agents.some((a) => a.userId === t.fixture.alice.id && a.handRaised),
    );
    unwrap(await request(agent, 'agent:hand', { raised: true }));
    await hand;

    const second = await visitorWithConversation(t);
    try {
      const joined = nextEvent<Message>(second.visitor, 'message:new', (m) => m.sender.kind === 'system');
      unwrap(await request(sue, 'supervisor:barge', { conversationId: second.conversation.id }));
      const pushed = await joined;
      expect(pushed).toMatchObject({
        // Whose action it records: Sue's own workbench does not count it as unread.
        sender: { kind: 'system', id: sueId, name: null },
        body: 'Sue (supervisor) joined the conversation.',
        systemEvent: { code: 'supervisor-joined', name: 'Sue' },
      });
      // The staff's lists get the same data with the chat's newest message.
      const listed = await api<Conversation>(t.url, `/api/conversations/${second.conversation.id}`, {
        token: adminToken,
      });
      expect(unwrap(listed.body).lastMessage).toMatchObject({
        seq: pushed.seq,
        senderKind: 'system',
        visibility: 'all',
        systemEvent: { code: 'supervisor-joined', name: 'Sue' },
      });
      // Having joined, the supervisor may speak to the visitor without owning the chat.
      const spoken = nextEvent<Message>(second.visitor, 'message:new', (m) => m.body === 'Hello from Sue');
      unwrap(
        await request(sue, 'message:send', {
          conversationId: second.conversation.id,
          clientMsgId: randomUUID(),
          body: 'Hello from Sue',
        }),
      );
      await spoken;
      // Stored with it: a visitor who reloads gets the same words as data from sync.
      const synced = unwrap(
        await request<{ messages: Message[] }>(second.visitor, 'message:sync', {
          conversationId: second.conversation.id,
          afterSeq: 0,
        }),
      );
      expect(synced.messages.find((m) => m.seq === pushed.seq)?.systemEvent).toEqual({
        code: 'supervisor-joined',
        name: 'Sue',
      });
      // Everyone else's messages carry no such field.
      expect(
        synced.messages.filter((m) => m.sender.kind !== 'system').map((m) => [m.body, 'systemEvent' in m]),
      ).toEqual([['Hello from Sue', false]]);
      // A value this version cannot read (a newer code, a damaged row) leaves the English body.
      await t.server.components.db
        .updateTable('messages')
        .set({ system_event: '{"code":"supervisor-left","name":"Sue"}' })
        .where('conversation_id', '=', second.conversation.id)
        .where('seq', '=', pushed.seq)
        .execute();
      const resynced = unwrap(
        await request<{ messages: Message[] }>(second.visitor, 'message:sync', {
          conversationId: second.conversation.id,
          afterSeq: pushed.seq - 1,
        }),
      );
      expect(resynced.messages[0]).toMatchObject({
        seq: pushed.seq,
        body: 'Sue (supervisor) joined the conversation.',
      });
      expect(resynced.messages[0] && 'systemEvent' in resynced.messages[0]).toBe(false);
    } finally {
      second.visitor.disconnect();
    }

    expect(await request(agent, 'supervisor:monitor', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const teamB = await teamBConversation(t);
    const outside = await request(sue, 'supervisor:takeover', { conversationId: teamB });
    const missing = await request(sue, 'supervisor:takeover', { conversationId: randomUUID() });
    expect(outside).toEqual(missing);
    expect(outside).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('forces an agent’s status and ends a chat, each audited', async () => {
    const agent = alice as AgentClient;
    const state = nextEvent<{ status: string; reason: string }>(
      agent,
      'agent:state',
      (s) => s.status === 'away',
    );
    unwrap(await request(sue, 'supervisor:status', { userId: t.fixture.alice.id, status: 'away' }));
    expect(await state).toMatchObject({ status: 'away', reason: 'supervisor' });
    const ended = unwrap(
      await request<Conversation>(sue, 'supervisor:end', { conversationId, note: 'done' }),
    );
    expect(ended.status).toBe('resolved');
    const page = unwrap(
      (await api<AuditPage>(t.url, `/api/admin/audit?actorId=${sueId}&limit=3`, { token: adminToken })).body,
    );
    expect(page.items.map((e) => e.action)).toEqual([
      'conversation.end',
      'agent.status',
      'conversation.barge',
    ]);
  });

  it('writes a takeover into the timeline in words and as data, with or without a reason', async () => {
    const timeline = async (id: string) =>
      unwrap(
        (await api<TimelineEntry[]>(t.url, `/api/conversations/${id}/timeline`, { token: adminToken })).body,
      );
    // The takeover above gave a reason: it stays in the supervisor's own words.
    const withReason = (await timeline(conversationId)).find((e) => e.kind === 'transferred');
    expect(withReason).toMatchObject({
      actor: { id: sueId, name: 'Sue' },
      note: 'to Sue: escalation',
      noteData: { code: 'transferred-to-agent', agent: 'Sue', reason: 'escalation' },
    });

    const { visitor: other, conversation } = await visitorWithConversation(t);
    try {
      unwrap(await request<Conversation>(sue, 'supervisor:takeover', { conversationId: conversation.id }));
      const taken = (await timeline(conversation.id)).find((e) => e.kind === 'transferred');
      expect(taken).toMatchObject({
        actor: { id: sueId, name: 'Sue' },
        note: 'to Sue: taken over by a supervisor',
        noteData: { code: 'taken-over', agent: 'Sue' },
        decision: { why: 'transferred by Sue', reason: { code: 'transferred', actor: 'Sue', note: null } },
      });
    } finally {
      other.disconnect();
    }
  });
});

describe('a chat nobody answers escalates to the supervisor', () => {
  /** The shortest a team may set. */
  const OFFER_TIMEOUT_SECONDS = 5;
  let t: TestServer;
  const sockets: Array<{ disconnect(): void }> = [];
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.stop();
  });

  it('counts the offers agents let ring out or declined on its live row, and clears them once it is assigned', async () => {
    await setTeam(t, t.fixture.teamA, { mode: 'offer', offerTimeoutSeconds: OFFER_TIMEOUT_SECONDS });
    const supervisor = await createStaff(t, 'supervisor', [t.fixture.teamA], 'Sue');
    const sue = await connectAgent(t.url, (await login(t.url, supervisor.email)).tokens.accessToken);
    sockets.push(sue);
    unwrap(await request<SupervisorSnapshot>(sue, 'supervisor:subscribe', {}));
    // Told of the escalation without watching the feed: another supervisor of the team and an
    // admin. Not told: a supervisor of another team, and the agents.
    const staffSocket = async (teamId: string, name: string) =>
      connectAgent(
        t.url,
        (await login(t.url, (await createStaff(t, 'supervisor', [teamId], name)).email)).tokens.accessToken,
      );
    const sam = await staffSocket(t.fixture.teamA, 'Sam');
    const tom = await staffSocket(t.fixture.teamB, 'Tom');
    const admin = await connectAgent(t.url, (await login(t.url, t.fixture.admin.email)).tokens.accessToken);
    const agents = [await onlineAgent(t, t.fixture.alice.email), await onlineAgent(t, t.fixture.andy.email)];
    sockets.push(sam, tom, admin, ...agents);
    const escalations = (socket: AgentClient) =>
      collect<SupervisorEscalation>(socket, 'supervisor:escalation');
    const toSam = escalations(sam);
    const toTom = escalations(tom);
    const toAdmin = escalations(admin);
    const toAgents = agents.map(escalations);
    const waitMs = (OFFER_TIMEOUT_SECONDS + 5) * 1000;
    const offers = () =>
      Promise.race(agents.map((a) => nextOffer(a, undefined, waitMs).then((offer) => ({ offer, by: a }))));

    let offered = offers();
    const { visitor, conversation } = await visitorWithConversation(t);
    sockets.push(visitor);
    const row = (delta: SupervisorDelta) => delta.chats.find((c) => c.conversationId === conversation.id);
    // The first offer rings out; the second is declined.
    await offered;
    offered = offers();
    const rangOut = deltaUntil(sue, (d) => row(d)?.missedOffers === 1, waitMs);
    expect(row(await rangOut)).toMatchObject({ status: 'queued', missedOffers: 1 });
    const second = await offered;
    offered = offers();
    const declined = deltaUntil(sue, (d) => row(d)?.missedOffers === ESCALATE_AFTER_MISSED_OFFERS);
    const heard = [sam, admin].map((socket) =>
      nextEvent<SupervisorEscalation>(socket, 'supervisor:escalation'),
    );
    unwrap(await request(second.by, 'offer:decline', { offerId: second.offer.offerId }));
    expect(row(await declined)).toMatchObject({
      status: 'queued',
      missedOffers: ESCALATE_AFTER_MISSED_OFFERS,
    });
    for (const escalation of await Promise.all(heard)) {
      expect(escalation).toMatchObject({
        conversation: { id: conversation.id, status: 'queued' },
        missedOffers: ESCALATE_AFTER_MISSED_OFFERS,
      });
    }

    // Nobody else can take it, so one of them is asked again; accepting it clears the count.
    const { offer, by } = await offered;
    const assigned = deltaUntil(sue, (d) => row(d)?.status === 'assigned');
    unwrap(await request(by, 'offer:accept', { offerId: offer.offerId }));
    expect(row(await assigned)?.missedOffers).toBe(0);
    // Once per escalation, and only to those who supervise the chat's team.
    expect([toSam.length, toAdmin.length, toTom.length, ...toAgents.map((seen) => seen.length)]).toEqual([
      1, 1, 0, 0, 0,
    ]);
  }, 30_000);
});

async function readMarks(t: TestServer, conversationId: string) {
  return t.server.components.db
    .selectFrom('read_marks')
    .select(['reader_id', 'seq'])
    .where('conversation_id', '=', conversationId)
    .orderBy('reader_id')
    .execute();
}

/** A conversation on the team-B widget (which needs a signed identity), waiting in team B's queue. */
async function teamBConversation(t: TestServer): Promise<string> {
  const userId = `user-${randomUUID()}`;
  const session = await visitorSession(t.url, t.fixture.strictWidget.id, {
    identity: { userId, signature: identitySignature(userId, t.fixture.strictWidget.secret) },
  });
  const visitor = await connectVisitor(t.url, session.visitorToken);
  const conversation = unwrap(await request<{ id: string }>(visitor, 'conversation:open', {}));
  visitor.disconnect();
  return conversation.id;
}
