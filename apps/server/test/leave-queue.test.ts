import type {
  Conversation,
  Message,
  OfferClosed,
  QueueUpdate,
  Report,
  TimelineEntry,
  VisitorConversation,
} from '@switchboard/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadOpenConversations } from '../src/store/routing.js';
import {
  type AgentClient,
  api,
  collect,
  connectAgent,
  leaveMessage,
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

const EVIL_ORIGIN = 'https://evil.example';

/** The tests move this clock; the routing tick reads it. */
let now = Date.now();

const sockets: Array<AgentClient | VisitorClient> = [];
function track<T extends AgentClient | VisitorClient>(socket: T): T {
  sockets.push(socket);
  return socket;
}

describe('leaving the queue', () => {
  let t: TestServer;
  let admin: AgentClient;

  beforeAll(async () => {
    t = await startTestServer({ routing: { tickMilliseconds: 50 } }, () => now);
    admin = await connectAgent(t.url, await adminToken(t));
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    const open = await t.server.components.db
      .selectFrom('conversations')
      .select('id')
      .where('status', 'in', ['queued', 'assigned', 'offline'])
      .execute();
    for (const c of open) await request(admin, 'conversation:resolve', { conversationId: c.id });
    await setTeam(t, t.fixture.teamA, {});
  });
  afterAll(async () => {
    admin.close();
    await t.stop();
  });

  const leave = (token: string, conversationId: string, body: object, origin?: string) =>
    leaveMessage(t.url, token, conversationId, body, origin);
  const stored = async (conversationId: string) =>
    unwrap(
      (await api<Conversation>(t.url, `/api/conversations/${conversationId}`, { token: await adminToken(t) }))
        .body,
    );
  const timeline = async (conversationId: string) =>
    unwrap(
      (
        await api<TimelineEntry[]>(t.url, `/api/conversations/${conversationId}/timeline`, {
          token: await adminToken(t),
        })
      ).body,
    );
  const queued = async () => {
    const v = await visitorWithConversation(t);
    track(v.visitor);
    return v;
  };

  describe('by the visitor', () => {
    it('turns the queued chat into a message for the team: out of the queue, the ones behind move up, the team sees where to answer', async () => {
      // Nobody in team A is online: both wait, the first at the front.
      const first = await queued();
      unwrap(
        await request(first.visitor, 'message:send', {
          conversationId: first.conversation.id,
          clientMsgId: crypto.randomUUID(),
          body: 'Do you ship to Norway?',
        }),
      );
      now += 1_000;
      const second = await queued();
      expect(t.server.components.routing.positionsOf(second.session.visitorId)).toMatchObject([
        { conversationId: second.conversation.id, position: 2 },
      ]);

      const teamSees = nextEvent<Conversation>(
        admin,
        'conversation:update',
        (c) => c.id === first.conversation.id && c.status === 'offline',
      );
      const visitorSees = nextEvent<VisitorConversation>(first.visitor, 'conversation:update');
      const secondMovesUp = nextEvent<QueueUpdate>(second.visitor, 'queue:update', (u) => u.position === 1);
      const left = unwrap(
        (
          await leave(first.session.visitorToken, first.conversation.id, {
            email: 'grace@example.test',
            name: 'Grace',
          })
        ).body,
      );
      expect(left).toMatchObject({ status: 'offline', replyTo: 'grace@example.test', agent: null });
      expect(await visitorSees).toMatchObject({ status: 'offline', replyTo: 'grace@example.test' });
      expect(await teamSees).toMatchObject({
        replyTo: 'grace@example.test',
        queuedAt: null,
        visitor: { name: 'Grace' },
      });
      await secondMovesUp;

      const entry = (await timeline(first.conversation.id)).find((e) => e.kind === 'left-queue');
      expect(entry).toMatchObject({
        note: 'the visitor chose to leave a message',
        noteData: { code: 'visitor-left-message' },
      });
      // What they wrote while waiting is the message.
      const synced = unwrap(
        await request<{ messages: Message[] }>(first.visitor, 'message:sync', {
          conversationId: first.conversation.id,
          afterSeq: 0,
        }),
      );
      expect(synced.messages.map((m) => m.body)).toEqual(['Do you ship to Norway?']);

      // A retry gives the same and tells the team nothing new; a corrected address replaces the
      // first; a known name is kept.
      const teamHeard = collect<Conversation>(admin, 'conversation:update');
      expect(
        unwrap(
          (await leave(first.session.visitorToken, first.conversation.id, { email: 'grace@example.test' }))
            .body,
        ),
      ).toMatchObject({ status: 'offline', replyTo: 'grace@example.test' });
      const corrected = nextEvent<Conversation>(
        admin,
        'conversation:update',
        (c) => c.id === first.conversation.id && c.replyTo === 'g@example.test',
      );
      unwrap(
        (
          await leave(first.session.visitorToken, first.conversation.id, {
            email: 'g@example.test',
            name: 'Other',
          })
        ).body,
      );
      await corrected;
      // Pushes arrive in order: had the retry announced anything, it would be here first.
      expect(teamHeard.filter((c) => c.id === first.conversation.id).map((c) => c.replyTo)).toEqual([
        'g@example.test',
      ]);
      expect(await stored(first.conversation.id)).toMatchObject({
        replyTo: 'g@example.test',
        visitor: { name: 'Grace' },
      });

      // Routing no longer serves it: the next agent online gets the visitor still waiting.
      const secondServed = nextEvent<Conversation>(
        admin,
        'conversation:update',
        (c) => c.id === second.conversation.id && c.assignee?.id === t.fixture.alice.id,
      );
      const alice = track(await onlineAgent(t, t.fixture.alice.email));
      await secondServed;
      expect((await stored(first.conversation.id)).status).toBe('offline');

      // Answered later like any left message: the visitor, still here, sees the agent join.
      const joined = nextEvent<VisitorConversation>(
        first.visitor,
        'conversation:update',
        (c) => c.status === 'assigned',
      );
      unwrap(await request(alice, 'conversation:take', { conversationId: first.conversation.id }));
      expect(await joined).toMatchObject({ agent: { name: 'Alice' }, replyTo: 'g@example.test' });
    });

    it('withdraws the offer ringing for the chat', async () => {
      await setTeam(t, t.fixture.teamA, { mode: 'offer' });
      const alice = track(await onlineAgent(t, t.fixture.alice.email));
      const ringing = nextOffer(alice);
      const waiting = await queued();
      const offer = await ringing;
      expect(offer.conversation.id).toBe(waiting.conversation.id);

      const closed = nextEvent<OfferClosed>(alice, 'offer:closed', (c) => c.offerId === offer.offerId);
      unwrap(
        (await leave(waiting.session.visitorToken, waiting.conversation.id, { email: 'a@example.test' }))
          .body,
      );
      expect(await closed).toMatchObject({ reason: 'withdrawn' });
      expect(await request(alice, 'offer:accept', { offerId: offer.offerId })).toMatchObject({
        ok: false,
        error: { code: 'conflict' },
      });
      const row = await t.server.components.db
        .selectFrom('offers')
        .select('status')
        .where('id', '=', offer.offerId)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('withdrawn');
    });

    it('refuses a chat an agent has, one that ended, another visitor’s, and bad input, changing nothing', async () => {
      const waiting = await queued();
      const stranger = await visitorSession(t.url, t.fixture.widget.id);
      const codeOf = async (token: string, body: object, origin?: string) => {
        const result = (await leave(token, waiting.conversation.id, body, origin)).body;
        return result.ok ? 'ok' : result.error.code;
      };
      const own = waiting.session.visitorToken;
      expect(await codeOf(own, { email: 'not an address' })).toBe('invalid-payload');
      expect(await codeOf(own, { email: 'a@example.test', body: 'extra' })).toBe('invalid-payload');
      expect(await codeOf(own, { email: 'a@example.test' }, EVIL_ORIGIN)).toBe('origin-not-allowed');
      expect(await codeOf(stranger.visitorToken, { email: 'a@example.test' })).toBe('not-found');
      expect(await stored(waiting.conversation.id)).toMatchObject({ status: 'queued', replyTo: null });

      const served = nextEvent<Conversation>(
        admin,
        'conversation:update',
        (c) => c.id === waiting.conversation.id && c.status === 'assigned',
      );
      const alice = track(await onlineAgent(t, t.fixture.alice.email));
      await served;
      const refused = (await leave(own, waiting.conversation.id, { email: 'a@example.test' })).body;
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'conflict',
          message: 'An agent has already joined this chat.',
          details: { reason: { code: 'agent-joined' } },
        },
      });
      expect(await stored(waiting.conversation.id)).toMatchObject({ status: 'assigned', replyTo: null });

      unwrap(await request(alice, 'conversation:resolve', { conversationId: waiting.conversation.id }));
      expect((await leave(own, waiting.conversation.id, { email: 'a@example.test' })).body).toMatchObject({
        ok: false,
        error: {
          code: 'conflict',
          message: 'This chat has ended.',
          details: { reason: { code: 'chat-ended' } },
        },
      });
      expect(await stored(waiting.conversation.id)).toMatchObject({ status: 'resolved', replyTo: null });
    });
  });

  describe('maximum queue time', () => {
    it('moves a chat nobody answered in time out of the queue, then takes the address the visitor leaves', async () => {
      await setTeam(t, t.fixture.teamA, { maxQueueSeconds: 60 });
      const waiting = await queued();
      const routing = t.server.components.routing;

      now += 59_000;
      await routing.tick();
      expect((await stored(waiting.conversation.id)).status).toBe('queued');

      const movedOut = nextEvent<VisitorConversation>(waiting.visitor, 'conversation:update');
      now += 2_000;
      await routing.tick();
      expect(await movedOut).toMatchObject({ status: 'offline', replyTo: null });
      const entry = (await timeline(waiting.conversation.id)).find((e) => e.kind === 'left-queue');
      expect(entry).toMatchObject({
        note: 'nobody answered within 60s (maximum queue time)',
        noteData: { code: 'queue-timeout', seconds: 60 },
      });

      const told = nextEvent<Conversation>(
        admin,
        'conversation:update',
        (c) => c.id === waiting.conversation.id && c.replyTo !== null,
      );
      unwrap(
        (await leave(waiting.session.visitorToken, waiting.conversation.id, { email: 'late@example.test' }))
          .body,
      );
      expect(await told).toMatchObject({ status: 'offline', replyTo: 'late@example.test' });
    });

    it('counts a chat the visitor left with no address as abandoned once closed, not one left as a message', async () => {
      await setTeam(t, t.fixture.teamA, { maxQueueSeconds: 30 });
      const abandonedSoFar = async () => {
        const day = new Date().toISOString().slice(0, 10);
        const report = unwrap(
          (
            await api<Report>(t.url, `/api/reports?from=${day}&to=${day}&groupBy=team`, {
              token: await adminToken(t),
            })
          ).body,
        );
        return report.rows.find((row) => row.key === t.fixture.teamA)?.abandoned ?? 0;
      };
      const before = await abandonedSoFar();
      const answered = await queued();
      const silent = await queued();
      now += 31_000;
      await t.server.components.routing.tick();
      unwrap(
        (await leave(answered.session.visitorToken, answered.conversation.id, { email: 'a@example.test' }))
          .body,
      );
      for (const { conversation } of [answered, silent]) {
        expect((await stored(conversation.id)).status).toBe('offline');
        unwrap(await request(admin, 'conversation:resolve', { conversationId: conversation.id }));
      }
      expect(await abandonedSoFar()).toBe(before + 1);
    });

    it('starts afresh for a chat sent back to the queue, while its visitor’s wait goes on', async () => {
      await setTeam(t, t.fixture.teamA, { maxQueueSeconds: 60 });
      const waiting = await queued();
      const openedAt = Date.parse((await stored(waiting.conversation.id)).queuedAt ?? '');
      const alice = track(await onlineAgent(t, t.fixture.alice.email));
      await expect.poll(async () => (await stored(waiting.conversation.id)).status).toBe('assigned');
      // Alice never answers; after a while she sends the chat back to her team.
      now += 90_000;
      unwrap(await request(alice, 'agent:status', { status: 'away' }));
      unwrap(
        await request(alice, 'conversation:transfer', {
          conversationId: waiting.conversation.id,
          to: { kind: 'team', teamId: t.fixture.teamA },
          reason: 'needs a colleague',
        }),
      );
      const routing = t.server.components.routing;
      await routing.tick();
      const back = await stored(waiting.conversation.id);
      expect(back.status).toBe('queued');
      expect(Date.parse(back.queuedAt ?? '')).toBe(openedAt);
      // Both kept for a restart.
      const kept = (await loadOpenConversations(t.server.components.db)).find(
        (c) => c.id === waiting.conversation.id,
      );
      expect(kept).toMatchObject({ queuedAt: openedAt, enteredQueueAt: now });

      now += 59_000;
      await routing.tick();
      expect((await stored(waiting.conversation.id)).status).toBe('queued');
      now += 2_000;
      await routing.tick();
      expect((await stored(waiting.conversation.id)).status).toBe('offline');
    });

    it('lets an offer that is ringing finish first', async () => {
      await setTeam(t, t.fixture.teamA, { mode: 'offer', offerTimeoutSeconds: 120, maxQueueSeconds: 10 });
      const alice = track(await onlineAgent(t, t.fixture.alice.email));
      const ringing = nextOffer(alice);
      const waiting = await queued();
      await ringing;
      const routing = t.server.components.routing;

      now += 15_000;
      await routing.tick();
      expect((await stored(waiting.conversation.id)).status).toBe('queued');
      expect(routing.openOfferFor(waiting.conversation.id)).toBeDefined();

      // Alice steps away: the offer is withdrawn, and the limit applies at the next tick.
      const movedOut = nextEvent<VisitorConversation>(waiting.visitor, 'conversation:update');
      unwrap(await request(alice, 'agent:status', { status: 'away' }));
      await routing.tick();
      expect(await movedOut).toMatchObject({ status: 'offline' });
      // The timeline says the offer was withdrawn, not that the chat went back to the queue.
      const kinds = (await timeline(waiting.conversation.id)).map((e) => e.kind);
      expect(kinds).toContain('offer-withdrawn');
      expect(kinds).not.toContain('requeued');
      expect((await timeline(waiting.conversation.id)).find((e) => e.kind === 'offer-withdrawn')?.note).toBe(
        'offer to Alice withdrawn',
      );
    });
  });
});
