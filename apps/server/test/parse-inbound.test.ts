import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../src/domain/errors.js';
import { parseInboundEmail, visibleReply } from '../src/email/parse-inbound.js';

/** A raw email with the given headers and plain-text body. */
function raw(headers: Record<string, string>, body: string): Buffer {
  const lines = Object.entries({ From: 'Jonas <jonas@example.test>', Subject: 'Re: x', ...headers }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body.replace(/\n/g, '\r\n')}`);
}

describe('what a visitor wrote in a reply', () => {
  it.each([
    [
      'an English quote header',
      'Thanks!\n\nOn Sat, 5 Dec 2026 at 10:00, Shop <r@shop.example> wrote:\n> Hi\n',
    ],
    ['a Chinese quote header', 'Thanks!\n\n在 2026年12月5日 10:00，Shop <r@shop.example> 写道：\n> 您好\n'],
    ['an Outlook original message', 'Thanks!\n\n-----Original Message-----\nFrom: Shop\nSent: today\n\nHi\n'],
    [
      'an Outlook header block',
      'Thanks!\n\nFrom: Shop <r@shop.example>\nSent: Saturday\nTo: jonas\nSubject: x\n\nHi\n',
    ],
    ['a signature', 'Thanks!\n\n-- \nJonas\nSent from my phone\n'],
    ['Windows line ends', 'Thanks!\r\n\r\nOn Sat, 5 Dec 2026, Shop wrote:\r\n> Hi\r\n'],
  ])('leaves out %s', (_label, text) => {
    expect(visibleReply(text)).toBe('Thanks!');
  });

  it('keeps several paragraphs of their own', () => {
    expect(visibleReply('First.\n\nSecond.\n')).toBe('First.\n\nSecond.');
  });

  it('keeps a long paragraph whole, though the parser reads it in pieces', () => {
    const words = fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 800 });
    fc.assert(
      fc.property(words, (list) => {
        const paragraph = list.join(' ');
        expect(visibleReply(`${paragraph}\n\nOn Sat, Shop wrote:\n> Hi`)).toBe(paragraph);
      }),
      { numRuns: 200 },
    );
  });

  it('reads lines too long to scan whole, spaces or none, and only the start of a huge text', () => {
    // A few words, then no space for thousands of characters: each piece still moves on.
    const unbroken = `See ${'x'.repeat(5_000)}`;
    expect(visibleReply(unbroken)).toBe(unbroken);
    expect(visibleReply(`${' '.repeat(50_000)}Hi`)).toBe('');
    const huge = `${'Yes. '.repeat(4_000)}\n\nOn Sat, Shop wrote:\n> Hi`;
    expect(visibleReply(huge)).toBe('Yes. '.repeat(2_000).trim());
  });
});

describe('reading a raw email', () => {
  it('takes the sender in lower case, the ids it answers in order, and its message id', async () => {
    const email = await parseInboundEmail(
      raw(
        {
          'Message-ID': '<m1@mail.example.test>',
          'In-Reply-To': '<c.4@shop.example>',
          References: '<c@shop.example> <c.4@shop.example>',
        },
        'Hello',
      ),
    );
    expect(email).toMatchObject({
      from: 'jonas@example.test',
      messageId: '<m1@mail.example.test>',
      references: ['<c.4@shop.example>', '<c@shop.example>', '<c.4@shop.example>'],
      text: 'Hello',
      automatic: false,
      files: [],
    });
  });

  it('reads an HTML-only email as text, links and images left out, and only the start of its markup', async () => {
    const html = (markup: string) => raw({ 'Content-Type': 'text/html; charset=utf-8' }, markup);
    const reply = await parseInboundEmail(
      html('<div>It <b>arrived</b>, see <a href="https://x.test">the photo</a>.<img src="cid:p"></div>'),
    );
    expect(reply.text).toBe('It arrived, see the photo.');
    // What comes after the first 50,000 characters of markup is not read.
    const late = await parseInboundEmail(html(`<div style="${'x'.repeat(60_000)}">Hello</div>`));
    expect(late.text).toBe('');
    expect((await parseInboundEmail(html(`<div style="${'x'.repeat(40_000)}">Hello</div>`))).text).toBe(
      'Hello',
    );
  });

  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }, true],
    [{ 'Auto-Submitted': 'no' }, false],
    [{ 'X-Autoreply': 'yes' }, true],
    [{ Precedence: 'bulk' }, true],
    [{ Precedence: 'first-class' }, false],
  ])('tells an automatic reply by its headers: %o', async (headers, automatic) => {
    expect((await parseInboundEmail(raw(headers, 'Away'))).automatic).toBe(automatic);
  });

  it.each([
    ['no From', 'Subject: x\r\n\r\nhello'],
    ['a From without an address', 'From: #<$\r\nSubject: x\r\n\r\nhello'],
  ])('refuses an email with %s', async (_label, text) => {
    await expect(parseInboundEmail(Buffer.from(text))).rejects.toMatchObject({ code: 'invalid-payload' });
  });

  it('reads any bytes as an email or refuses them as invalid-payload, nothing else (SECURITY S8)', async () => {
    const header = fc.tuple(
      fc.constantFrom('From', 'References', 'In-Reply-To', 'Content-Type', 'Auto-Submitted', 'X-Junk'),
      fc.string({ maxLength: 80 }),
    );
    const email = fc.oneof(
      fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
      fc
        .tuple(fc.array(header, { maxLength: 6 }), fc.string({ maxLength: 500 }))
        .map(([headers, body]) => raw(Object.fromEntries(headers), body)),
    );
    await fc.assert(
      fc.asyncProperty(email, async (bytes) => {
        try {
          const parsed = await parseInboundEmail(bytes);
          expect(parsed.from).toMatch(/^[^@\s]+@[^@\s]+$/);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe('invalid-payload');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a delivery status notification: the returned email, the recipient, whether it failed', async () => {
    const report = (action: string) =>
      raw(
        {
          From: 'MAILER-DAEMON@mail.example.test',
          'Content-Type': 'multipart/report; report-type=delivery-status; boundary="B"',
        },
        [
          '--B',
          'Content-Type: text/plain',
          '',
          'Your message could not be delivered.',
          '--B',
          'Content-Type: message/delivery-status',
          '',
          'Reporting-MTA: dns; mail.example.test',
          '',
          'Final-Recipient: rfc822; Nobody@Example.test',
          `Action: ${action}`,
          'Status: 5.2.2',
          'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full',
          '--B',
          'Content-Type: message/rfc822',
          '',
          'From: Shop <support@shop.example>',
          'Message-ID: <c.4@shop.example>',
          '',
          'Hello',
          '--B--',
        ].join('\n'),
      );
    expect((await parseInboundEmail(report('failed'))).bounce).toEqual({
      originalMessageId: '<c.4@shop.example>',
      recipients: ['nobody@example.test'],
      failed: true,
      status: '5.2.2',
      diagnostic: '552 5.2.2 Mailbox full',
    });
    expect((await parseInboundEmail(report('delayed'))).bounce?.failed).toBe(false);
    expect((await parseInboundEmail(raw({}, 'Action: failed'))).bounce).toBeNull();
  });
});
