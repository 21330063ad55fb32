import type { VisitorConversation } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  connectAgent,
  connectVisitor,
  login,
  request,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { ServerProcess } from './support/server-process.js';

interface SearchResults {
  hits: Array<{ conversationId: string }>;
}

/**
 * The search index is built by a worker thread. In a server process started the way the
 * benchmark starts it (tsx, then a preloaded TypeScript module), the server still indexes: a
 * worker that inherited those flags once failed to start, and nothing was ever found.
 */
describe('the search index in a server process of its own', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await ServerProcess.prepare({
      preload: [new URL('./support/preloaded.ts', import.meta.url).href],
    });
    await server.start();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('finds a message sent a moment ago', async () => {
    const { tokens } = await login(server.url, server.fixture.alice.email);
    const agent = await connectAgent(server.url, tokens.accessToken);
    const session = await visitorSession(server.url, server.fixture.widget.id);
    const visitor = await connectVisitor(server.url, session.visitorToken);
    try {
      const conversation = unwrap(await request<VisitorConversation>(visitor, 'conversation:open', {}));
      unwrap(await request(agent, 'conversation:take', { conversationId: conversation.id }));
      const word = `zebracorn${Date.now()}`;
      unwrap(
        await request(visitor, 'message:send', {
          conversationId: conversation.id,
          clientMsgId: crypto.randomUUID(),
          body: `Where is my ${word}?`,
        }),
      );
      const search = async () =>
        unwrap(
          (
            await api<SearchResults>(server.url, `/api/search/messages?q=${word}`, {
              token: tokens.accessToken,
            })
          ).body,
        ).hits.map((hit) => hit.conversationId);
      await expect.poll(search, { timeout: 10_000, interval: 100 }).toEqual([conversation.id]);
      // Operators see the same on /metrics: nothing left to index.
      const unindexed = async () =>
        /^switchboard_search_unindexed_messages (\d+)$/m.exec(
          await (await fetch(`${server.url}/metrics`)).text(),
        )?.[1];
      await expect.poll(unindexed, { timeout: 10_000, interval: 100 }).toBe('0');
    } finally {
      visitor.close();
      agent.close();
    }
  });
});
