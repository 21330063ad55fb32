/**
 * The workbench's connection when the server closes its socket because the access token ran out
 * unrenewed (SECURITY S2): it gets a fresh token and connects again by itself, instead of staying
 * "unreachable" until a reload. The real server runs in this process with a short grace.
 */
import type { TokenPair } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../server/test/support/clients.js';
import { expiringIn } from '../../server/test/support/short-lived-token.js';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.js';
import { ServerConnection } from '../src/renderer/api/connection.js';

const SHORT_LIFE_SECONDS = 3;

async function eventually(check: () => void, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('the workbench connection after the server closes an expired socket', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({
      auth: { expiredSocketGraceMilliseconds: 500, expiredSocketSweepMilliseconds: 100 },
    });
  });
  afterAll(() => t.stop());

  it('refreshes its tokens and connects again, and stays closed once it is closed', async () => {
    const session = await login(t.url, t.fixture.alice.email);
    // The client believes its token good for ten minutes (no refresh is due), the server knows better:
    // as when a re-authentication never reached it.
    const tokens: TokenPair = {
      ...session.tokens,
      accessToken: await expiringIn(session.tokens.accessToken, SHORT_LIFE_SECONDS),
    };
    const reachable: boolean[] = [];
    const stored: TokenPair[] = [];
    let ended = 0;
    const connection = new ServerConnection(t.url, tokens, {
      onTokens: (next) => {
        stored.push(next);
      },
      onSessionEnded: () => {
        ended++;
      },
      onReachable: (up) => reachable.push(up),
    });
    let hellos = 0;
    connection.socket.on('session:hello', () => hellos++);
    try {
      connection.connect();
      await eventually(() => expect(hellos).toBe(1));
      // Cut off at expiry + grace, then back on a refreshed token.
      await eventually(() => expect(reachable).toContain(false));
      await eventually(() => expect(hellos).toBe(2));
      expect(connection.socket.connected).toBe(true);
      expect(stored).toHaveLength(1);
      expect(connection.accessToken).toBe(stored[0]?.accessToken);
      expect(ended).toBe(0);
    } finally {
      connection.close();
    }
    expect(connection.socket.connected).toBe(false);
  });
});
