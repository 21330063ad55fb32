import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/config.js';
import { createMailer } from '../src/email/create-mailer.js';

describe('the demo’s mailbox', () => {
  it('writes each email as an .eml file that mail programs read, with its files', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'switchboard-mail-'));
    const stored = path.join(mkdtempSync(path.join(tmpdir(), 'switchboard-files-')), 'a1b2');
    const pdf = Buffer.from('%PDF-1.4\n% an invoice\n');
    writeFileSync(stored, pdf);
    const mailer = createMailer(
      parseConfig({ email: { directory, from: 'Shop <help@shop.example>' } }).email,
    );
    if (!mailer) throw new Error('a directory is a mailer');
    await mailer.send({
      to: 'grace@example.test',
      subject: 'Re: your message to Shop',
      text: 'Hello Grace,\n',
      attachments: [{ fileName: 'invoice 12.pdf', contentType: 'application/pdf', path: stored }],
      messageId: '<c.3@shop.example>',
      threadId: '<c@shop.example>',
    });
    mailer.close();
    const [file] = readdirSync(directory);
    expect(file).toMatch(/\.eml$/);
    const parsed = await simpleParser(readFileSync(path.join(directory, file as string)));
    expect(parsed).toMatchObject({
      subject: 'Re: your message to Shop',
      text: 'Hello Grace,\n',
      messageId: '<c.3@shop.example>',
      inReplyTo: '<c@shop.example>',
    });
    // Named as the staff named it, not as the store keeps it.
    expect(
      parsed.attachments.map((a) => ({ name: a.filename, type: a.contentType, bytes: a.content })),
    ).toEqual([{ name: 'invoice 12.pdf', type: 'application/pdf', bytes: pdf }]);
    expect(createMailer(parseConfig({}).email)).toBeNull();
  });
});
