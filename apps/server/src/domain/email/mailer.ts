/** A file sent with an email, read from the attachment store when the email goes out. */
export interface EmailAttachment {
  fileName: string;
  contentType: string;
  path: string;
}

/** One plain-text email to a visitor. */
export interface Email {
  to: string;
  subject: string;
  text: string;
  attachments: EmailAttachment[];
  /** The same for the same content, so a copy sent again after a crash reads as the same email. */
  messageId: string;
  /** The conversation's thread: every email of one conversation names it. */
  threadId: string;
}

/**
 * A send that failed; `permanent` when trying again cannot help (the mail server said 5xx);
 * `tooLarge` when the mail server refused the message for its size (552, 5.3.4): the same email
 * without its files may go through.
 */
export class EmailFailure extends Error {
  override name = 'EmailFailure';

  constructor(
    message: string,
    readonly permanent: boolean,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/** Where emails go: an SMTP server, or a directory of `.eml` files. */
export interface Mailer {
  /** Resolves once the mail server accepted the email; rejects with an EmailFailure. */
  send(email: Email): Promise<void>;
  close(): void;
}
