import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/config.js';
import { createMailer } from '../src/email/create-mailer.js';

describe('the demo’s mailbox', () => {
  it('writes each email as an .eml file that mail programs read', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'switchboard-mail-'));
    const mailer = createMailer(
      parseConfig({ email: { directory, from: 'Shop <help@shop.example>' } }).email,
    );
    if (!mailer) throw new Error('a directory is a mailer');
    await mailer.send({
      to: 'grace@example.test',
      subject: 'Re: your message to Shop',
      text: 'Hello Grace,\n',
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
    expect(createMailer(parseConfig({}).email)).toBeNull();
  });
});
