import type { Conversation, Message, TimelineEntry } from '@switchboard/protocol';
import type { ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentClient,
  api,
  connectAgent,
  connectVisitor,
  leaveMessage,
  login,
  nextEvent,
  request,
  sendMessage,
  unwrap,
  type VisitorClient,
} from './support/clients.js';
import { PNG, pdf } from './support/files.js';
import { postAsGateway } from './support/mail-gateway.js';
import { MailServer } from './support/mail-server.js';
import { visitorWithConversation } from './support/routing-helpers.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const SECRET = 'inbound-secret-of-the-mail-gateway-0123456789';
const DELAY_SECONDS = 60;
const INBOUND_MAX_BYTES = 64 * 1024;
let now = Date.now();

interface Reply {
  from: string;
  text?: string;
  html?: string;
  attachments?: Array<{ filename: string; content: Buffer; cid?: string }>;
  headers?: Record<string, string>;
  messageId?: string;
  /** What the reply answers; the answer email's own ids unless given. */
  inReplyTo?: string;
  references?: string[];
}

/** A visitor's reply to `email` as their mail program sends it: the raw MIME message. */
async function replyTo(email: ParsedMail, reply: Reply): Promise<Buffer> {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const references = reply.references ?? [String(email.references), String(email.messageId)];
  const info = await composer.sendMail({
    from: reply.from,
    to: email.replyTo?.text ?? email.from?.text,
    subject: `Re: ${email.subject}`,
    text: reply.text,
    html: reply.html,
    attachments: reply.attachments,
    headers: reply.headers,
    messageId: reply.messageId ?? `<${crypto.randomUUID()}@mail.example.test>`,
    inReplyTo: reply.inReplyTo ?? String(email.messageId),
    references,
  });
  return info.message as Buffer;
}

/** The mail gateway posts what it received (with this suite's secret unless told otherwise). */
const post = (
  url: string,
  raw: Buffer | string,
  options: { secret?: string | null; contentType?: string } = {},
) => postAsGateway(url, raw, { ...options, secret: options.secret === undefined ? SECRET : options.secret });

