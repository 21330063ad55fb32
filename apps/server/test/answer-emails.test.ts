import type { EmailStatus, EmailTestResult, Hello, Message } from '@switchboard/protocol';
import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  api,
  connectAgent,
  connectAgentWithHello,
  connectVisitor,
  leaveMessage,
  login,
  nextEvent,
  request,
  sendMessage,
  unwrap,
  type VisitorClient,
} from './support/clients.js';
import { pdf, upload } from './support/files.js';
import { MailServer } from './support/mail-server.js';
import { visitorWithConversation } from './support/routing-helpers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** The `session:hello` an agent socket gets on connecting. */
async function helloOf(url: string, token: string): Promise<Hello> {
  const { socket, hello } = await connectAgentWithHello(url, token);
  socket.close();
  return hello;
}

/** The tests move this clock; when an answer is due to be emailed reads it. */
let now = Date.now();
const DELAY_SECONDS = 60;
const RETRY_SECONDS = 60;
/** The staff's files in one email, in all. */
const ATTACHMENT_MAX_BYTES = 5_000;

const sockets: Array<AgentClient | VisitorClient> = [];
function track<T extends AgentClient | VisitorClient>(socket: T): T {
  sockets.push(socket);
  return socket;
}

describe('answers to a left message, by email', () => {
  let mail: MailServer;
  let t: TestServer;
  let alice: AgentClient;
  let aliceToken: string;

  beforeAll(async () => {
    mail = await MailServer.start();
    t = await startTestServer(
      {
        email: {
          smtpUrl: mail.url(),
          from: 'Shop support <support@shop.example>',
          delaySeconds: DELAY_SECONDS,
          retrySeconds: RETRY_SECONDS,
          maxAttempts: 3,
          attachmentMaxBytes: ATTACHMENT_MAX_BYTES,
          // The tests run each pass themselves.
          pollMilliseconds: 60_000,
        },
      },
      () => now,
    );
    // Signed in but not online: routing serves her no chat, so each visitor waits and leaves a message.
    aliceToken = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
    alice = await connectAgent(t.url, aliceToken);
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    if (mail.refused.size > 0) mail.refused.clear();
    mail.maxMessageBytes = undefined;
    await mail.resume().catch(() => undefined);
  });
  afterAll(async () => {
    alice.close();
    await t.stop();
    await mail.stop();
  });

  const emails = () => t.server.components.answerEmails;
  /** One pass of the outbox, as the poller runs it. */
  const pass = async () => {
    const outbox = emails();
    if (!outbox) throw new Error('email is configured in this suite');
    await outbox.deliverDue();
  };
  const to = (address: string) =>
    mail.received.filter((m) => m.to && 'text' in m.to && m.to.text === address);
  const queued = (conversationId: string) =>
    t.server.components.db
      .selectFrom('answer_emails')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();

  /** A visitor who wrote, left the chat as a message to `email`, and (unless `stay`) left. */
  async function leftMessage(email: string, options: { stay?: boolean; language?: string } = {}) {
    const { session, visitor, conversation } = await visitorWithConversation(t, {
      pageUrl: 'https://shop.example/cart',
      language: options.language ?? 'en',
    });
    track(visitor);
    await sendMessage(visitor, conversation.id, 'Do you ship to Norway?\nAnd to Iceland?');
    unwrap((await leaveMessage(t.url, session.visitorToken, conversation.id, { email, name: 'Grace' })).body);
    if (!options.stay) visitor.disconnect();
    unwrap(await request(alice, 'conversation:take', { conversationId: conversation.id }));
    return { session, visitor, conversationId: conversation.id };
  }

  const answer = (conversationId: string, body: string) => sendMessage(alice, conversationId, body);

  /** Alice uploads a file and sends it, as an answer or as an internal note. */
  async function answerWithFile(
    conversationId: string,
    body: string,
    file: { name: string; bytes: Buffer },
    visibility: 'all' | 'agents' = 'all',
  ) {
    const attachment = unwrap((await upload(t.url, conversationId, aliceToken, file.name, file.bytes)).body);
    await sendMessage(alice, conversationId, body, { attachmentId: attachment.id, visibility });
  }

  const recorded = (conversationId: string, code: string) =>
    nextEvent<Message>(
      alice,
      'message:new',
      (m) => m.conversationId === conversationId && m.systemEvent?.code === code,
    );

  /** The system message as stored (one a pass wrote before anyone listened for it). */
  async function recordedAlready(conversationId: string, code: string): Promise<Message> {
    const { accessToken } = (await login(t.url, t.fixture.admin.email)).tokens;
    const history = unwrap(
      (
        await api<{ messages: Message[] }>(t.url, `/api/conversations/${conversationId}/messages`, {
          token: accessToken,
        })
      ).body,
    );
    const found = history.messages.find((m) => m.systemEvent?.code === code);
    if (!found) throw new Error(`no ${code} message in ${conversationId}`);
    return found;
  }

  it('emails the answers written within the delay as one email, with what the visitor wrote, once', async () => {
    const { session, conversationId } = await leftMessage('grace@example.test');
    await answer(conversationId, 'Yes, we ship to Norway.');
    // An internal note between the answers never reaches the visitor, by email either.
    await sendMessage(alice, conversationId, 'Check the Iceland rates first.', { visibility: 'agents' });
    now += 30_000;
    await answer(conversationId, 'Iceland too, in 5–7 days.');
    await pass();
    expect(to('grace@example.test')).toHaveLength(0);

    now += (DELAY_SECONDS - 30) * 1000;
    const staffSee = recorded(conversationId, 'email-sent');
    await pass();
    const [email] = to('grace@example.test') as [ParsedMail];
    expect(email.subject).toBe('Re: your message to Shop');
    expect(email.from?.text).toBe('"Shop support" <support@shop.example>');
    expect(email.html).toBe(false);
    expect(email.text).toBe(
      [
        'Hello Grace,',
        '',
        'there is an answer to your message to Shop:',
        '',
        'You:',
        '  Do you ship to Norway?',
        '  And to Iceland?',
        '',
        'Alice:',
        '  Yes, we ship to Norway.',
        '  Iceland too, in 5–7 days.',
        '',
        'To go on with the conversation, return to the chat on https://shop.example/cart',
        '',
        '— Shop',
        '',
      ].join('\n'),
    );
    expect(email.messageId).toBe(`<${conversationId}.4@shop.example>`);
    expect(email.references).toBe(`<${conversationId}@shop.example>`);

    // The staff see it in the conversation; the visitor never does.
    const note = await staffSee;
    expect(note).toMatchObject({
      sender: { kind: 'system', id: t.fixture.alice.id },
      visibility: 'agents',
      body: 'Emailed 2 answers to grace@example.test.',
      systemEvent: { code: 'email-sent', to: 'grace@example.test', answers: 2, files: 0 },
    });
    const visitor = track(await connectVisitor(t.url, session.visitorToken));
    const synced = unwrap(
      await request<{ messages: Message[] }>(visitor, 'message:sync', { conversationId, afterSeq: 0 }),
    );
    expect(synced.messages.map((m) => m.seq)).toEqual([1, 2, 4]);
    expect(await queued(conversationId)).toBeUndefined();

    // Nothing is sent twice; the next answer's email carries only what came after.
    now += DELAY_SECONDS * 1000;
    await pass();
    expect(to('grace@example.test')).toHaveLength(1);
    visitor.disconnect();
    await answer(conversationId, 'Your parcel left today.');
    now += DELAY_SECONDS * 1000;
    await pass();
    const [, next] = to('grace@example.test') as [ParsedMail, ParsedMail];
    expect(next.text).toContain('Alice:\n  Your parcel left today.\n');
    expect(next.text).not.toContain('Norway');
    expect(next.references).toBe(`<${conversationId}@shop.example>`);
  });

  it('sends the staff’s files with the answers while they fit; a note’s file never', async () => {
    const { conversationId } = await leftMessage('hedy@example.test');
    const invoice = pdf(1_000);
    await answerWithFile(conversationId, 'Your invoice:', { name: 'invoice 4711.pdf', bytes: invoice });
    await answerWithFile(
      conversationId,
      'The notes on the order:',
      { name: 'notes.pdf', bytes: pdf(800) },
      'agents',
    );
    // Together with the invoice, more than the email may carry.
    await answerWithFile(conversationId, 'And the manual:', {
      name: 'manual.pdf',
      bytes: pdf(ATTACHMENT_MAX_BYTES),
    });
    now += DELAY_SECONDS * 1000;
    const staffSee = recorded(conversationId, 'email-sent');
    await pass();

    const [email] = to('hedy@example.test') as [ParsedMail];
    expect(
      email.attachments.map((a) => ({ name: a.filename, type: a.contentType, bytes: a.content })),
    ).toEqual([{ name: 'invoice 4711.pdf', type: 'application/pdf', bytes: invoice }]);
    expect(email.text).toContain(
      [
        'Alice:',
        '  Your invoice:',
        '  [file: invoice 4711.pdf, attached]',
        '  And the manual:',
        '  [file: manual.pdf, not attached: open it in the chat]',
      ].join('\n'),
    );
    expect(email.text).not.toContain('notes');
    // The staff learn how many of the files went.
    expect(await staffSee).toMatchObject({
      body: 'Emailed 2 answers and 1 file to hedy@example.test.',
      systemEvent: { code: 'email-sent', to: 'hedy@example.test', answers: 2, files: 1 },
    });
  });

  it('sends the answers without their files, named, when the mail server refuses the email for its size', async () => {
    const { conversationId } = await leftMessage('ida@example.test');
    await answerWithFile(conversationId, 'The manual:', { name: 'manual.pdf', bytes: pdf(4_000) });
    // Room for the text, not for the file (base64 makes it a third larger).
    mail.maxMessageBytes = 4_000;
    now += DELAY_SECONDS * 1000;
    const staffSee = recorded(conversationId, 'email-sent');
    await pass();

    const [email] = to('ida@example.test') as [ParsedMail];
    expect(email.attachments).toEqual([]);
    expect(email.text).toContain('  The manual:\n  [file: manual.pdf, not attached: open it in the chat]\n');
    expect(await staffSee).toMatchObject({
      body: 'Emailed the answer to ida@example.test.',
      systemEvent: { code: 'email-sent', answers: 1, files: 0 },
    });
    expect(await queued(conversationId)).toBeUndefined();
  });

  it('sends nothing for answers the visitor read in the chat, and later answers alone', async () => {
    const { visitor, conversationId } = await leftMessage('reader@example.test', {
      stay: true,
      language: 'zh-CN',
    });
    const { seq } = await answer(conversationId, '可以寄到挪威。');
    unwrap(await request(visitor, 'message:read', { conversationId, seq }));
    now += DELAY_SECONDS * 1000;
    await pass();
    expect(to('reader@example.test')).toHaveLength(0);
    expect(await queued(conversationId)).toBeUndefined();

    visitor.disconnect();
    await answer(conversationId, '包裹今天已寄出。');
    now += DELAY_SECONDS * 1000;
    await pass();
    const [email] = to('reader@example.test') as [ParsedMail];
    expect(email.subject).toBe('回复：您给Shop的留言');
    expect(email.text).toContain('Grace，您好：');
    expect(email.text).toContain('Alice:\n  包裹今天已寄出。\n');
    expect(email.text).not.toContain('挪威');
  });

  it('tries again with back-off while the mail server is down, and delivers once when it is back', async () => {
    const { conversationId } = await leftMessage('patient@example.test');
    await answer(conversationId, 'We will check and come back to you.');
    await mail.stop();
    now += DELAY_SECONDS * 1000;
    await pass();
    expect(await queued(conversationId)).toMatchObject({
      attempts: 1,
      due_at: new Date(now + RETRY_SECONDS * 1000).toISOString(),
      last_error: expect.stringContaining('ECONNREFUSED'),
    });

    // Not before its time; the second try waits twice as long.
    now += (RETRY_SECONDS - 1) * 1000;
    await pass();
    expect((await queued(conversationId))?.attempts).toBe(1);
    now += 1000;
    await pass();
    expect(await queued(conversationId)).toMatchObject({
      attempts: 2,
      due_at: new Date(now + 2 * RETRY_SECONDS * 1000).toISOString(),
    });

    await mail.resume();
    now += 2 * RETRY_SECONDS * 1000;
    await pass();
    await pass();
    expect(to('patient@example.test')).toHaveLength(1);
    expect(await queued(conversationId)).toBeUndefined();
  });

  it('gives up after the last try and tells the staff why; the next answer tries again with both', async () => {
    const { conversationId } = await leftMessage('unlucky@example.test');
    await answer(conversationId, 'First answer.');
    await mail.stop();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      now += 4 * RETRY_SECONDS * 1000;
      await pass();
    }
    const failed = await recordedAlready(conversationId, 'email-failed');
    expect(failed.systemEvent).toMatchObject({ code: 'email-failed', to: 'unlucky@example.test' });
    expect(failed.body).toMatch(/^Could not email the answer to unlucky@example\.test: .*ECONNREFUSED/);
    expect(await queued(conversationId)).toBeUndefined();

    await mail.resume();
    await answer(conversationId, 'Second answer.');
    now += DELAY_SECONDS * 1000;
    await pass();
    const [email] = to('unlucky@example.test') as [ParsedMail];
    expect(email.text).toContain('Alice:\n  First answer.\n  Second answer.\n');
  });

  it('gives up at once on an address the mail server refuses for good', async () => {
    mail.refused.add('nobody@example.test');
    const { conversationId } = await leftMessage('nobody@example.test');
    await answer(conversationId, 'Hello?');
    now += DELAY_SECONDS * 1000;
    const staffSee = recorded(conversationId, 'email-failed');
    await pass();
    const failed = await staffSee;
    expect(failed.systemEvent).toMatchObject({
      code: 'email-failed',
      to: 'nobody@example.test',
      reason: expect.stringContaining('550 No such user here'),
    });
    expect(failed.visibility).toBe('agents');
    expect(await queued(conversationId)).toBeUndefined();
    expect(mail.received.filter((m) => JSON.stringify(m.to).includes('nobody'))).toHaveLength(0);
  });

  it('tells the staff at every connect that answers are emailed, and how long after; a server without email says not', async () => {
    const token = (await login(t.url, t.fixture.alice.email)).tokens.accessToken;
    const withEmail = await helloOf(t.url, token);
    expect(withEmail.answerEmails).toEqual({
      delaySeconds: DELAY_SECONDS,
      attachmentMaxBytes: ATTACHMENT_MAX_BYTES,
    });
    const plain = await startTestServer();
    try {
      const bare = await helloOf(
        plain.url,
        (await login(plain.url, plain.fixture.alice.email)).tokens.accessToken,
      );
      expect(bare.answerEmails).toBeNull();
    } finally {
      await plain.stop();
    }
  });

  it('shows the admin where emails go and sends a test to their own address; says why it cannot', async () => {
    const admin = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
    const status = await api<EmailStatus>(t.url, '/api/admin/email', { token: admin });
    expect(unwrap(status.body)).toEqual({
      destination: `SMTP server ${new URL(mail.url()).host}`,
      from: 'Shop support <support@shop.example>',
      delaySeconds: DELAY_SECONDS,
      attachmentMaxBytes: ATTACHMENT_MAX_BYTES,
      repliesReturn: false,
      replyTo: null,
    });
    expect(JSON.stringify(status.body)).not.toContain('smtp-password');

    const sent = await api<EmailTestResult>(t.url, '/api/admin/email/test', { token: admin, body: {} });
    expect(unwrap(sent.body)).toEqual({
      to: t.fixture.admin.email,
      destination: unwrap(status.body).destination,
    });
    const [email] = to(t.fixture.admin.email) as [ParsedMail];
    expect(email.subject).toBe('Switchboard test email');

    await mail.stop();
    const down = await api<EmailTestResult>(t.url, '/api/admin/email/test', { token: admin, body: {} });
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      ok: false,
      error: { code: 'unavailable', details: { reason: expect.stringContaining('ECONNREFUSED') } },
    });

    const plain = await startTestServer();
    try {
      const token = (await login(plain.url, plain.fixture.admin.email)).tokens.accessToken;
      expect(
        unwrap((await api<EmailStatus>(plain.url, '/api/admin/email', { token })).body).destination,
      ).toBeNull();
      const none = await api(plain.url, '/api/admin/email/test', { token, body: {} });
      expect(none.body).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    } finally {
      await plain.stop();
    }
  });

  it('does not queue an internal note, nor an answer in a chat whose visitor left no address', async () => {
    const { conversationId } = await leftMessage('notes@example.test');
    await sendMessage(alice, conversationId, 'Regular customer.', { visibility: 'agents' });
    expect(await queued(conversationId)).toBeUndefined();

    const live = await visitorWithConversation(t);
    track(live.visitor);
    unwrap(await request(alice, 'conversation:take', { conversationId: live.conversation.id }));
    await answer(live.conversation.id, 'Hi, how can I help?');
    expect(await queued(live.conversation.id)).toBeUndefined();
  });

  it('keeps trying with wrong SMTP credentials (the admin can fix them), never recording the password', async () => {
    const wrong = await startTestServer({
      email: { smtpUrl: mail.url('not-the-password'), delaySeconds: 0, pollMilliseconds: 60_000 },
    });
    try {
      const agent = track(
        await connectAgent(wrong.url, (await login(wrong.url, wrong.fixture.alice.email)).tokens.accessToken),
      );
      const { session, visitor, conversation } = await visitorWithConversation(wrong);
      track(visitor);
      const left = await leaveMessage(wrong.url, session.visitorToken, conversation.id, {
        email: 'someone@example.test',
      });
      unwrap(left.body);
      unwrap(await request(agent, 'conversation:take', { conversationId: conversation.id }));
      await sendMessage(agent, conversation.id, 'Answer.');
      await wrong.server.components.answerEmails?.deliverDue();
      const row = await wrong.server.components.db
        .selectFrom('answer_emails')
        .selectAll()
        .where('conversation_id', '=', conversation.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ attempts: 1, last_error: expect.stringContaining('535') });
      expect(JSON.stringify(row)).not.toContain('not-the-password');
      expect(to('someone@example.test')).toHaveLength(0);
    } finally {
      await wrong.stop();
    }
  });
});
