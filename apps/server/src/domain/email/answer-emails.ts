import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import type { SystemEvent } from '@switchboard/protocol';
import type { Logger } from 'pino';
import {
  type DueAnswerEmail,
  dueAnswerEmails,
  retryAnswerEmail,
  settleAnswerEmail,
} from '../../store/answer-emails.js';
import { getConversation } from '../../store/conversations.js';
import { appendMessage, messagesAfter } from '../../store/messages.js';
import type { Db } from '../../store/open-sqlite.js';
import type { AttachmentRecord, ConversationRecord, MessageRecord } from '../../store/records.js';
import { getWidget } from '../../store/widgets.js';
import { systemEventText } from '../system-events.js';
import { answerEmailText } from './answer-email-text.js';
import { answerEmailId, threadId } from './email-ids.js';
import { type EmailAttachment, EmailFailure, type Mailer } from './mailer.js';

export interface AnswerEmailOptions {
  delaySeconds: number;
  retrySeconds: number;
  maxAttempts: number;
  /** The right-hand side of the emails' message ids (the sender's domain). */
  idDomain: string;
  /** The staff's files go with the email up to this many bytes in all (in order); 0 for none. */
  attachmentMaxBytes: number;
  /** Where the attachment store keeps a file. */
  attachmentPath(record: AttachmentRecord): string;
  /** Replies to the emails come back into the conversation: the email says so. */
  repliesReturn: boolean;
}

/** How an email went, for the metrics. */
export type AnswerEmailOutcome = 'sent' | 'read-in-chat' | 'retry' | 'failed';

export interface AnswerEmailEvents {
  /** A system message recorded it for the staff (`email-sent`, `email-failed`). */
  recorded(conversation: ConversationRecord, message: MessageRecord): void;
  outcome(outcome: AnswerEmailOutcome): void;
}

/** Due emails taken per pass; the rest wait for the next one. */
const BATCH = 20;
/** What of the stretch since the last email is quoted, at most. */
const QUOTED_MESSAGES = 50;
const LONGEST_RETRY_SECONDS = 3600;
/** As much of a mail server's words as a failure note keeps. */
export const FAILURE_REASON_LENGTH = 300;

/**
 * Emails the staff's answers to a left message to the address the visitor gave (`replyTo`).
 * An answer is queued in its own transaction (`dueAt`); a pass sends what is due: the stretch of
 * the conversation since the last email, unless the visitor has read the answers in the chat
 * meanwhile. Temporary failures are retried with back-off; a permanent one, or the last try,
 * is recorded for the staff as a system message, and so is each email sent.
 *
 * Delivery is at least once: a crash between the mail server's acceptance and the record sends
 * the email again after the restart, with the same message id.
 */
