import { randomUUID } from 'node:crypto';
import type { EmailStatus, EmailTestResult } from '@switchboard/protocol';
import { DomainError } from '../errors.js';
import { EmailFailure, type Mailer } from './mailer.js';

/** What the admin area sees of the server's email: where it goes, and a test to one's own address. */
export interface EmailAdmin {
  status(): EmailStatus;
  /**
   * Resolves once the mail server has accepted a test email to `to`; no email configured or a
   * failed send is an `unavailable` DomainError (`details.reason`: the mail server's words).
   */
  sendTest(to: string): Promise<EmailTestResult>;
}

export function emailAdmin(
  mailer: Mailer | null,
  status: EmailStatus,
  /** The right-hand side of the test email's message id. */
  idDomain: string,
): EmailAdmin {
  return {
    status: () => status,
    sendTest: async (to) => {
      if (!mailer || status.destination === null) {
        throw new DomainError(
          'unavailable',
          'This server sends no email: set email.smtpUrl in its configuration.',
        );
      }
      const id = `<test.${randomUUID()}@${idDomain}>`;
      try {
        await mailer.send({
          to,
          subject: 'Switchboard test email',
          text: `This is a test email from Switchboard, sent from the admin area.\n\nAnswers to left messages go out the same way: through ${status.destination}, from ${status.from}.\n`,
          attachments: [],
          messageId: id,
          threadId: id,
        });
      } catch (error) {
        const reason = error instanceof EmailFailure ? error.message : String(error);
        throw new DomainError('unavailable', `The mail server did not take the test email: ${reason}`, {
          reason,
        });
      }
      return { to, destination: status.destination };
    },
  };
}
