import { randomUUID } from 'node:crypto';
import { type Conversation, type ConversationPage, PREVIEW_LENGTH } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentClient, api, connectAgent, login, nextEvent, request, unwrap } from './support/clients.js';
import { PNG, upload } from './support/files.js';
import { visitorWithConversation } from './support/routing-helpers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** Nobody in team A is online: every chat here waits in the queue. */
describe('what a waiting visitor wrote, in the team’s lists', () => {
  let t: TestServer;
  let andy: AgentClient;
  let andyToken: string;

  beforeAll(async () => {
    t = await startTestServer();
    andyToken = (await login(t.url, t.fixture.andy.email)).tokens.accessToken;
    andy = await connectAgent(t.url, andyToken);
  });
  afterAll(async () => {
    andy.disconnect();
    await t.stop();
  });

  const send = (
    socket: AgentClient | Awaited<ReturnType<typeof visitorWithConversation>>['visitor'],
    payload: object,
  ) =>
    request<{ seq: number }>(socket, 'message:send', { clientMsgId: randomUUID(), ...payload }).then(unwrap);

  it('pushes each message of a queued chat to the team, who never opened it, and lists it the same way', async () => {
    const waiting = await visitorWithConversation(t);
    const conversationId = waiting.conversation.id;
    const told = nextEvent<Conversation>(
      andy,
      'conversation:update',
      (c) => c.id === conversationId && c.lastSeq === 1,
    );
    await send(waiting.visitor, { conversationId, body: 'Do you have the kettle in blue?' });
    expect((await told).lastMessage).toMatchObject({
      seq: 1,
      senderKind: 'visitor',
      text: 'Do you have the kettle in blue?',
      fileName: null,
    });

    // Long messages are cut to the preview's length; a file is named.
    const long = 'x'.repeat(PREVIEW_LENGTH + 60);
    const cut = nextEvent<Conversation>(
      andy,
      'conversation:update',
      (c) => c.id === conversationId && c.lastSeq === 2,
    );
    await send(waiting.visitor, { conversationId, body: long });
    expect((await cut).lastMessage?.text).toBe(long.slice(0, PREVIEW_LENGTH));

    const attachment = unwrap(
      (await upload(t.url, conversationId, waiting.session.visitorToken, 'kettle.png', PNG)).body,
    );
    const withFile = nextEvent<Conversation>(
      andy,
      'conversation:update',
      (c) => c.id === conversationId && c.lastSeq === 3,
    );
    await send(waiting.visitor, { conversationId, body: 'like this one', attachmentId: attachment.id });
    expect((await withFile).lastMessage).toMatchObject({ text: 'like this one', fileName: 'kettle.png' });

    const page = unwrap(
      (await api<ConversationPage>(t.url, '/api/conversations?status=queued', { token: andyToken })).body,
    );
    expect(page.items.find((c) => c.id === conversationId)?.lastMessage).toMatchObject({
      seq: 3,
      text: 'like this one',
      fileName: 'kettle.png',
    });
  });

  it('says when the newest message is an internal note, which the visitor never saw', async () => {
    const waiting = await visitorWithConversation(t);
    const conversationId = waiting.conversation.id;
    const lastMessage = async () =>
      unwrap(
        (await api<Conversation>(t.url, `/api/conversations/${conversationId}`, { token: andyToken })).body,
      ).lastMessage;
    await send(waiting.visitor, { conversationId, body: 'Is anyone there?' });
    expect(await lastMessage()).toMatchObject({ seq: 1, visibility: 'all', systemEvent: null });
    await send(andy, { conversationId, body: 'Regular customer, be quick', visibility: 'agents' });
    expect(await lastMessage()).toMatchObject({
      seq: 2,
      senderKind: 'agent',
      text: 'Regular customer, be quick',
      visibility: 'agents',
    });
    waiting.visitor.disconnect();
  });

  it('has no last message before the first one', async () => {
    const opened = await visitorWithConversation(t);
    const page = unwrap(
      (await api<ConversationPage>(t.url, '/api/conversations?status=queued', { token: andyToken })).body,
    );
    expect(page.items.find((c) => c.id === opened.conversation.id)?.lastMessage).toBeNull();
    opened.visitor.disconnect();
  });
});
