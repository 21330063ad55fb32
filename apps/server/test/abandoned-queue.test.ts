import type { Conversation, Report } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  api,
  connectAgent,
  connectVisitor,
  login,
  nextEvent,
  unwrap,
} from './support/clients.js';
import { visitorWithConversation } from './support/routing-helpers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Nobody is online in the fixture's team, so every conversation here stays in the queue. */
describe('a visitor who leaves the queue', () => {
  let t: TestServer;
  let admin: AgentClient;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestServer({ routing: { abandonAfterSeconds: 1 } });
    adminToken = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
    admin = await connectAgent(t.url, adminToken);
  });
  afterAll(async () => {
    admin.close();
    await t.stop();
  });

  const closed = (conversationId: string) =>
    nextEvent<Conversation>(
      admin,
      'conversation:update',
      (c) => c.id === conversationId && c.status === 'resolved',
    );
  const stored = async (conversationId: string) =>
    unwrap(
      (await api<Conversation>(t.url, `/api/conversations/${conversationId}`, { token: adminToken })).body,
    );

  it('closes the queued conversation as abandoned once the visitor has been gone a while, and reports count it', async () => {
    const leaving = await visitorWithConversation(t);
    expect(leaving.conversation.status).toBe('queued');
    const update = closed(leaving.conversation.id);
    leaving.visitor.close();

    const pushed = await update;
    expect(pushed.tags).toContain('abandoned');
    expect(await stored(leaving.conversation.id)).toMatchObject({ status: 'resolved', assignee: null });

    const today = new Date().toISOString().slice(0, 10);
    const report = unwrap(
      (await api<Report>(t.url, `/api/reports?from=${today}&to=${today}&groupBy=team`, { token: adminToken }))
        .body,
    );
    const teamA = report.rows.find((row) => row.key === t.fixture.teamA);
    expect(teamA?.abandoned).toBeGreaterThanOrEqual(1);
  });

  it('keeps the conversation of a visitor who comes back in time (a reload, a flaky network)', async () => {
    const returning = await visitorWithConversation(t);
    returning.visitor.close();
    const back = await connectVisitor(t.url, returning.session.visitorToken);

    // A second visitor leaves after the first came back: once theirs is closed, the first's
    // departure (which started earlier) would have fired too, had the reconnect not cancelled it.
    const control = await visitorWithConversation(t);
    const controlClosed = closed(control.conversation.id);
    control.visitor.close();
    await controlClosed;

    expect(await stored(returning.conversation.id)).toMatchObject({ status: 'queued' });
    back.close();
  });
});
