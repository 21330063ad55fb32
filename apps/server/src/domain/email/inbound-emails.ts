import { createHash } from 'node:crypto';
import { type AttachmentMimeType, type InboundEmailReceipt, MESSAGE_BODY_MAX } from '@switchboard/protocol';
import type { RateLimits } from '../../security/rate-limits.js';
import { getConversation, reopenAsLeftMessage } from '../../store/conversations.js';
import { appendMessage, getMessageByClientId, messagesBefore } from '../../store/messages.js';
import type { Db } from '../../store/open-sqlite.js';
import type { ConversationRecord, MessageRecord } from '../../store/records.js';
import { type AttachmentService, attachmentTypeOf } from '../attachment-service.js';
import { DomainError } from '../errors.js';
import { systemEventText } from '../system-events.js';
import { writesChinese } from './answer-email-text.js';
import { FAILURE_REASON_LENGTH } from './answer-emails.js';
import { readEmailId } from './email-ids.js';

/** A delivery status notification's report on one of our emails (RFC 3464). */
export interface InboundBounce {
  /** The `Message-ID` of the email it returns, from the headers it quotes. */
  originalMessageId: string | null;
  /** `Final-Recipient` and `Original-Recipient`, lower case, without `rfc822;`. */
  recipients: string[];
  /** `Action: failed`: the email will not be delivered (not merely delayed). */
  failed: boolean;
  /** `Status` (`5.1.1`) and the receiving server's words (`Diagnostic-Code`). */
  status: string | null;
  diagnostic: string | null;
}

/** An email a mail gateway received for the answers' reply address, read (`parseInboundEmail`). */
export interface InboundEmail {
  /** Its `Message-ID` header (`<…>`), if it has one: a redelivery carries the same. */
  messageId: string | null;
  /** The sender's address, lower case. */
  from: string;
  /** Set when it is a delivery status notification (a bounce) rather than a person's reply. */
  bounce: InboundBounce | null;
  /** The message ids it answers (`In-Reply-To`, then `References`), each as `<…>`. */
  references: string[];
  /** An autoresponder's or a list's (RFC 3834): never stored. */
  automatic: boolean;
  /** What the sender wrote above the quoted email. */
  text: string;
  files: Array<{ fileName: string; bytes: Buffer }>;
}

export interface InboundEmailOptions {
  /** The right-hand side of our emails' message ids: a reference to another domain is not ours. */
  idDomain: string;
  /** The largest file kept from an email (the upload limit). */
  fileMaxBytes: number;
}

export type InboundEmailOutcome =
  | InboundEmailReceipt['outcome']
  | 'unmatched'
  | 'wrong-sender'
  | 'rate-limited';

export interface InboundEmailEvents {
  /** Messages were stored from an email; `conversation` as it is now. */
  received(conversation: ConversationRecord, messages: MessageRecord[], reopened: boolean): void;
  outcome(outcome: InboundEmailOutcome): void;
}

/** Files kept from one email, each a message: an email of a thousand images is not a thousand. */
const FILES_PER_EMAIL = 10;

/**
 * A visitor's reply to an answer email goes into their conversation as their message: the text
 * they wrote above the quote, then each file they attached (the upload's checks apply; a refused
 * file is named in the text). The conversation is the one the email answers (its `References`),
 * and only the address the visitor gave (`replyTo`) may write to it. A resolved conversation is a
 * left message again. Each part's `clientMsgId` comes from the email's `Message-ID`, so a gateway
 * that posts the same email twice stores it once. A bounce of an answer email becomes the staff's
 * `email-failed` note, as a refusal at sending does.
 */
export class InboundEmails {
  constructor(
    private readonly db: Db,
    private readonly attachments: AttachmentService,
    private readonly options: InboundEmailOptions,
    /** Tells the team's lists (and the previous assignee) that a conversation changed. */
    private readonly routing: { announce(conversationId: string, previousAssigneeId: string | null): void },
    private readonly events: InboundEmailEvents,
    private readonly limits: Pick<RateLimits, 'consume'>,
  ) {}

