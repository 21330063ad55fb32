import type { Conversation, VisitorConversation } from '@switchboard/protocol';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connectVisitor, login, request, unwrap, visitorSession } from './support/clients.js';
import { ServerProcess } from './support/server-process.js';

/** Nobody is online in the fixture's team, so every conversation here stays in the queue. */
describe('visitors queued while the server restarts', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await ServerProcess.prepare({ config: { routing: { abandonAfterSeconds: 2 } } });
    await server.start();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  /** A conversation as the admin API reads it (an access token outlives a restart). */
  let token: string | undefined;
  async function stored(conversationId: string): Promise<Conversation> {
    token ??= (await login(server.url, server.fixture.admin.email)).tokens.accessToken;
    return unwrap(
      (await api<Conversation>(server.url, `/api/conversations/${conversationId}`, { token })).body,
    );
  }

  /** The visitor's `left_at` as stored, read from the server's file beside it. */
  function leftAt(visitorId: string): unknown {
    const db = new Database(server.databaseFile, { readonly: true });
    try {
      return db.prepare('SELECT left_at FROM visitors WHERE id = ?').pluck().get(visitorId);
    } finally {
      db.close();
    }
  }

  async function queuedVisitor() {
    const session = await visitorSession(server.url, server.fixture.widget.id);
    const visitor = await connectVisitor(server.url, session.visitorToken);
    const conversation = unwrap(await request<VisitorConversation>(visitor, 'conversation:open', {}));
    expect(conversation.status).toBe('queued');
    return { session, visitor, conversation };
  }

  it('closes the chats of those who never come back as abandoned, and keeps those who do', async () => {
    const gone = await queuedVisitor();
    const staying = await queuedVisitor();
    await server.kill();
    gone.visitor.close();
    staying.visitor.close();

    await server.start();
    const back = await connectVisitor(server.url, staying.session.visitorToken);
    await expect
      .poll(async () => (await stored(gone.conversation.id)).status, { timeout: 15_000, interval: 200 })
      .toBe('resolved');
    expect((await stored(gone.conversation.id)).tags).toContain('abandoned');
    // Both waits started with the new process: had the reconnect not ended the second, it would
    // have closed that chat by now too.
    expect(await stored(staying.conversation.id)).toMatchObject({ status: 'queued' });
    back.close();
  });

  it('gives a visitor who had left before the restart only what was left of their wait', async () => {
    const gone = await queuedVisitor();
    const connected = await queuedVisitor();
    gone.visitor.close();
    // Their leaving is on record before the process dies.
    await expect.poll(() => leftAt(gone.session.visitorId)).not.toBeNull();
    await server.kill();
    connected.visitor.close();
    // Down for longer than the whole window (2 s).
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await server.start();
    // Nothing was left of the wait: closed at once, not a whole window after the restart.
    await expect
      .poll(async () => (await stored(gone.conversation.id)).status, { timeout: 1_500, interval: 100 })
      .toBe('resolved');
    // Connected when the process died: the whole window from the restart.
    expect((await stored(connected.conversation.id)).status).toBe('queued');
    // Back again: no longer recorded as gone.
    const returned = await connectVisitor(server.url, gone.session.visitorToken);
    await expect.poll(() => leftAt(gone.session.visitorId)).toBeNull();
    returned.close();
  });
});
