/**
 * SECURITY S2 on long-lived sockets: a staff socket lives as long as its access token, plus a
 * grace, unless it presents a newer token of its own session with `session:reauth`.
 *
 * The shortest configurable token lifetime (30 s) and the real grace (30 s) would make each case
 * wait a minute: the sockets here connect with real tokens of real sessions signed to expire in a
 * few seconds, and the server runs with a one-second grace swept every 100 ms.
 */
import { randomUUID } from 'node:crypto';
import type { LoginResponse, Message, ReauthResponse } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  api,
  collect,
  connectAgent,
  login,
  nextEvent,
  openAndTake,
  request,
  unwrap,
  type VisitorClient,
} from './support/clients.js';
import { expiringIn } from './support/short-lived-token.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Long enough to connect and hear one message on a busy machine; the grace comes on top. */
const SHORT_LIFE_SECONDS = 5;
const TIMING = { expiredSocketGraceMilliseconds: 1_000, expiredSocketSweepMilliseconds: 100 };
/** Generous: the token's life, the grace, and a slow machine. */
const DISCONNECT_WITHIN_MS = 20_000;

/** Resolves with the reason of the socket's next disconnect; rejects if none comes in time. */
function disconnected(socket: AgentClient): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('still connected')), DISCONNECT_WITHIN_MS);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

async function say(visitor: VisitorClient, conversationId: string, body: string): Promise<void> {
  unwrap(await request(visitor, 'message:send', { conversationId, clientMsgId: randomUUID(), body }));
}

describe('staff sockets and access-token expiry', () => {
  let t: TestServer;
  const sockets: Array<AgentClient | VisitorClient> = [];
  const keep = <S extends AgentClient | VisitorClient>(socket: S): S => {
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await startTestServer({ auth: TIMING });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.stop();
  });

  it('disconnects a socket whose token expired without session:reauth; it hears nothing more', async () => {
    const { tokens } = await login(t.url, t.fixture.alice.email);
    const lasting = keep(await connectAgent(t.url, tokens.accessToken));
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, lasting);
    keep(visitor);
    const expiring = keep(
      await connectAgent(t.url, await expiringIn(tokens.accessToken, SHORT_LIFE_SECONDS)),
    );
    const closed = disconnected(expiring);

    const first = nextEvent<Message>(expiring, 'message:new');
    await say(visitor, conversationId, 'before the expiry');
    expect((await first).body).toBe('before the expiry');

    expect(await closed).toBe('io server disconnect');
    const heard = collect<Message>(expiring, 'message:new');
    const reachesLasting = nextEvent<Message>(lasting, 'message:new', (m) => m.body === 'after the expiry');
    await say(visitor, conversationId, 'after the expiry');
    await reachesLasting;
    expect(heard).toEqual([]);
    expect(expiring.connected).toBe(false);
  });

  it('keeps a socket that re-authenticated with a refreshed token past the first expiry', async () => {
    const signedIn = await login(t.url, t.fixture.andy.email);
    const short = await expiringIn(signedIn.tokens.accessToken, SHORT_LIFE_SECONDS);
    // Same token, never re-authenticated: its disconnect shows the first expiry (+ grace) is past.
    const witness = keep(await connectAgent(t.url, short));
    const socket = keep(await connectAgent(t.url, short));
    const witnessClosed = disconnected(witness);
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, socket);
    keep(visitor);

    const refreshed = unwrap(
      (
        await api<LoginResponse>(t.url, '/api/auth/refresh', {
          body: { refreshToken: signedIn.tokens.refreshToken },
        })
      ).body,
    ).tokens;
    const ack = unwrap(
      await request<ReauthResponse>(socket, 'session:reauth', { token: refreshed.accessToken }),
    );
    expect(ack).toEqual({ accessTokenExpiresAt: refreshed.accessTokenExpiresAt });

    expect(await witnessClosed).toBe('io server disconnect');
    const heard = nextEvent<Message>(socket, 'message:new');
    await say(visitor, conversationId, 'still here?');
    expect((await heard).body).toBe('still here?');
    expect(socket.connected).toBe(true);
  });

  it('refuses a token of another user, another session, a tampered or an expired one, and keeps the old expiry', async () => {
    const own = await login(t.url, t.fixture.alice.email);
    const otherSession = await login(t.url, t.fixture.alice.email);
    const otherUser = await login(t.url, t.fixture.bella.email);
    const [header, payload, signature] = own.tokens.accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: 4_102_444_800 })).toString('base64url')}.${signature}`;
    const expired = await expiringIn(own.tokens.accessToken, -60);

    const socket = keep(
      await connectAgent(t.url, await expiringIn(own.tokens.accessToken, SHORT_LIFE_SECONDS)),
    );
    const closed = disconnected(socket);
    const refusals: Array<[string, string]> = [
      [otherUser.tokens.accessToken, 'forbidden'],
      [otherSession.tokens.accessToken, 'forbidden'],
      [tampered, 'token-invalid'],
      [expired, 'token-expired'],
    ];
    for (const [token, code] of refusals) {
      const result = await request(socket, 'session:reauth', { token });
      expect(result, code).toMatchObject({ ok: false, error: { code } });
      expect('data' in result).toBe(false);
    }
    expect(await closed).toBe('io server disconnect');
  });

  it('answers a malformed session:reauth with invalid-payload', async () => {
    const { tokens } = await login(t.url, t.fixture.andy.email);
    const socket = keep(await connectAgent(t.url, tokens.accessToken));
    for (const bad of [
      {},
      { token: '' },
      { token: 42 },
      { token: 'x'.repeat(4097) },
      { token: tokens.accessToken, userId: t.fixture.alice.id },
    ]) {
      const result = await request(socket, 'session:reauth', bad);
      expect(result, JSON.stringify(bad).slice(0, 40)).toMatchObject({
        ok: false,
        error: { code: 'invalid-payload' },
      });
    }
    expect(socket.connected).toBe(true);
  });
});

describe('a staff socket past its expiry, between two sweeps', () => {
  let t: TestServer;
  const sockets: Array<AgentClient | VisitorClient> = [];

  beforeAll(async () => {
    // The sweep comes round once a minute: what refuses the socket here is the event itself.
    t = await startTestServer({
      auth: { expiredSocketGraceMilliseconds: 1_000, expiredSocketSweepMilliseconds: 60_000 },
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.stop();
  });

  it('refuses its next event with token-expired, stores nothing, and closes it', async () => {
    const { tokens } = await login(t.url, t.fixture.alice.email);
    const expiresIn = SHORT_LIFE_SECONDS;
    const socket = await connectAgent(t.url, await expiringIn(tokens.accessToken, expiresIn));
    sockets.push(socket);
    const { visitor, conversationId } = await openAndTake(t.url, t.fixture.widget.id, socket);
    sockets.push(visitor);
    const closed = disconnected(socket);
    // Past the token's expiry and the grace; the sweep is most of a minute away.
    await new Promise((resolve) => setTimeout(resolve, (expiresIn + 2) * 1000));
    expect(socket.connected).toBe(true);

    const result = await request(socket, 'message:send', {
      conversationId,
      clientMsgId: randomUUID(),
      body: 'sent after the expiry',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'token-expired' } });
    expect(await closed).toBe('io server disconnect');
    const history = await api<{ messages: Message[] }>(
      t.url,
      `/api/conversations/${conversationId}/messages`,
      {
        token: tokens.accessToken,
      },
    );
    expect(unwrap(history.body).messages.map((m) => m.body)).not.toContain('sent after the expiry');
  });
});
