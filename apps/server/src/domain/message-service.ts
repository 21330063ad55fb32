import type { Visibility } from '@switchboard/protocol';
import { getAttachment } from '../store/attachments.js';
import { getConversation, getConversationAccess } from '../store/conversations.js';
import {
  appendMessage,
  getMessageByClientId,
  markRead,
  messagesAfter,
  messagesBefore,
} from '../store/messages.js';
import type { Db } from '../store/open-sqlite.js';
import { isParticipant } from '../store/participants.js';
import type { ConversationAccess, MessageRecord } from '../store/records.js';
import { getWidget } from '../store/widgets.js';
import { conflict } from './conflicts.js';
import { DomainError } from './errors.js';
import { assertCanRead, assertCanSend, readIsVisibleToVisitor } from './policy.js';
import type { Principal } from './principal.js';

export interface SendInput {
  conversationId: string;
  clientMsgId: string;
  body: string;
  visibility: Visibility;
  attachmentId?: string | undefined;
}

export class MessageService {
  constructor(
    private readonly db: Db,
    /** When a staff answer to a left message is emailed; null when no email is configured. */
    private readonly answerEmails: { dueAt(): string } | null = null,
  ) {}

  /**
   * Commit, then seq, then (the caller) ack. A retry of a stored clientMsgId returns the stored
   * message with `created: false`, whatever the conversation's state is now.
   */
  async send(
    principal: Principal,
    input: SendInput,
  ): Promise<{ message: MessageRecord; created: boolean; conversation: ConversationAccess }> {
    const conversation = assertCanRead(principal, await getConversationAccess(this.db, input.conversationId));
    if (principal.kind === 'visitor' && input.visibility !== 'all') {
      throw new DomainError('forbidden', 'Visitors cannot send internal notes.');
    }
    const sender =
      principal.kind === 'visitor'
        ? { senderKind: 'visitor' as const, senderId: principal.visitorId, senderName: principal.name }
        : { senderKind: 'agent' as const, senderId: principal.userId, senderName: principal.name };
    // A supervisor who joined visibly (barge) may reply too; asked only off the assignee's path.
    const joined =
      principal.kind === 'staff' &&
      input.visibility === 'all' &&
      conversation.assigneeId !== principal.userId &&
      (await isParticipant(this.db, conversation.id, principal.userId));
    try {
      assertCanSend(principal, conversation, input.visibility, joined);
    } catch (error) {
      // A retry of a message stored before the conversation closed still gets its ack.
      const stored = await getMessageByClientId(this.db, conversation.id, input.clientMsgId);
      if (stored) return { message: this.#sentBy(stored, sender.senderId), created: false, conversation };
      throw error;
    }
    if (input.attachmentId !== undefined)
      await this.#checkAttachment(principal, conversation, input.attachmentId);
    const emailed = principal.kind === 'staff' && input.visibility === 'all' && conversation.replyTo !== null;
    // No lookup first: the store refuses a stored clientMsgId and hands back the original.
    const { message, created } = await appendMessage(this.db, {
      conversationId: conversation.id,
      clientMsgId: input.clientMsgId,
      ...sender,
      body: input.body,
      visibility: input.visibility,
      attachmentId: input.attachmentId ?? null,
      emailDueAt: emailed ? this.answerEmails?.dueAt() : undefined,
    });
    return { message: created ? message : this.#sentBy(message, sender.senderId), created, conversation };
  }

  async sync(principal: Principal, conversationId: string, afterSeq: number, limit: number) {
    const conversation = assertCanRead(principal, await getConversation(this.db, conversationId));
    const messages = await messagesAfter(
      this.db,
      conversation.id,
      afterSeq,
      limit,
      principal.kind === 'visitor',
    );
    const lastReturned = messages.at(-1)?.seq ?? afterSeq;
    return {
      messages,
      // A message committed after the conversation was read may already be in this page.
      lastSeq: Math.max(conversation.lastSeq, lastReturned),
      // A full page may have more behind it; an empty follow-up page settles it.
      hasMore: messages.length === limit,
    };
  }

  async history(principal: Principal, conversationId: string, before: number | undefined, limit: number) {
    const conversation = assertCanRead(principal, await getConversation(this.db, conversationId));
    const messages = await messagesBefore(
      this.db,
      conversation.id,
      before ?? conversation.lastSeq + 1,
      limit,
      principal.kind === 'visitor',
    );
    const first = messages[0];
    return { messages, nextBefore: messages.length === limit && first && first.seq > 1 ? first.seq : null };
  }

  /** Returns the stored mark and whether the visitor should see it. */
  async markRead(principal: Principal, conversationId: string, seq: number) {
    const conversation = assertCanRead(principal, await getConversation(this.db, conversationId));
    const readerId = principal.kind === 'visitor' ? 'visitor' : principal.userId;
    const stored = await markRead(this.db, conversation.id, readerId, Math.min(seq, conversation.lastSeq));
    return { conversation, seq: stored, visibleToVisitor: readIsVisibleToVisitor(principal, conversation) };
  }

  /**
   * Typing is ephemeral: only authorization, nothing stored. Sent as the agent or visitor types, so
   * it reads the one row the send path reads, not the whole conversation with its joins. A visitor's
   * draft (`preview`) passes on only when their widget shares drafts; otherwise it is dropped and
   * the typing still passes on (a widget loaded before the setting changed may still send one).
   */
  async typing(
    principal: Principal,
    conversationId: string,
    preview?: string,
  ): Promise<{ conversation: ConversationAccess; preview: string | null }> {
    const conversation = assertCanRead(principal, await getConversationAccess(this.db, conversationId));
    if (conversation.status === 'resolved')
      throw new DomainError('conversation-closed', 'This conversation is resolved.');
    if (!preview || principal.kind !== 'visitor') return { conversation, preview: null };
    const shared = (await getWidget(this.db, principal.widgetId))?.typingPreview ?? false;
    return { conversation, preview: shared ? preview : null };
  }

  /** A clientMsgId names one sender's message; someone else reusing it is a conflict. */
  #sentBy(message: MessageRecord, senderId: string): MessageRecord {
    if (message.senderId !== senderId) {
      throw conflict({ code: 'client-msg-id-taken' });
    }
    return message;
  }

  async #checkAttachment(principal: Principal, conversation: ConversationAccess, attachmentId: string) {
    const attachment = await getAttachment(this.db, attachmentId);
    const uploaderId = principal.kind === 'visitor' ? principal.visitorId : principal.userId;
    if (
      !attachment ||
      attachment.conversationId !== conversation.id ||
      attachment.uploaderId !== uploaderId
    ) {
      throw new DomainError('not-found', 'No such attachment in this conversation.');
    }
  }
}
