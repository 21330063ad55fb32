import { randomUUID } from 'node:crypto';
import type { CannedReply } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCannedReply } from '../src/store/canned-replies.js';
import { api, collect, connectAgent, login, nextEvent, unwrap, visitorSession } from './support/clients.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('GET /api/canned-replies', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    await insertCannedReply(t.server.components.db, {
      id: randomUUID(),
      shortcut: 'thanks',
      title: 'Thanks',
      body: 'Thank you!',
    });
    await insertCannedReply(t.server.components.db, {
      id: randomUUID(),
      shortcut: 'hello',
      title: 'Hello',
      body: 'Hi <b>there</b>',
    });
  });
  afterAll(() => t.stop());

  it('lists the replies for staff, ordered by shortcut, bodies as stored', async () => {
    const { tokens } = await login(t.url, t.fixture.alice.email);
    const replies = unwrap(
      (await api<CannedReply[]>(t.url, '/api/canned-replies', { token: tokens.accessToken })).body,
    );
    expect(replies.map((r) => r.shortcut)).toEqual(['hello', 'thanks']);
    expect(replies[0]?.body).toBe('Hi <b>there</b>');
  });

  it('refuses anonymous callers and visitors', async () => {
    expect((await api(t.url, '/api/canned-replies')).status).toBe(401);
    const visitor = await visitorSession(t.url, t.fixture.widget.id);
    const asVisitor = await api(t.url, '/api/canned-replies', { token: visitor.visitorToken });
    expect(asVisitor.body.ok).toBe(false);
    expect(asVisitor.status).toBe(401);
  });
});

describe('canned:changed', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('tells whoever may use a reply that it was added, changed or deleted, and nobody else', async () => {
    const tokenOf = async (email: string) => (await login(t.url, email)).tokens.accessToken;
    const [adminToken, aliceToken] = [
      await tokenOf(t.fixture.admin.email),
      await tokenOf(t.fixture.alice.email),
    ];
    const sockets = {
      admin: await connectAgent(t.url, adminToken),
      alice: await connectAgent(t.url, aliceToken),
      andy: await connectAgent(t.url, await tokenOf(t.fixture.andy.email)),
      bella: await connectAgent(t.url, await tokenOf(t.fixture.bella.email)),
    };
    try {
      const heard = Object.fromEntries(
        Object.entries(sockets).map(([name, socket]) => [name, collect<object>(socket, 'canned:changed')]),
      ) as Record<keyof typeof sockets, object[]>;
      const counts = () =>
        Object.fromEntries(Object.entries(heard).map(([name, seen]) => [name, seen.length]));
      const create = (token: string, body: object) =>
        api<CannedReply>(t.url, '/api/canned-replies', { token, body }).then((r) => unwrap(r.body));

      const global = await create(adminToken, {
        shortcut: 'hi',
        title: 'Hi',
        body: 'Hello!',
        scope: 'global',
      });
      await expect.poll(counts).toEqual({ admin: 1, alice: 1, andy: 1, bella: 1 });
      expect(heard.alice[0]).toEqual({});
      // A team's reply: its members and the admins; a personal one: its owner.
      await create(adminToken, {
        shortcut: 'b',
        title: 'B',
        body: 'For B',
        scope: 'team',
        teamId: t.fixture.teamB,
      });
      await create(aliceToken, { shortcut: 'mine', title: 'Mine', body: 'Only mine', scope: 'personal' });
      // Changing and deleting reach the same people.
      unwrap(
        (
          await api(t.url, `/api/canned-replies/${global.id}`, {
            token: adminToken,
            body: { title: 'Hello' },
          })
        ).body,
      );
      unwrap(
        (await api(t.url, `/api/canned-replies/${global.id}/delete`, { token: adminToken, body: {} })).body,
      );
      // A refused change tells nobody.
      const refused = await api(t.url, '/api/canned-replies', {
        token: aliceToken,
        body: { shortcut: 'x', title: 'X', body: 'Hi {{visitor.nmae}}', scope: 'personal' },
      });
      expect(refused.status).toBe(400);
      await expect.poll(counts).toEqual({ admin: 4, alice: 4, andy: 3, bella: 4 });
      // One more for everyone: once each socket has it, nothing sent before can still be on its way.
      const last = Object.values(sockets).map((socket) => nextEvent(socket, 'canned:changed'));
      await create(adminToken, { shortcut: 'last', title: 'Last', body: 'Last', scope: 'global' });
      await Promise.all(last);
      expect(counts()).toEqual({ admin: 5, alice: 5, andy: 4, bella: 5 });
    } finally {
      for (const socket of Object.values(sockets)) socket.disconnect();
    }
  });
});
