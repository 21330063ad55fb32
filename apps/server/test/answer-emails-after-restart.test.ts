import type { VisitorConversation } from '@switchboard/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectAgent,
  connectVisitor,
  leaveMessage,
  login,
  request,
  sendMessage,
  unwrap,
  visitorSession,
} from './support/clients.js';
import { MailServer } from './support/mail-server.js';
import { ServerProcess } from './support/server-process.js';

describe('an answer acknowledged just before the server dies', () => {
  let mail: MailServer;
  let server: ServerProcess;

  beforeAll(async () => {
    mail = await MailServer.start();
    server = await ServerProcess.prepare({
      config: { email: { smtpUrl: mail.url(), delaySeconds: 2, pollMilliseconds: 100 } },
    });
    await server.start();
  });
  afterAll(async () => {
    await server?.dispose();
    await mail?.stop();
  });

  it('is emailed after the restart, once', async () => {
    const session = await visitorSession(server.url, server.fixture.widget.id, { name: 'Grace' });
    const visitor = await connectVisitor(server.url, session.visitorToken);
    const conversation = unwrap(await request<VisitorConversation>(visitor, 'conversation:open', {}));
    await sendMessage(visitor, conversation.id, 'Is the shop open on Sunday?');
    unwrap(
      (await leaveMessage(server.url, session.visitorToken, conversation.id, { email: 'grace@example.test' }))
        .body,
    );
    visitor.close();
    const alice = await connectAgent(
      server.url,
      (await login(server.url, server.fixture.alice.email)).tokens.accessToken,
    );
    unwrap(await request(alice, 'conversation:take', { conversationId: conversation.id }));
    await sendMessage(alice, conversation.id, 'Yes, from 10 to 16.');
    // Acknowledged; killed well before its email was due.
    await server.kill();
    alice.close();
    expect(mail.received).toHaveLength(0);

    await server.start();
    const email = await mail.next(15_000);
    expect(email.to && 'text' in email.to ? email.to.text : undefined).toBe('grace@example.test');
    expect(email.text).toContain('Yes, from 10 to 16.');
    // Several more passes of the outbox: still the one email.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(mail.received).toHaveLength(1);
  });
});
