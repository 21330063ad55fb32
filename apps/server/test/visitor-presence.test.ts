import { randomUUID } from 'node:crypto';
import type {
  Conversation,
  ConversationPage,
  SupervisorDelta,
  SupervisorSnapshot,
  VisitorPresenceUpdate,
} from '@switchboard/protocol';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  api,
  collect,
  connectAgent,
  connectVisitor,
  leaveMessage,
  login,
  nextEvent,
  openAndTake,
  request,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { SHOP_ORIGIN } from './support/fixture.js';
import { ServerProcess } from './support/server-process.js';
import { createStaff } from './support/staff.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('whether the visitor still has the site open (visitor presence)', () => {
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

  const listed = async (conversationId: string) => {
    const page = unwrap(
      (await api<ConversationPage>(t.url, '/api/conversations', { token: aliceToken })).body,
    );
    return page.items.find((c) => c.id === conversationId)?.visitor.leftAt;
  };

  it('says when the last page of theirs closed, and that they are back, to the staff on the conversation', async () => {
    const { session, visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
    expect(await listed(conversationId)).toBeNull();
    const pushed = collect<VisitorPresenceUpdate>(alice, 'visitor:presence');
    const updates = collect<Conversation>(alice, 'conversation:update');
    const leftAtOf = () => pushed.filter((p) => p.visitorId === session.visitorId).map((p) => p.leftAt);

    // A second tab: closing either one alone changes nothing.
    const otherTab = await connectVisitor(t.url, session.visitorToken);
    otherTab.disconnect();
    const before = Date.now();
    visitor.disconnect();
    await expect.poll(leftAtOf).toEqual([expect.any(String)]);
    const leftAt = leftAtOf()[0] as string;
    expect(Date.parse(leftAt)).toBeGreaterThanOrEqual(before - 1);
    expect(await listed(conversationId)).toBe(leftAt);

    const back = await connectVisitor(t.url, session.visitorToken);
    await expect.poll(leftAtOf).toEqual([leftAt, null]);
    expect(await listed(conversationId)).toBeNull();
    // Not a change of the conversation.
    expect(updates.filter((c) => c.id === conversationId)).toEqual([]);
    back.disconnect();
  });

  it('says nothing of a visitor without a live chat: theirs resolved, or left as a message', async () => {
    const done = await openAndTake(t.url, t.fixture.widget.id, alice);
    unwrap(await request(alice, 'conversation:resolve', { conversationId: done.conversationId }));
    const session = await visitorSession(t.url, t.fixture.widget.id, { name: 'Lea Left' });
    const leaving = await connectVisitor(t.url, session.visitorToken);
    const queued = unwrap(await request<{ id: string }>(leaving, 'conversation:open', {}));
    unwrap((await leaveMessage(t.url, session.visitorToken, queued.id, { email: 'lea@example.test' })).body);
    const live = await openAndTake(t.url, t.fixture.widget.id, alice);
    const pushed = collect<VisitorPresenceUpdate>(alice, 'visitor:presence');
    done.visitor.disconnect();
    leaving.disconnect();
    live.visitor.disconnect();
    await expect.poll(() => pushed.map((p) => p.visitorId)).toContain(live.session.visitorId);
    expect(pushed.map((p) => p.visitorId)).toEqual([live.session.visitorId]);
  });

  it("shows it on the supervisor's live-chat grid", async () => {
    const supervisor = await createStaff(t, 'supervisor', [t.fixture.teamA], 'Sue');
    const sue = await connectAgent(t.url, (await login(t.url, supervisor.email)).tokens.accessToken);
    try {
      const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, alice);
      const snapshot = unwrap(await request<SupervisorSnapshot>(sue, 'supervisor:subscribe', {}));
      expect(snapshot.chats.find((c) => c.conversationId === conversationId)?.visitor.leftAt).toBeNull();
      const gone = nextEvent<SupervisorDelta>(sue, 'supervisor:delta', (delta) =>
        delta.chats.some((c) => c.conversationId === conversationId && typeof c.visitor.leftAt === 'string'),
      );
      visitor.disconnect();
      await gone;
    } finally {
      sue.disconnect();
    }
  });

  it('counts a visitor who never connected, such as one who only left an offline message, as away', async () => {
    const session = await visitorSession(t.url, t.fixture.widget.id, { name: 'Olga Offline' });
    const left = await api<{ id: string }>(t.url, '/api/visitor/offline-messages', {
      token: session.visitorToken,
      headers: { origin: SHOP_ORIGIN },
      body: { clientMsgId: randomUUID(), email: 'olga@example.test', body: 'Call me back, please.' },
    });
    expect(await listed(unwrap(left.body).id)).toEqual(expect.any(String));
  });
});

describe('visitor presence over a restart', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.dispose();
  });

  it('counts the visitors the killed process had connected as away from the restart', async () => {
    server = await ServerProcess.prepare();
    await server.start();
    const token = (await login(server.url, server.fixture.alice.email)).tokens.accessToken;
    const session = await visitorSession(server.url, server.fixture.widget.id);
    const visitor = await connectVisitor(server.url, session.visitorToken);
    unwrap(await request(visitor, 'conversation:open', {}));
    const leftAtIn = () => {
      const db = new BetterSqlite3(server?.databaseFile as string, { readonly: true });
      try {
        return (
          db.prepare('SELECT left_at FROM visitors WHERE id = ?').get(session.visitorId) as {
            left_at: string | null;
          }
        ).left_at;
      } finally {
        db.close();
      }
    };
    expect(leftAtIn()).toBeNull();
    visitor.io.reconnection(false);
    await server.kill();
    // Nothing ran at the kill: the file still says connected.
    expect(leftAtIn()).toBeNull();

    const restartedAt = Date.now();
    await server.start();
    const listedLeftAt = async () => {
      const page = unwrap(
        (await api<ConversationPage>(server?.url as string, '/api/conversations', { token })).body,
      );
      return page.items.find((c) => c.visitor.id === session.visitorId)?.visitor.leftAt;
    };
    const leftAt = await listedLeftAt();
    expect(Date.parse(leftAt as string)).toBeGreaterThanOrEqual(restartedAt - 1);
    visitor.disconnect();
  });
});
