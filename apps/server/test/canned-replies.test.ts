import { randomUUID } from 'node:crypto';
import type { CannedReply } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCannedReply } from '../src/store/canned-replies.js';
import { api, login, unwrap, visitorSession } from './support/clients.js';
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
