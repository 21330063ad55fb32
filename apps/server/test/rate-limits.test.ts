import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  connectAgent,
  connectVisitor,
  login,
  openAndTake,
  request,
  visitorSession,
} from './support/clients.js';
import { PASSWORD, SHOP_ORIGIN } from './support/fixture.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('rate limits (SECURITY S7)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      limits: {
        messagesPerSocket: { points: 5, seconds: 60 },
        typingPerSocket: { points: 3, seconds: 60 },
        loginPerAccount: { points: 3, seconds: 60 },
        conversationsPerIp: { points: 4, seconds: 60 },
      },
    });
  });
  afterAll(() => t.stop());

  it('rejects messages over the per-socket limit without storing or acking them', async () => {
    const agent = await connectAgent(t.url, (await login(t.url, t.fixture.alice.email)).tokens.accessToken);
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, agent);
    const results = [];
    for (let i = 0; i < 8; i++) {
      results.push(
        await request(visitor, 'message:send', { conversationId, clientMsgId: randomUUID(), body: `m${i}` }),
      );
    }
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, false, false, false]);
    const refused = results[5];
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'rate-limited', details: { retryAfterSeconds: expect.any(Number) } },
    });
    const rows = await t.server.components.db
      .selectFrom('messages')
      .select('body')
      .where('conversation_id', '=', conversationId)
      .execute();
    expect(rows.map((r) => r.body)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);

    const typing = [];
    for (let i = 0; i < 5; i++)
      typing.push((await request(visitor, 'typing:set', { conversationId, typing: i % 2 === 0 })).ok);
    expect(typing).toEqual([true, true, true, false, false]);
    visitor.disconnect();
    agent.disconnect();
  });

  it('limits failed logins per account, and says so with rate-limited', async () => {
    const attempt = () =>
      api(t.url, '/api/auth/login', { body: { email: t.fixture.andy.email, password: 'guess' } });
    const codes = [];
    for (let i = 0; i < 5; i++) {
      const res = await attempt();
      codes.push(res.body.ok ? 'ok' : res.body.error.code);
    }
    expect(codes).toEqual([
      'invalid-credentials',
      'invalid-credentials',
      'invalid-credentials',
      'rate-limited',
      'rate-limited',
    ]);
    const blocked = await api(t.url, '/api/auth/login', {
      body: { email: t.fixture.andy.email, password: PASSWORD },
    });
    expect(blocked.status).toBe(429);
    // The wait is in the standard header too, matching the envelope's details.
    const details = (!blocked.body.ok && blocked.body.error.details) as { retryAfterSeconds: number };
    expect(details.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.headers.get('retry-after')).toBe(String(details.retryAfterSeconds));
  });

  it('limits conversations opened per IP', async () => {
    const session = await visitorSession(t.url, t.fixture.widget.id);
    const visitor = await connectVisitor(t.url, session.visitorToken, { origin: SHOP_ORIGIN });
    const codes = [];
    for (let i = 0; i < 6; i++) {
      const res = await request(visitor, 'conversation:open', {});
      codes.push(res.ok ? 'ok' : res.error.code);
    }
    // One was already opened from this IP by the first test.
    expect(codes).toEqual(['ok', 'ok', 'ok', 'rate-limited', 'rate-limited', 'rate-limited']);
    visitor.disconnect();
  });
});