/** A mail server's delivery status notification (RFC 3464, as Postfix writes it) about `email`. */
function deliveryReport(
  email: ParsedMail,
  report: { recipient: string; action: 'failed' | 'delayed' },
): Buffer {
  const lines = [
    'From: MAILER-DAEMON@mail.shop.example (Mail Delivery System)',
    'To: support@shop.example',
    'Subject: Undelivered Mail Returned to Sender',
    'Auto-Submitted: auto-replied',
    `Message-ID: <${crypto.randomUUID()}@mail.shop.example>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
    '',
    '--B1',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'I am sorry to have to inform you that your message could not be delivered.',
    '',
    '--B1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mail.shop.example',
    '',
    `Final-Recipient: rfc822; ${report.recipient}`,
    `Action: ${report.action}`,
    `Status: ${report.action === 'failed' ? '5.1.1' : '4.4.1'}`,
    `Diagnostic-Code: smtp; 550 5.1.1 <${report.recipient}>: Recipient address`,
    '    rejected: User unknown',
    '',
    '--B1',
    'Content-Type: text/rfc822-headers',
    '',
    `From: ${email.from?.text}`,
    `To: ${report.recipient}`,
    `Message-ID: ${email.messageId}`,
    '',
    '--B1--',
    '',
  ];
  return Buffer.from(lines.join('\r\n'));
}

/** This suite's allowance of replies by email per conversation (limits.emailRepliesPerConversation). */
const REPLIES_PER_CONVERSATION = 4;

const quoted = (answer: string) =>
  `\n\nOn Sat, 5 Dec 2026 at 10:00, Shop support <replies@shop.example> wrote:\n> ${answer}\n`;

describe('replies to answer emails, posted by the mail gateway', () => {
  let mail: MailServer;
  let t: TestServer;
  let alice: AgentClient;
  let andy: AgentClient;
  let adminToken: string;
  const sockets: VisitorClient[] = [];

  beforeAll(async () => {
    mail = await MailServer.start();
    t = await startTestServer(
      {
        email: {
          smtpUrl: mail.url(),
          from: 'Shop support <support@shop.example>',
          replyTo: 'replies@shop.example',
          inboundSecret: SECRET,
          inboundMaxBytes: INBOUND_MAX_BYTES,
          delaySeconds: DELAY_SECONDS,
          pollMilliseconds: 60_000,
        },
        limits: { emailRepliesPerConversation: { points: REPLIES_PER_CONVERSATION, seconds: 3600 } },
      },
      () => now,
    );
    alice = await connectAgent(t.url, (await login(t.url, t.fixture.alice.email)).tokens.accessToken);
    andy = await connectAgent(t.url, (await login(t.url, t.fixture.andy.email)).tokens.accessToken);
    adminToken = (await login(t.url, t.fixture.admin.email)).tokens.accessToken;
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(async () => {
    alice.close();
    andy.close();
    await t.stop();
    await mail.stop();
  });

  /** A visitor left a message to `address`; Alice took it and answered; the answer was emailed. */
  async function answeredByEmail(address: string, language = 'en') {
    const { session, visitor, conversation } = await visitorWithConversation(t, {
      pageUrl: 'https://shop.example/cart',
      language,
    });
    await sendMessage(visitor, conversation.id, 'Where is my parcel?');
    unwrap((await leaveMessage(t.url, session.visitorToken, conversation.id, { email: address })).body);
    visitor.disconnect();
    unwrap(await request(alice, 'conversation:take', { conversationId: conversation.id }));
    await sendMessage(alice, conversation.id, 'It left our warehouse today.');
    now += DELAY_SECONDS * 1000;
    const outbox = t.server.components.answerEmails;
    if (!outbox) throw new Error('email is configured in this suite');
    const received = mail.received.length;
    await outbox.deliverDue();
    const email = mail.received.slice(received).find((m) => m.to && 'text' in m.to && m.to.text === address);
    if (!email) throw new Error(`no answer email to ${address}`);
    return { session, conversationId: conversation.id, email };
  }

  async function history(conversationId: string): Promise<Message[]> {
    const page = await api<{ messages: Message[] }>(t.url, `/api/conversations/${conversationId}/messages`, {
      token: adminToken,
    });
    return unwrap(page.body).messages;
  }

  async function conversation(conversationId: string): Promise<Conversation> {
    return unwrap(
      (await api<Conversation>(t.url, `/api/conversations/${conversationId}`, { token: adminToken })).body,
    );
  }

  it('tells the visitor they may reply, and where replies go', async () => {
    const { email } = await answeredByEmail('ines@example.test');
    expect(email.replyTo?.text).toBe('replies@shop.example');
    expect(email.text).toContain(
      'You can answer by replying to this email: your reply goes into the conversation.',
    );
    const status = unwrap(
      (await api<{ repliesReturn: boolean }>(t.url, '/api/admin/email', { token: adminToken })).body,
    );
    expect(status.repliesReturn).toBe(true);
    expect(JSON.stringify(status)).not.toContain(SECRET);
  });

  it('stores what the visitor wrote above the quote as their message, pushed to the agent, once', async () => {
    const { session, conversationId, email } = await answeredByEmail('jonas@example.test');
    const visitor = await connectVisitor(t.url, session.visitorToken);
    sockets.push(visitor);
    const agentSees = nextEvent<Message>(alice, 'message:new', (m) => m.conversationId === conversationId);
    const visitorSees = nextEvent<Message>(
      visitor,
      'message:new',
      (m) => m.conversationId === conversationId,
    );
    const raw = await replyTo(email, {
      from: 'Jonas <JONAS@example.test>',
      text: `Thanks! Can you send the tracking number?\n\n-- \nJonas${quoted('It left our warehouse today.')}`,
    });

    const first = await post(t.url, raw);
    expect(first.status).toBe(200);
    expect(unwrap(first.body)).toEqual({
      outcome: 'stored',
      conversationId,
      messages: 1,
      refusedFiles: [],
      reopened: false,
    });
    const pushed = await agentSees;
    expect(pushed).toMatchObject({
      sender: { kind: 'visitor' },
      body: 'Thanks! Can you send the tracking number?',
      visibility: 'all',
      via: 'email',
    });
    expect((await visitorSees).seq).toBe(pushed.seq);

    // The gateway posts it again (it did not see our answer): nothing new.
    const again = await post(t.url, raw);
    expect(unwrap(again.body)).toMatchObject({ outcome: 'duplicate', messages: 0 });
    const stored = await history(conversationId);
    expect(stored.filter((m) => m.body.startsWith('Thanks!')).map((m) => m.via)).toEqual(['email']);
    // What was written in the chats says nothing of how it came.
    expect(stored.filter((m) => m.via !== undefined)).toHaveLength(1);
    expect((await conversation(conversationId)).status).toBe('assigned');
  });

  it('reads a reply written in HTML only, and one that answers the thread without the latest id', async () => {
    const { conversationId, email } = await answeredByEmail('kim@example.test');
    const html = await replyTo(email, {
      from: 'kim@example.test',
      html: '<div>It <b>arrived</b>, thank you.</div><blockquote>It left our warehouse today.</blockquote>',
    });
    expect(unwrap((await post(t.url, html)).body).outcome).toBe('stored');
    const threadOnly = await replyTo(email, {
      from: 'kim@example.test',
      text: 'One more question.',
      inReplyTo: String(email.references),
      references: [String(email.references)],
    });
    expect(unwrap((await post(t.url, threadOnly)).body).outcome).toBe('stored');
    const visitorSaid = (await history(conversationId))
      .filter((m) => m.sender.kind === 'visitor')
      .map((m) => m.body);
    expect(visitorSaid.at(-2)).toBe('It arrived, thank you.');
    expect(visitorSaid.at(-1)).toBe('One more question.');
  });

  it('brings a resolved conversation back among the left messages for the team, and emails the next answer', async () => {
    const { conversationId, email } = await answeredByEmail('lena@example.test');
    unwrap(await request(alice, 'conversation:resolve', { conversationId }));
    const teamSees = nextEvent<Conversation>(
      andy,
      'conversation:update',
      (c) => c.id === conversationId && c.status === 'offline',
    );
    const receipt = unwrap(
      (await post(t.url, await replyTo(email, { from: 'lena@example.test', text: 'It never arrived.' })))
        .body,
    );
    expect(receipt).toMatchObject({ outcome: 'stored', messages: 1, reopened: true });
    expect(await teamSees).toMatchObject({ status: 'offline', assignee: null });
    const timeline = unwrap(
      (
        await api<TimelineEntry[]>(t.url, `/api/conversations/${conversationId}/timeline`, {
          token: adminToken,
        })
      ).body,
    );
    expect(timeline.at(-1)).toMatchObject({ kind: 'offline-message', actor: null });

    // Andy takes it from the list and answers; the answer goes out by email in the same thread.
    unwrap(await request(andy, 'conversation:take', { conversationId }));
    await sendMessage(andy, conversationId, 'We are sending a new one.');
    now += DELAY_SECONDS * 1000;
    const received = mail.received.length;
    await t.server.components.answerEmails?.deliverDue();
    const next = mail.received
      .slice(received)
      .find((m) => m.to && 'text' in m.to && m.to.text === 'lena@example.test');
    expect(next?.text).toContain('You:\n  It never arrived.\n\nAndy:\n  We are sending a new one.\n');
    expect(next?.references).toBe(`<${conversationId}@shop.example>`);
  });

  it('keeps the files the upload would accept, names the others, and leaves out a signature’s images', async () => {
    const { conversationId, email } = await answeredByEmail('mia@example.test', 'zh-CN');
    const receipt = unwrap(
      (
        await post(
          t.url,
          await replyTo(email, {
            from: 'mia@example.test',
            text: '发票在附件里。',
            html: '<p>发票在附件里。</p><img src="cid:logo@mia">',
            attachments: [
              { filename: 'receipt.pdf', content: pdf(2_000) },
              { filename: 'notes.docx', content: Buffer.from('PK\u0003\u0004 not really a document') },
              { filename: 'photo.png', content: Buffer.from('not a png at all') },
              { filename: 'logo.png', content: PNG, cid: 'logo@mia' },
            ],
          }),
        )
      ).body,
    );
    expect(receipt).toMatchObject({
      outcome: 'stored',
      messages: 2,
      refusedFiles: ['notes.docx', 'photo.png'],
    });
    const [text, file] = (await history(conversationId)).slice(-2) as [Message, Message];
    expect(text.body).toBe('发票在附件里。\n\n[文件：notes.docx，未接收]\n[文件：photo.png，未接收]');
    expect(file).toMatchObject({
      sender: { kind: 'visitor' },
      body: '',
      attachment: { fileName: 'receipt.pdf', mimeType: 'application/pdf', size: 2_000 },
    });
    const download = await fetch(`${t.url}/api/attachments/${file.attachment?.id}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf(2_000))).toBe(true);
  });

  it('keeps ten files of one email at most, naming the rest', async () => {
    const { conversationId, email } = await answeredByEmail('paul@example.test');
    const photos = Array.from({ length: 12 }, (_, i) => ({ filename: `photo-${i + 1}.png`, content: PNG }));
    const receipt = unwrap(
      (
        await post(
          t.url,
          await replyTo(email, { from: 'paul@example.test', text: 'All of them.', attachments: photos }),
        )
      ).body,
    );
    expect(receipt).toMatchObject({
      outcome: 'stored',
      messages: 11,
      refusedFiles: ['photo-11.png', 'photo-12.png'],
    });
    const stored = await history(conversationId);
    expect(stored.filter((m) => m.attachment).map((m) => m.attachment?.fileName)).toEqual(
      photos.slice(0, 10).map((p) => p.filename),
    );
    expect(stored.find((m) => m.body.startsWith('All of them.'))?.body).toBe(
      'All of them.\n\n[file: photo-11.png, not accepted]\n[file: photo-12.png, not accepted]',
    );
  });

  it('refuses, changing nothing: a wrong or missing secret, a stranger, an unknown thread, no email at all', async () => {
    const { conversationId, email } = await answeredByEmail('nora@example.test');
    const before = await history(conversationId);
    const raw = await replyTo(email, { from: 'nora@example.test', text: 'Hello?' });

    const noSecret = await post(t.url, raw, { secret: null });
    expect([noSecret.status, !noSecret.body.ok && noSecret.body.error.code]).toEqual([
      401,
      'unauthenticated',
    ]);
    const wrongSecret = await post(t.url, raw, { secret: `${SECRET}x` });
    expect([wrongSecret.status, !wrongSecret.body.ok && wrongSecret.body.error.code]).toEqual([
      401,
      'unauthenticated',
    ]);

    const stranger = await post(
      t.url,
      await replyTo(email, { from: 'mallory@example.test', text: 'Refund me.' }),
    );
    expect([stranger.status, !stranger.body.ok && stranger.body.error.code]).toEqual([403, 'forbidden']);

    const elsewhere = await replyTo(email, {
      from: 'nora@example.test',
      text: 'Hello?',
      inReplyTo: `<${conversationId}.3@other.example>`,
      references: [`<${conversationId}@other.example>`, '<unrelated@shop.example>'],
    });
    const unmatched = await post(t.url, elsewhere);
    expect([unmatched.status, !unmatched.body.ok && unmatched.body.error.code]).toEqual([404, 'not-found']);

    const notMime = await post(t.url, JSON.stringify({ from: 'nora@example.test' }), {
      contentType: 'application/json',
    });
    expect([notMime.status, !notMime.body.ok && notMime.body.error.code]).toEqual([
      415,
      'unsupported-media-type',
    ]);
    const noSender = await post(t.url, 'Subject: hello\r\n\r\nno sender here\r\n');
    expect([noSender.status, !noSender.body.ok && noSender.body.error.code]).toEqual([
      400,
      'invalid-payload',
    ]);
    const huge = await replyTo(email, {
      from: 'nora@example.test',
      text: 'See attached.',
      attachments: [{ filename: 'big.pdf', content: pdf(INBOUND_MAX_BYTES) }],
    });
    const tooLarge = await post(t.url, huge);
    expect([tooLarge.status, !tooLarge.body.ok && tooLarge.body.error.code]).toEqual([
      413,
      'payload-too-large',
    ]);
    // The secret is checked before the body is read: a stranger's huge post is not read at all.
    const unread = await post(t.url, huge, { secret: `${SECRET}x` });
    expect([unread.status, !unread.body.ok && unread.body.error.code]).toEqual([401, 'unauthenticated']);

    expect(await history(conversationId)).toEqual(before);
  });

  it('stores a few replies by email an hour per conversation, then tells the gateway to retry later, storing nothing', async () => {
    const { conversationId, email } = await answeredByEmail('pia@example.test');
    const reply = (n: number) =>
      replyTo(email, {
        from: 'pia@example.test',
        text: `Reply number ${n}${quoted('It left our warehouse today.')}`,
      });
    const first = await reply(1);
    expect(unwrap((await post(t.url, first)).body).outcome).toBe('stored');
    for (let n = 2; n <= REPLIES_PER_CONVERSATION; n++) {
      expect(unwrap((await post(t.url, await reply(n))).body).outcome).toBe('stored');
    }
    const before = await history(conversationId);

    const over = await post(t.url, await reply(REPLIES_PER_CONVERSATION + 1));
    expect([over.status, !over.body.ok && over.body.error.code]).toEqual([429, 'rate-limited']);
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    expect(Number(over.retryAfter)).toBeLessThanOrEqual(3600);
    expect(await history(conversationId)).toEqual(before);
    // A redelivery of a stored reply is still answered as such, not refused.
    expect(unwrap((await post(t.url, first)).body).outcome).toBe('duplicate');
    // Another conversation has its own allowance.
    const other = await answeredByEmail('quinn@example.test');
    const theirs = await replyTo(other.email, { from: 'quinn@example.test', text: 'Thank you!' });
    expect(unwrap((await post(t.url, theirs)).body).outcome).toBe('stored');
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/switchboard_inbound_emails_total\{outcome="rate-limited"\} 1\b/);
  });

  it('ignores an autoresponder and a reply with nothing written above the quote', async () => {
    const { conversationId, email } = await answeredByEmail('otto@example.test');
    const before = (await history(conversationId)).length;
    const away = await replyTo(email, {
      from: 'otto@example.test',
      text: 'I am out of the office until Monday.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(unwrap((await post(t.url, away)).body)).toMatchObject({ outcome: 'ignored', messages: 0 });
    const empty = await replyTo(email, {
      from: 'otto@example.test',
      text: quoted('It left our warehouse today.'),
    });
    expect(unwrap((await post(t.url, empty)).body)).toMatchObject({ outcome: 'ignored', messages: 0 });
    expect(await history(conversationId)).toHaveLength(before);
  });

  it('tells the answer’s author that the email bounced, with the mail server’s words, once', async () => {
    const { conversationId, email } = await answeredByEmail('nobody@example.test');

    const delayed = await post(
      t.url,
      deliveryReport(email, { recipient: 'nobody@example.test', action: 'delayed' }),
    );
    expect(unwrap(delayed.body)).toMatchObject({ outcome: 'ignored', messages: 0 });
    const other = await post(
      t.url,
      deliveryReport(email, { recipient: 'someone@example.test', action: 'failed' }),
    );
    expect([other.status, !other.body.ok && other.body.error.code]).toEqual([403, 'forbidden']);

    const note = nextEvent<Message>(alice, 'message:new', (m) => m.conversationId === conversationId);
    const report = deliveryReport(email, { recipient: 'nobody@example.test', action: 'failed' });
    expect(unwrap((await post(t.url, report)).body)).toEqual({
      outcome: 'bounced',
      conversationId,
      messages: 1,
      refusedFiles: [],
      reopened: false,
    });
    expect(await note).toMatchObject({
      sender: { kind: 'system', id: t.fixture.alice.id },
      visibility: 'agents',
      systemEvent: {
        code: 'email-failed',
        to: 'nobody@example.test',
        reason: '5.1.1 550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown',
      },
    });
    expect(unwrap((await post(t.url, report)).body).outcome).toBe('duplicate');
  });
});

describe('a server without an inbound secret', () => {
  it('has no inbound endpoint, and its emails do not invite a reply', async () => {
    const t = await startTestServer();
    try {
      const response = await post(t.url, 'From: a@example.test\r\n\r\nhi\r\n');
      expect([response.status, !response.body.ok && response.body.error.code]).toEqual([404, 'not-found']);
      const status = unwrap(
        (
          await api<{ repliesReturn: boolean }>(t.url, '/api/admin/email', {
            token: (await login(t.url, t.fixture.admin.email)).tokens.accessToken,
          })
        ).body,
      );
      expect(status.repliesReturn).toBe(false);
    } finally {
      await t.stop();
    }
  });
});
