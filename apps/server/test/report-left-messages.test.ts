import { randomUUID } from 'node:crypto';
import type { Report, ReportConversations } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  api,
  connectAgent,
  login,
  nextEvent,
  request,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { SHOP_ORIGIN } from './support/fixture.js';
import { visitorWithConversation } from './support/routing-helpers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * A message left in the evening and answered the next morning, beside a live chat: the report
 * counts both, but the wait and the first response are the live chat's alone. Scripted clock.
 */
let clock = 0;
const at = (iso: string) => {
  clock = Date.parse(iso);
};

describe('reports: messages left apart from live chats', () => {
  let t: TestServer;
  let alice: AgentClient;
  let adminToken: string;
  let left: string;
  let live: string;

  beforeAll(async () => {
    at('2025-04-01T19:00:00Z');
    t = await startTestServer({}, () => clock);
    adminToken = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
    alice = await connectAgent(t.url, (await login(t.url, t.fixture.alice.email)).tokens.accessToken);
    const reply = async (conversationId: string) =>
      unwrap(
        await request(alice, 'message:send', { conversationId, clientMsgId: randomUUID(), body: 'Hi!' }),
      );

    // 19:00, nobody online: Olga leaves a message.
    const session = await visitorSession(t.url, t.fixture.widget.id, { name: 'Olga' });
    left = unwrap(
      (
        await api<{ id: string }>(t.url, '/api/visitor/offline-messages', {
          token: session.visitorToken,
          body: { clientMsgId: randomUUID(), body: 'Please call me back.', email: 'olga@example.test' },
          headers: { origin: SHOP_ORIGIN },
        })
      ).body,
    ).id;

    // 19:30 a live chat; Alice comes online 20 s later and answers 30 s after that.
    at('2025-04-01T19:30:00Z');
    const chat = await visitorWithConversation(t);
    live = chat.conversation.id;
    at('2025-04-01T19:30:20Z');
    const assigned = nextEvent<{ id: string; assignee: { id: string } | null }>(
      alice,
      'conversation:update',
      (c) => c.id === live && c.assignee?.id === t.fixture.alice.id,
    );
    unwrap(await request(alice, 'agent:status', { status: 'online' }));
    await assigned;
    at('2025-04-01T19:30:50Z');
    await reply(live);
    chat.visitor.disconnect();

    // The next morning Alice picks up Olga's message and answers it.
    at('2025-04-02T08:00:00Z');
    unwrap(await request(alice, 'conversation:take', { conversationId: left }));
    at('2025-04-02T08:05:00Z');
    await reply(left);
  }, 60_000);

  afterAll(async () => {
    alice.disconnect();
    await t.stop();
  });

  it('counts the message left, and leaves it out of the wait and first response', async () => {
    const report = unwrap(
      (await api<Report>(t.url, '/api/reports?from=2025-04-01&to=2025-04-02', { token: adminToken })).body,
    );
    expect(report.total).toMatchObject({
      conversations: 2,
      messagesLeft: 1,
      waitSeconds: { average: 20, count: 1 },
      firstResponseSeconds: { average: 50, count: 1 },
      // Olga's counts as a chat given to Alice, the morning she took it.
      assignments: 2,
    });
    expect(report.rows.map((r) => [r.key, r.conversations, r.messagesLeft])).toEqual([
      ['2025-04-01', 2, 1],
      ['2025-04-02', 0, 0],
    ]);
  });

  it('marks it in the drill-down and its CSV', async () => {
    const query = 'from=2025-04-01&to=2025-04-02&key=total';
    const drill = unwrap(
      (await api<ReportConversations>(t.url, `/api/reports/conversations?${query}`, { token: adminToken }))
        .body,
    );
    expect(drill.items.map((c) => [c.id, c.leftMessage, c.waitSeconds])).toEqual([
      [live, false, 20],
      // Its own times stay as they were: 13 hours from leaving it to being taken.
      [left, true, 13 * 3600],
    ]);
    const response = await fetch(`${t.url}/api/reports/conversations/export?${query}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines.slice(1).map((line) => [line.split(',')[0], line.split(',').at(-1)])).toEqual([
      [live, 'no'],
      [left, 'yes'],
    ]);
  });
});