  async receive(email: InboundEmail): Promise<InboundEmailReceipt> {
    if (email.bounce) return this.#bounced(email, email.bounce);
    const conversation = await this.#conversationAnswered(email);
    const receipt = (
      outcome: InboundEmailReceipt['outcome'],
      messages = 0,
      refusedFiles: string[] = [],
      reopened = false,
    ): InboundEmailReceipt => {
      this.events.outcome(outcome);
      return { outcome, conversationId: conversation.id, messages, refusedFiles, reopened };
    };
    if (email.automatic) return receipt('ignored');

    const { accepted, refused } = await this.#sortFiles(email.files);
    const text = withRefusedFiles(email.text, refused, conversation.attributes.language);
    const key = email.messageId ?? contentKey(email);
    const parts = [
      ...(text === '' ? [] : [{ clientMsgId: idFor(key, 'text'), body: text, file: null }]),
      ...accepted.map((file, i) => ({ clientMsgId: idFor(key, `file-${i}`), body: '', file })),
    ];
    if (parts.length === 0) return receipt('ignored');
    const missing = [];
    for (const part of parts) {
      if (!(await getMessageByClientId(this.db, conversation.id, part.clientMsgId))) missing.push(part);
    }
    if (missing.length === 0) return receipt('duplicate', 0, refused);
    await this.limits.consume('emailRepliesPerConversation', conversation.id).catch((error: unknown) => {
      this.events.outcome('rate-limited');
      throw error;
    });

    const reopened =
      conversation.status === 'resolved' && (await reopenAsLeftMessage(this.db, conversation.id));
    const stored: MessageRecord[] = [];
    for (const part of missing) {
      const attachment = part.file
        ? await this.attachments.store(
            conversation.id,
            { kind: 'visitor', id: conversation.visitorId },
            part.file.fileName,
            part.file.mimeType,
            part.file.bytes,
          )
        : null;
      const { message, created } = await appendMessage(this.db, {
        conversationId: conversation.id,
        clientMsgId: part.clientMsgId,
        senderKind: 'visitor',
        senderId: conversation.visitorId,
        senderName: conversation.visitorName,
        body: part.body,
        visibility: 'all',
        attachmentId: attachment?.id ?? null,
        via: 'email',
      });
      if (created) stored.push(message);
    }
    if (reopened) this.routing.announce(conversation.id, conversation.assigneeId);
    const now = (await getConversation(this.db, conversation.id)) ?? conversation;
    this.events.received(now, stored, reopened);
    return receipt('stored', stored.length, refused, reopened);
  }