export class AnswerEmails {
  #pass: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly options: AnswerEmailOptions,
    private readonly clock: () => number,
    private readonly logger: Logger,
    private readonly events: AnswerEmailEvents,
  ) {}

  /** When an answer written now is to be emailed. */
  dueAt(): string {
    return new Date(this.clock() + this.options.delaySeconds * 1000).toISOString();
  }

  /** Sends what is due; a call during a pass waits for that pass instead of starting another. */
  deliverDue(): Promise<void> {
    this.#pass ??= this.#deliverAll().finally(() => {
      this.#pass = null;
    });
    return this.#pass;
  }

  /** Resolves once the pass in flight, if any, has finished: before the store closes. */
  async idle(): Promise<void> {
    await this.#pass;
  }

  async #deliverAll(): Promise<void> {
    const due = await dueAnswerEmails(this.db, new Date(this.clock()).toISOString(), BATCH);
    for (const email of due) {
      try {
        await this.#deliver(email);
      } catch (error) {
        this.logger.error({ err: error, conversationId: email.conversationId }, 'answer email failed');
      }
    }
  }

  async #deliver(due: DueAnswerEmail): Promise<void> {
    const { conversationId } = due;
    const requeueAt = this.dueAt();
    const conversation = await getConversation(this.db, conversationId);
    const visible = await messagesAfter(this.db, conversationId, due.emailedSeq, 500, true);
    const upTo = visible.at(-1)?.seq ?? due.emailedSeq;
    // A supervisor's joining is the chat's business, not the email's.
    const stretch = visible.filter((m) => m.senderKind !== 'system');
    const lastAnswer = stretch.findLast((m) => m.senderKind === 'agent');
    if (!conversation?.replyTo || !lastAnswer) {
      await settleAnswerEmail(this.db, conversationId, upTo, { advance: false, requeueAt });
      return;
    }
    if (due.visitorReadSeq >= lastAnswer.seq) {
      await settleAnswerEmail(this.db, conversationId, upTo, { advance: true, requeueAt });
      this.events.outcome('read-in-chat');
      return;
    }
    const answers = stretch.filter((m) => m.senderKind === 'agent').length;
    const to = conversation.replyTo;
    const widget = await getWidget(this.db, conversation.widgetId);
    const quoted = stretch.slice(-QUOTED_MESSAGES);
    const send = (attachments: Map<string, EmailAttachment>) =>
      this.mailer.send({
        to,
        ...answerEmailText({
          language: conversation.attributes.language,
          visitorName: conversation.visitorName,
          siteName: widget?.name ?? '',
          pageUrl: conversation.attributes.pageUrl,
          messages: quoted,
          shortened: stretch.length > QUOTED_MESSAGES,
          attached: new Set(attachments.keys()),
          repliesReturn: this.options.repliesReturn,
        }),
        attachments: [...attachments.values()],
        messageId: answerEmailId(conversationId, upTo, this.options.idDomain),
        threadId: threadId(conversationId, this.options.idDomain),
      });
    let sent: Map<string, EmailAttachment>;
    try {
      sent = await this.#sendFitting(conversationId, await this.#filesToAttach(quoted), send);
    } catch (error) {
      const failure = error instanceof EmailFailure ? error : new EmailFailure(String(error), false);
      const attempts = due.attempts + 1;
      if (!failure.permanent && attempts < this.options.maxAttempts) {
        const wait = Math.min(this.options.retrySeconds * 2 ** (attempts - 1), LONGEST_RETRY_SECONDS);
        const retryAt = new Date(this.clock() + wait * 1000).toISOString();
        await retryAnswerEmail(this.db, conversationId, attempts, retryAt, failure.message);
        this.logger.warn(
          { conversationId, attempts, reason: failure.message },
          'answer email will be retried',
        );
        this.events.outcome('retry');
        return;
      }
      await settleAnswerEmail(this.db, conversationId, upTo, { advance: false, requeueAt });
      this.logger.warn({ conversationId, attempts, reason: failure.message }, 'answer email given up');
      this.events.outcome('failed');
      const reason = failure.message.slice(0, FAILURE_REASON_LENGTH);
      await this.#record(conversation, lastAnswer, { code: 'email-failed', to, reason });
      return;
    }
    await settleAnswerEmail(this.db, conversationId, upTo, { advance: true, requeueAt });
    this.logger.info({ conversationId, answers }, 'answer email sent');
    this.events.outcome('sent');
    await this.#record(conversation, lastAnswer, {
      code: 'email-sent',
      to,
      answers,
      files: sent.size,
    });
  }

  /**
   * Sends the email with its files; one the mail server refuses for its size goes again at once
   * without them (the text then names them, to open in the chat). Resolves with the files sent.
   */
  async #sendFitting(
    conversationId: string,
    files: Map<string, EmailAttachment>,
    send: (files: Map<string, EmailAttachment>) => Promise<void>,
  ): Promise<Map<string, EmailAttachment>> {
    try {
      await send(files);
      return files;
    } catch (error) {
      if (!(error instanceof EmailFailure && error.tooLarge && files.size > 0)) throw error;
      this.logger.warn(
        { conversationId, reason: error.message },
        'answer email too large: sent without its files',
      );
      const none = new Map<string, EmailAttachment>();
      await send(none);
      return none;
    }
  }

  /**
   * The staff's files among the quoted messages, by attachment id: oldest first, each that still
   * fits in the limit. The visitor has their own files; a file gone from the store is
   * left out rather than failing the email.
   */
  async #filesToAttach(messages: MessageRecord[]): Promise<Map<string, EmailAttachment>> {
    const files = new Map<string, EmailAttachment>();
    let room = this.options.attachmentMaxBytes;
    for (const { senderKind, attachment } of messages) {
      if (senderKind !== 'agent' || !attachment || attachment.size > room) continue;
      const path = this.options.attachmentPath(attachment);
      const stored = await access(path).then(
        () => true,
        () => false,
      );
      if (!stored) continue;
      files.set(attachment.id, { fileName: attachment.fileName, contentType: attachment.mimeType, path });
      room -= attachment.size;
    }
    return files;
  }

  /** A note for the staff in the conversation, as the last answer's author's (not unread for them). */
  async #record(conversation: ConversationRecord, lastAnswer: MessageRecord, event: SystemEvent) {
    const { message } = await appendMessage(this.db, {
      conversationId: conversation.id,
      clientMsgId: randomUUID(),
      senderKind: 'system',
      senderId: lastAnswer.senderId,
      senderName: null,
      body: systemEventText(event),
      systemEvent: event,
      visibility: 'agents',
      attachmentId: null,
    });
    this.events.recorded(conversation, message);
  }
}
