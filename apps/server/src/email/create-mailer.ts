import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config/config.js';
import { type Email, EmailFailure, type Mailer } from '../domain/email/mailer.js';

type Transport = ReturnType<typeof nodemailer.createTransport>;

/** The configured way out for email, or null when none is configured (nothing is emailed). */
export function createMailer(config: Config['email']): Mailer | null {
  const sender = { from: config.from, replyTo: config.replyTo };
  if (config.smtpUrl) return smtpMailer(config.smtpUrl, sender);
  if (config.directory) return directoryMailer(path.resolve(config.directory), sender);
  return null;
}

/** Who the emails are from, and where replies go (`from` when no `replyTo` is set). */
interface Sender {
  from: string;
  replyTo: string | undefined;
}

function smtpMailer(url: string, sender: Sender): Mailer {
  const transport = nodemailer.createTransport({
    url,
    // A pass waits for each send: a mail server that hangs must not hold the outbox for minutes.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(email) {
      try {
        await transport.sendMail(message(email, sender));
      } catch (error) {
        throw asFailure(error);
      }
    },
    close: () => transport.close(),
  };
}

/** Each email as an `.eml` file, named by when it was written and its conversation. */
function directoryMailer(directory: string, sender: Sender): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(email) {
      try {
        const info = await transport.sendMail(message(email, sender));
        await mkdir(directory, { recursive: true });
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${email.messageId.replace(/[^\w.-]/g, '')}.eml`;
        await writeFile(path.join(directory, name), info.message as Buffer);
      } catch (error) {
        throw asFailure(error);
      }
    },
    close: () => transport.close(),
  };
}

function message(email: Email, sender: Sender): Parameters<Transport['sendMail']>[0] {
  return {
    from: sender.from,
    ...(sender.replyTo === undefined ? {} : { replyTo: sender.replyTo }),
    to: email.to,
    subject: email.subject,
    text: email.text,
    attachments: email.attachments.map((file) => ({
      filename: file.fileName,
      contentType: file.contentType,
      path: file.path,
    })),
    messageId: email.messageId,
    inReplyTo: email.threadId,
    references: email.threadId,
  };
}

/**
 * A refusal of this email (5xx to the recipient or the message) is permanent; wrong credentials
 * are not, though the server says 535: the admin fixes them and the queue goes out. A message
 * refused for its size (552, or the enhanced status 5.3.4) is too large.
 */
function asFailure(error: unknown): EmailFailure {
  const e = error as { message?: string; permanent?: boolean; code?: string; responseCode?: number };
  const message = e.message ?? String(error);
  const tooLarge = e.responseCode === 552 || /\b5\.3\.4\b/.test(message);
  return new EmailFailure(message, e.permanent === true && e.code !== 'EAUTH', tooLarge);
}
