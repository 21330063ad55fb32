import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../src/domain/errors.js';
import { decodeHere } from '../src/email/decode-email.js';
import { MailDecoderThread } from '../src/email/mail-decoder-thread.js';
import { parseInboundEmail } from '../src/email/parse-inbound.js';
import { PNG, pdf } from './support/files.js';

const mailer = nodemailer.createTransport({ streamTransport: true, buffer: true });
const build = async (mail: Parameters<typeof mailer.sendMail>[0]) =>
  (await mailer.sendMail(mail)).message as Buffer;

const emails = async () => [
  await build({
    from: 'Jonas <JONAS@example.test>',
    to: 'replies@shop.example',
    inReplyTo: '<c1.3@shop.example>',
    references: ['<c1@shop.example>', '<c1.3@shop.example>'],
    subject: 'Re: your parcel',
    text: 'Thanks!\n\nOn Sat, Shop wrote:\n> It left today.',
    attachments: [
      { filename: 'photo.png', content: PNG },
      // Large enough to own its memory, so it moves from the thread instead of being copied.
      { filename: 'invoice.pdf', content: pdf(300_000) },
    ],
  }),
  await build({
    from: 'lena@example.test',
    to: 'replies@shop.example',
    subject: 'Re: hello',
    html: '<p>Only <b>HTML</b> here</p><blockquote>On Sat, Shop wrote: hi</blockquote>',
  }),
];

describe('decoding emails on a thread of its own', () => {
  const thread = new MailDecoderThread({ error: () => undefined });
  afterAll(() => thread.close());

  it('reads every email exactly as decoding on the server’s own thread does, files byte for byte', async () => {
    for (const raw of await emails()) {
      const there = await parseInboundEmail(raw, thread.decode);
      const here = await parseInboundEmail(raw, decodeHere);
      expect(there).toEqual(here);
      for (const file of there.files) expect(Buffer.isBuffer(file.bytes)).toBe(true);
    }
    const [withFiles] = await emails();
    const read = await parseInboundEmail(withFiles as Buffer, thread.decode);
    expect(read.files.map((f) => f.fileName)).toEqual(['photo.png', 'invoice.pdf']);
    expect(read.files[0]?.bytes.equals(PNG)).toBe(true);
    expect(read.files[1]?.bytes.equals(pdf(300_000))).toBe(true);
  });

  it('decodes several emails at once, each answered with its own', async () => {
    const list = await emails();
    const many = await Promise.all(
      [...list, ...list, ...list].map((raw) => parseInboundEmail(raw, thread.decode)),
    );
    expect(many.map((email) => email.from)).toEqual(
      Array(3).fill(['jonas@example.test', 'lena@example.test']).flat(),
    );
  });

  it('fails the emails in hand when the thread stops, and starts a new thread for the next', async () => {
    const [raw] = await emails();
    const inHand = thread.decode(raw as Buffer).then(
      () => null,
      (e: unknown) => e,
    );
    await thread.close();
    const error = await inHand;
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('unavailable');
    expect((await parseInboundEmail(raw as Buffer, thread.decode)).from).toBe('jonas@example.test');
  });
});
