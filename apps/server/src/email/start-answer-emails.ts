import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { AnswerEmails } from '../domain/email/answer-emails.js';
import type { Metrics } from '../observability/metrics.js';
import type { Db } from '../store/open-sqlite.js';
import type { ConversationRecord, MessageRecord } from '../store/records.js';
import { createMailer } from './create-mailer.js';

type Recorded = (conversation: ConversationRecord, message: MessageRecord) => void;

export interface AnswerEmailRunner {
  /** Null when no email is configured. */
  answerEmails: AnswerEmails | null;
  /** A system message recorded an email for the staff: the transport pushes it. */
  onRecorded(listener: Recorded): void;
  /** Stops polling, lets a send in flight finish and be recorded, closes the connection. */
  close(): Promise<void>;
}

/** The answer-email outbox over the configured mailer, polled every `pollMilliseconds`. */
export function startAnswerEmails(
  config: Config['email'],
  db: Db,
  clock: () => number,
  logger: Logger,
  metrics: Metrics,
): AnswerEmailRunner {
  const listeners: Recorded[] = [];
  const mailer = createMailer(config);
  if (!mailer) return { answerEmails: null, onRecorded: () => undefined, close: async () => undefined };
  const options = {
    delaySeconds: config.delaySeconds,
    retrySeconds: config.retrySeconds,
    maxAttempts: config.maxAttempts,
    idDomain: domainOf(config.from),
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
    onRecorded: (listener) => listeners.push(listener),
    close: async () => {
      clearInterval(poller);
      await answerEmails.idle();
      mailer.close();
    },
  };
}

/** The domain of the sender's address (`Name <a@b>` or `a@b`), for the emails' message ids. */
function domainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'switchboard.local';
}
