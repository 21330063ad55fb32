import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export const SMTP_USER = 'switchboard';
const SMTP_PASSWORD = 'smtp-password-never-logged';

/**
 * A real SMTP server (smtp-server) on a local port: it asks for a login, keeps what it receives,
 * parsed, and can refuse a recipient for good (550), refuse a message over a size (552, 5.3.4, as
 * Postfix does) or stop and start again on the same port, as a mail server that is down for a while.
 */
export class MailServer {
  readonly received: ParsedMail[] = [];
  /** Recipients refused with 550. */
  readonly refused = new Set<string>();
  /** Messages larger than this many bytes are refused with 552; none when undefined. */
  maxMessageBytes: number | undefined;
  #server: SMTPServer | undefined;
  #port = 0;

  static async start(): Promise<MailServer> {
    const mail = new MailServer();
    await mail.resume();
    return mail;
  }

  /** `smtp://user:password@127.0.0.1:port`, with the given password. */
  url(password = SMTP_PASSWORD): string {
    return `smtp://${SMTP_USER}:${encodeURIComponent(password)}@127.0.0.1:${this.#port}`;
  }

  /** Resolves with the next email received, or rejects after `timeoutMs`. */
  async next(timeoutMs = 5_000): Promise<ParsedMail> {
    const count = this.received.length;
    const deadline = Date.now() + timeoutMs;
    while (this.received.length === count) {
      if (Date.now() > deadline) throw new Error(`no email within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.received[count] as ParsedMail;
  }

  /** Listens (again, on the same port after a `stop`). */
  async resume(): Promise<void> {
    const server = new SMTPServer({
      // Plain SMTP on loopback: no certificate to trust, so no STARTTLS offered.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) {
          callback(null, { user: auth.username });
        } else {
          callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
        }
      },
      onRcptTo: (address, _session, callback) => {
        if (this.refused.has(address.address)) {
          callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
        } else {
          callback();
        }
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const message = Buffer.concat(chunks);
          if (this.maxMessageBytes !== undefined && message.length > this.maxMessageBytes) {
            const refusal = '5.3.4 Message size exceeds fixed maximum message size';
            callback(Object.assign(new Error(refusal), { responseCode: 552 }));
            return;
          }
          simpleParser(message).then(
            (parsed) => {
              this.received.push(parsed);
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => resolve());
    });
    this.#port = (server.server.address() as AddressInfo).port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
