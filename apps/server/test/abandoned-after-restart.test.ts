import type { Conversation, VisitorConversation } from '@switchboard/protocol';
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
    const token = (await login(server.url, server.fixture.admin.email)).tokens.accessToken;
    const stored = async (conversationId: string) =>
      unwrap((await api<Conversation>(server.url, `/api/conversations/${conversationId}`, { token })).body);

    await expect
      .poll(async () => (await stored(gone.conversation.id)).status, { timeout: 15_000, interval: 200 })
      .toBe('resolved');
    expect((await stored(gone.conversation.id)).tags).toContain('abandoned');
    // Both waits started with the new process: had the reconnect not ended the second, it would
    // have closed that chat by now too.
    expect(await stored(staying.conversation.id)).toMatchObject({ status: 'queued' });
    back.close();
  });
});
