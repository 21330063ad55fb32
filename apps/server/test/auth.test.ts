import { randomUUID } from 'node:crypto';
import type { LoginResponse, SessionRevoked } from '@switchboard/protocol';
import { SignJWT } from 'jose';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identitySignature } from '../src/domain/visitor-service.js';
import {
  api,
  connectAgent,
  connected,
  connectVisitor,
  login,
  nextEvent,
  openAndTake,
  request,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { PASSWORD, SHOP_ORIGIN } from './support/fixture.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const SECRET = new TextEncoder().encode('test-secret-that-is-at-least-32-characters');

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Asserts a bearer token is refused on REST and on the socket with the same code. */
async function expectRefused(t: TestServer, token: string, code: string) {
  const rest = await api(t.url, '/api/me', { token });
  expect(rest.status).toBe(401);
  expect(rest.body).toMatchObject({ ok: false, error: { code } });
  await expect(connectAgent(t.url, token)).rejects.toMatchObject({ data: { code } });
}

describe('staff authentication', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('refuses a wrong password and an unknown account alike', async () => {
    const wrong = await api(t.url, '/api/auth/login', {
      body: { email: t.fixture.alice.email, password: 'nope' },
    });
    const unknown = await api(t.url, '/api/auth/login', {
      body: { email: 'ghost@example.test', password: PASSWORD },
    });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        ok: false,
        error: { code: 'invalid-credentials', message: 'Email or password is incorrect.' },
      });
    }
  });

  it('accepts a fresh access token on REST and socket', async () => {
    const { tokens, user } = await login(t.url, t.fixture.alice.email);
    expect(unwrap((await api(t.url, '/api/me', { token: tokens.accessToken })).body)).toEqual(user);
    (await connectAgent(t.url, tokens.accessToken)).disconnect();
  });

  it('refuses tampered, alg:none, wrongly signed, expired and wrong-audience tokens', async () => {
    const { tokens } = await login(t.url, t.fixture.alice.email);
    const [header, payload, signature] = tokens.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;

    // Promote self to admin without re-signing.
    await expectRefused(t, `${header}.${b64url({ ...claims, role: 'admin' })}.${signature}`, 'token-invalid');
    // alg: none, no signature.
    await expectRefused(t, `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`, 'token-invalid');
    // Signed with another key.
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('x'.repeat(40)));
    await expectRefused(t, forged, 'token-invalid');
    // Right key, but expired.
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ ...claims, iat: now - 1200, exp: now - 600 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(SECRET);
    await expectRefused(t, expired, 'token-expired');
    // Right key, another audience.
    const otherAudience = await new SignJWT({ ...claims, aud: 'someone-else' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(SECRET);
    await expectRefused(t, otherAudience, 'token-invalid');
    // A visitor token is not a staff credential.
    const visitor = await visitorSession(t.url, t.fixture.widget.id);
    await expectRefused(t, visitor.visitorToken, 'token-invalid');
  });

  it('logout revokes the session: its token is refused and its live sockets are closed', async () => {
    const { tokens } = await login(t.url, t.fixture.andy.email);
    const other = await login(t.url, t.fixture.andy.email);
    const socket = await connectAgent(t.url, tokens.accessToken);
    const otherSocket = await connectAgent(t.url, other.tokens.accessToken);
    const revoked = nextEvent<SessionRevoked>(socket, 'session:revoked');
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    unwrap((await api(t.url, '/api/auth/logout', { token: tokens.accessToken, body: {} })).body);
    expect(await revoked).toEqual({ reason: 'logout' });
    expect(await closed).toBe('io server disconnect');
    await expectRefused(t, tokens.accessToken, 'session-revoked');
    const refresh = await api(t.url, '/api/auth/refresh', { body: { refreshToken: tokens.refreshToken } });
    expect(refresh.body).toMatchObject({ ok: false, error: { code: 'session-revoked' } });

    // Another session of the same person is untouched.
    expect(otherSocket.connected).toBe(true);
    expect((await api(t.url, '/api/me', { token: other.tokens.accessToken })).status).toBe(200);
    otherSocket.disconnect();
  });

  it('rotates refresh tokens and revokes the whole family when a used one comes back', async () => {
    const first = await login(t.url, t.fixture.alice.email);
    const second = unwrap(
      (
        await api<LoginResponse>(t.url, '/api/auth/refresh', {
          body: { refreshToken: first.tokens.refreshToken },
        })
      ).body,
    );
    expect(second.tokens.refreshToken).not.toBe(first.tokens.refreshToken);
    const socket = await connectAgent(t.url, second.tokens.accessToken);
    const revoked = nextEvent<SessionRevoked>(socket, 'session:revoked');

    // A thief replays the first (already rotated) refresh token.
    const replay = await api(t.url, '/api/auth/refresh', {
      body: { refreshToken: first.tokens.refreshToken },
    });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ ok: false, error: { code: 'refresh-token-reused' } });
    expect(await revoked).toEqual({ reason: 'refresh-token-reused' });

    // Everything issued in that family is dead now.
    await expectRefused(t, second.tokens.accessToken, 'session-revoked');
    const third = await api(t.url, '/api/auth/refresh', {
      body: { refreshToken: second.tokens.refreshToken },
    });
    expect(third.body).toMatchObject({ ok: false, error: { code: 'session-revoked' } });
  });

  it('changing the password ends every session of the user', async () => {
    const a = await login(t.url, t.fixture.bella.email);
    const b = await login(t.url, t.fixture.bella.email);
    const socket = await connectAgent(t.url, b.tokens.accessToken);
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    const bad = await api(t.url, '/api/auth/password', {
      token: a.tokens.accessToken,
      body: { currentPassword: 'wrong', newPassword: 'a new long password' },
    });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid-credentials' } });
    unwrap(
      (
        await api(t.url, '/api/auth/password', {
          token: a.tokens.accessToken,
          body: { currentPassword: PASSWORD, newPassword: 'a new long password' },
        })
      ).body,
    );
    await closed;
    await expectRefused(t, a.tokens.accessToken, 'session-revoked');
    await expectRefused(t, b.tokens.accessToken, 'session-revoked');
    await expect(login(t.url, t.fixture.bella.email)).rejects.toThrow(/invalid-credentials/);
    await login(t.url, t.fixture.bella.email, 'a new long password');
  });

  it('refuses a handshake without credentials or with another protocol version', async () => {
    const { tokens } = await login(t.url, t.fixture.alice.email);
    await expect(connectAgent(t.url, '')).rejects.toMatchObject({ data: { code: 'unauthenticated' } });
    await expect(connectAgent(t.url, tokens.accessToken, { protocolVersion: 99 })).rejects.toMatchObject({
      data: { code: 'protocol-version-unsupported' },
    });
    // A client too old to send a version at all is told to update, too.
    const versionless = io(`${t.url}/agent`, {
      auth: { token: tokens.accessToken },
      transports: ['websocket'],
      reconnection: false,
    });
    await expect(connected(versionless)).rejects.toMatchObject({
      data: { code: 'protocol-version-unsupported' },
    });
  });
});

