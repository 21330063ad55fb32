import type { Logger } from 'pino';
import { type Config, emailDestination } from '../config/config.js';
import { AnswerEmails } from '../domain/email/answer-emails.js';
import { type EmailAdmin, emailAdmin } from '../domain/email/email-admin.js';
import type { Metrics } from '../observability/metrics.js';
import type { Db } from '../store/open-sqlite.js';
import type { AttachmentRecord, ConversationRecord, MessageRecord } from '../store/records.js';
import { createMailer } from './create-mailer.js';

type Recorded = (conversation: ConversationRecord, message: MessageRecord) => void;

export interface EmailRunner {
  /** The answer-email outbox; null when no email is configured. */
  answerEmails: AnswerEmails | null;
  admin: EmailAdmin;
  /** A system message recorded an email for the staff: the transport pushes it. */
  onRecorded(listener: Recorded): void;
  /** Stops polling, lets a send in flight finish and be recorded, closes the connection. */
  close(): Promise<void>;
}

/** The configured mailer, its answer-email outbox polled every `pollMilliseconds`, and the admin's view. */
export function startEmail(
  config: Config['email'],
  db: Db,
  clock: () => number,
  logger: Logger,
  metrics: Metrics,
  /** Where the attachment store keeps a file: the staff's files go with their answers. */
  attachmentPath: (record: AttachmentRecord) => string,
): EmailRunner {
  const listeners: Recorded[] = [];
  const mailer = createMailer(config);
  const idDomain = emailIdDomain(config.from);
  const admin = emailAdmin(
    mailer,
    {
      destination: emailDestination(config),
      from: config.from,
      delaySeconds: config.delaySeconds,
      attachmentMaxBytes: config.attachmentMaxBytes,
      repliesReturn: config.inboundSecret !== undefined,
      replyTo: config.replyTo ?? null,
    },
    idDomain,
  );
  if (!mailer)
    return { answerEmails: null, admin, onRecorded: () => undefined, close: async () => undefined };
  const options = {
    delaySeconds: config.delaySeconds,
    retrySeconds: config.retrySeconds,
    maxAttempts: config.maxAttempts,
    idDomain,
    attachmentMaxBytes: config.attachmentMaxBytes,
    attachmentPath,
    repliesReturn: config.inboundSecret !== undefined,
  };
  const answerEmails = new AnswerEmails(db, mailer, options, clock, logger, {
    recorded: (conversation, message) => {
      for (const listener of listeners) listener(conversation, message);
    },
    outcome: (outcome) => metrics.emails.inc({ outcome }),
  });
  const poller = setInterval(() => {
    answerEmails
      .deliverDue()
      .catch((error: unknown) => logger.error({ err: error }, 'emailing answers failed'));
  }, config.pollMilliseconds).unref();
  return {
    answerEmails,
    admin,
    onRecorded: (listener) => listeners.push(listener),
    close: async () => {
      clearInterval(poller);
      await answerEmails.idle();
      mailer.close();
    },
  };
}

/** The domain of the sender's address (`Name <a@b>` or `a@b`), for the emails' message ids. */
export function emailIdDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'switchboard.local';
}
