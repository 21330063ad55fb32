import type { Conversation, Hello, Message, VisitorConversation } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identitySignature } from '../src/index.js';
import {
  type AgentClient,
  api,
  connectAgent,
  connectVisitor,
  login,
  nextEvent,
  request,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { createStaff } from './support/staff.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Least privilege on live sockets: a change of teams applies at once, not at the next connect. */
describe('changing a signed-in agent’s teams', () => {
  let t: TestServer;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestServer();
    adminToken = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
  });
  afterAll(() => t.stop());

  async function openConversation(widgetId: string, identity?: { userId: string; signature: string }) {
    const session = await visitorSession(t.url, widgetId, identity ? { identity } : {});
    const visitor = await connectVisitor(t.url, session.visitorToken);
    const conversation = unwrap(await request<VisitorConversation>(visitor, 'conversation:open', {}));
    return { visitor, conversation };
  }

  function collect<T>(socket: AgentClient, event: string): T[] {
    const seen: T[] = [];
    (socket as unknown as { on(event: string, listener: (payload: T) => void): void }).on(event, (payload) =>
      seen.push(payload),
    );
    return seen;
  }

  it('moves the live socket to the new teams: the old team’s chats are refused and go quiet', async () => {
    const tess = await createStaff(t, 'agent', [t.fixture.teamA], 'Tess');
    const socket = await connectAgent(t.url, (await login(t.url, tess.email)).tokens.accessToken);
    const alice = await connectAgent(t.url, (await login(t.url, t.fixture.alice.email)).tokens.accessToken);
    const teamA = await openConversation(t.fixture.widget.id);
    const conversationId = teamA.conversation.id;
    unwrap(await request<Conversation>(socket, 'conversation:subscribe', { conversationId }));
    unwrap(await request<Conversation>(alice, 'conversation:subscribe', { conversationId }));

    const hello = nextEvent<Hello>(socket, 'session:hello');
    unwrap(
      (
        await api(t.url, `/api/admin/users/${tess.id}`, {
          token: adminToken,
          body: { teamIds: [t.fixture.teamB] },
        })
      ).body,
    );
    expect((await hello).principal).toMatchObject({ kind: 'staff', user: { teamIds: [t.fixture.teamB] } });

    // Events on the same socket are authorized against the new teams.
    const sync = await request(socket, 'message:sync', { conversationId, afterSeq: 0, limit: 10 });
    expect(sync).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const again = await request(socket, 'conversation:subscribe', { conversationId });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-found' } });

    // Alice (still in team A) hears the next message; Tess's socket, no longer in its room, does not.
    const heardByTess = collect<Message>(socket, 'message:new');
    const updatesForTess = collect<Conversation>(socket, 'conversation:update');
    const heardByAlice = nextEvent<Message>(alice, 'message:new');
    unwrap(
      await request(teamA.visitor, 'message:send', {
        conversationId,
        clientMsgId: crypto.randomUUID(),
        body: 'Is anyone there?',
      }),
    );
    expect((await heardByAlice).body).toBe('Is anyone there?');
    const newInTeamA = await openConversation(t.fixture.widget.id);
    await nextEvent<Conversation>(alice, 'conversation:update', (c) => c.id === newInTeamA.conversation.id);

    // Team B's queue reaches the socket now.
    const userId = `user-${crypto.randomUUID()}`;
    const teamBUpdate = nextEvent<Conversation>(
      socket,
      'conversation:update',
      (c) => c.teamId === t.fixture.teamB,
    );
    const teamB = await openConversation(t.fixture.strictWidget.id, {
      userId,
      signature: identitySignature(userId, t.fixture.strictWidget.secret),
    });
    expect((await teamBUpdate).id).toBe(teamB.conversation.id);
    unwrap(await request(socket, 'conversation:subscribe', { conversationId: teamB.conversation.id }));

    expect(heardByTess).toEqual([]);
    expect(updatesForTess.filter((c) => c.teamId === t.fixture.teamA)).toEqual([]);
    for (const s of [socket, alice, teamA.visitor, newInTeamA.visitor, teamB.visitor]) s.disconnect();
  });
});