describe('visitor identity and isolation', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('issues long random tokens and opaque ids', async () => {
    const a = await visitorSession(t.url, t.fixture.widget.id);
    const b = await visitorSession(t.url, t.fixture.widget.id);
    expect(Buffer.from(a.visitorToken, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(a.visitorToken).not.toBe(b.visitorToken);
    expect(a.visitorId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.verified).toBe(false);
  });

  it('verifies signed identities and keeps a verified visitor the same person across sessions', async () => {
    const userId = 'customer-42';
    const signature = identitySignature(userId, t.fixture.widget.secret);
    const first = await visitorSession(t.url, t.fixture.widget.id, { identity: { userId, signature } });
    const second = await visitorSession(t.url, t.fixture.widget.id, { identity: { userId, signature } });
    expect(first).toMatchObject({ verified: true });
    expect(second.visitorId).toBe(first.visitorId);
    expect(second.visitorToken).not.toBe(first.visitorToken);

    const forged = await api(t.url, '/api/visitor/sessions', {
      body: {
        widgetId: t.fixture.widget.id,
        identity: { userId, signature: identitySignature(userId, 'guessed-secret') },
      },
      headers: { origin: SHOP_ORIGIN },
    });
    expect(forged.body).toMatchObject({ ok: false, error: { code: 'identity-invalid' } });
  });

  it('enforce mode rejects anonymous visitors', async () => {
    const anonymous = await api(t.url, '/api/visitor/sessions', {
      body: { widgetId: t.fixture.strictWidget.id },
      headers: { origin: SHOP_ORIGIN },
    });
    expect(anonymous.body).toMatchObject({ ok: false, error: { code: 'identity-required' } });
    const signed = await visitorSession(t.url, t.fixture.strictWidget.id, {
      identity: { userId: 'u1', signature: identitySignature('u1', t.fixture.strictWidget.secret) },
    });
    expect(signed.verified).toBe(true);
  });

  it('a visitor cannot read or write another visitor’s conversation', async () => {
    const alice = await connectAgent(t.url, (await login(t.url, t.fixture.alice.email)).tokens.accessToken);
    const victim = await openAndTake(t.url, t.fixture.widget.id, alice);
    unwrap(
      await request(victim.visitor, 'message:send', {
        conversationId: victim.conversationId,
        clientMsgId: randomUUID(),
        body: 'my address is …',
      }),
    );

    const mallory = await visitorSession(t.url, t.fixture.widget.id);
    const socket = await connectVisitor(t.url, mallory.visitorToken);
    const id = victim.conversationId;
    for (const [event, payload] of [
      ['message:sync', { conversationId: id, afterSeq: 0 }],
      ['message:send', { conversationId: id, clientMsgId: randomUUID(), body: 'hi' }],
      ['message:read', { conversationId: id, seq: 1 }],
      ['typing:set', { conversationId: id, typing: true }],
    ] as const) {
      expect(await request(socket, event, payload)).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    }
    const history = await api(t.url, `/api/conversations/${id}/messages`, { token: mallory.visitorToken });
    expect(history.status).toBe(404);
    const staffOnly = await api(t.url, `/api/conversations/${id}`, { token: mallory.visitorToken });
    expect(staffOnly.status).toBe(401);
    const rows = await t.server.components.db
      .selectFrom('messages')
      .select('body')
      .where('conversation_id', '=', id)
      .execute();
    expect(rows.map((r) => r.body)).toEqual(['my address is …']);
    socket.disconnect();
    victim.visitor.disconnect();
    alice.disconnect();
  });

  it('an agent cannot read or act on a conversation outside their teams', async () => {
    const alice = await connectAgent(t.url, (await login(t.url, t.fixture.alice.email)).tokens.accessToken);
    const bellaLogin = await login(t.url, t.fixture.bella.email);
    const bella = await connectAgent(t.url, bellaLogin.tokens.accessToken);
    const { conversationId, visitor } = await openAndTake(t.url, t.fixture.widget.id, alice); // team A

    for (const [event, payload] of [
      ['conversation:subscribe', { conversationId }],
      ['conversation:take', { conversationId }],
      ['conversation:resolve', { conversationId }],
      ['message:sync', { conversationId, afterSeq: 0 }],
      ['message:send', { conversationId, clientMsgId: randomUUID(), body: 'x', visibility: 'agents' }],
    ] as const) {
      expect(await request(bella, event, payload)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    const rest = await api(t.url, `/api/conversations/${conversationId}`, {
      token: bellaLogin.tokens.accessToken,
    });
    expect(rest.status).toBe(404);
    const list = await api<{ items: Array<{ id: string }> }>(t.url, '/api/conversations', {
      token: bellaLogin.tokens.accessToken,
    });
    expect(unwrap(list.body).items.map((c) => c.id)).not.toContain(conversationId);

    // The admin sees everything.
    const admin = await login(t.url, t.fixture.admin.email);
    expect(
      (await api(t.url, `/api/conversations/${conversationId}`, { token: admin.tokens.accessToken })).status,
    ).toBe(200);
    visitor.disconnect();
    alice.disconnect();
    bella.disconnect();
  });
});