  /**
   * A bounce of one of our answer emails: the staff get an `email-failed` note from the mail
   * server's words, as the answers' author's (who is notified), once however often it is posted.
   */
  async #bounced(email: InboundEmail, bounce: InboundBounce): Promise<InboundEmailReceipt> {
    const conversation = await this.#conversationNamed(
      bounce.originalMessageId ? [bounce.originalMessageId] : [],
    );
    const to = conversation.replyTo;
    if (!to || !bounce.recipients.includes(to.toLowerCase())) {
      this.events.outcome('wrong-sender');
      throw new DomainError(
        'forbidden',
        "The report is not about the address the conversation's visitor gave.",
      );
    }
    const receipt = { conversationId: conversation.id, refusedFiles: [], reopened: false };
    if (!bounce.failed) {
      this.events.outcome('ignored');
      return { ...receipt, outcome: 'ignored', messages: 0 };
    }
    const clientMsgId = idFor(email.messageId ?? contentKey(email), 'bounce');
    if (await getMessageByClientId(this.db, conversation.id, clientMsgId)) {
      this.events.outcome('duplicate');
      return { ...receipt, outcome: 'duplicate', messages: 0 };
    }
    const returned = readEmailId(bounce.originalMessageId ?? '', this.options.idDomain);
    const sentUpTo = returned?.seq ?? conversation.lastSeq;
    const earlier = await messagesBefore(this.db, conversation.id, sentUpTo + 1, 50, true);
    const author = earlier.findLast((m) => m.senderKind === 'agent')?.senderId ?? null;
    const reason = [bounce.status, bounce.diagnostic].filter((part) => part).join(' ') || 'returned';
    const event = { code: 'email-failed', to, reason: reason.slice(0, FAILURE_REASON_LENGTH) } as const;
    const { message } = await appendMessage(this.db, {
      conversationId: conversation.id,
      clientMsgId,
      senderKind: 'system',
      senderId: author,
      senderName: null,
      body: systemEventText(event),
      systemEvent: event,
      visibility: 'agents',
      attachmentId: null,
    });
    this.events.received(conversation, [message], false);
    this.events.outcome('bounced');
    return { ...receipt, outcome: 'bounced', messages: 1 };
  }

  /** The conversation the email answers, if its sender is the visitor who gave their address. */
  async #conversationAnswered(email: InboundEmail): Promise<ConversationRecord> {
    const conversation = await this.#conversationNamed(email.references);
    if (conversation.replyTo?.toLowerCase() !== email.from) {
      this.events.outcome('wrong-sender');
      throw new DomainError(
        'forbidden',
        "The email is not from the address the conversation's visitor gave.",
      );
    }
    return conversation;
  }

  /** The conversation the newest of these message ids of ours names (`<id(.seq)@our domain>`). */
  async #conversationNamed(messageIds: string[]): Promise<ConversationRecord> {
    const ids = messageIds.flatMap((ref) => readEmailId(ref, this.options.idDomain)?.conversationId ?? []);
    // The last reference is the newest email of the thread.
    const id = ids.at(-1);
    const conversation = id === undefined ? undefined : await getConversation(this.db, id);
    if (!conversation) {
      this.events.outcome('unmatched');
      throw new DomainError('not-found', 'This email answers none of our emails (In-Reply-To, References).');
    }
    return conversation;
  }

  /**
   * Files the upload's checks accept (type by name and bytes, size), the first `FILES_PER_EMAIL`
   * of them, and the names of the rest.
   */
  async #sortFiles(files: InboundEmail['files']) {
    const accepted: Array<InboundEmail['files'][number] & { mimeType: AttachmentMimeType }> = [];
    const refused: string[] = [];
    for (const file of files) {
      const mimeType =
        accepted.length < FILES_PER_EMAIL && file.bytes.length <= this.options.fileMaxBytes
          ? await attachmentTypeOf(file.fileName, file.bytes).catch(() => null)
          : null;
      if (mimeType) accepted.push({ ...file, mimeType });
      else refused.push(file.fileName);
    }
    return { accepted, refused };
  }
}

/** The visitor's text, with the files that could not be kept named below it; cut to fit a message. */
function withRefusedFiles(text: string, refused: string[], language: string | undefined): string {
  const zh = writesChinese(language);
  const lines = refused.map((name) => (zh ? `[文件：${name}，未接收]` : `[file: ${name}, not accepted]`));
  const notes = lines.join('\n');
  const room = MESSAGE_BODY_MAX - (notes.length > 0 ? notes.length + 2 : 0);
  const body = text.length > room ? `${text.slice(0, room - 1)}…` : text;
  return [body, notes]
    .filter((part) => part !== '')
    .join('\n\n')
    .slice(0, MESSAGE_BODY_MAX);
}

/** For an email without a Message-ID: the same content gives the same key. */
function contentKey(email: InboundEmail): string {
  const hash = createHash('sha256').update(email.from).update('\0').update(email.text);
  for (const file of email.files) hash.update('\0').update(file.fileName).update('\0').update(file.bytes);
  return hash.digest('hex');
}

/** A UUID (version 8: derived, RFC 9562) that names one part of one email. */
function idFor(key: string, part: string): string {
  const bytes = createHash('sha256').update(key).update('\0').update(part).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
