import { randomUUID } from 'node:crypto';
import type {
  ConversationRating,
  LeaveMessageRequest,
  OfflineMessageRequest,
  RatingRequest,
  WidgetConfig,
  WidgetLocale,
  WidgetSettings,
} from '@switchboard/protocol';
import { setContact } from '../store/contacts.js';
import { getConversation } from '../store/conversations.js';
import { messagesAfter } from '../store/messages.js';
import { insertOfflineMessage } from '../store/offline-messages.js';
import type { Db } from '../store/open-sqlite.js';
import { insertRating } from '../store/ratings.js';
import type { ConversationRecord, WidgetRecord } from '../store/records.js';
import { getWidgetSettings } from '../store/widget-settings.js';
import { getWidget } from '../store/widgets.js';
import { conflict } from './conflicts.js';
import { DomainError, strictAssert } from './errors.js';
import { assertCanRead } from './policy.js';
import type { VisitorPrincipal } from './principal.js';
import { TRANSCRIPT_WORDS, transcriptLine, transcriptTime } from './transcript-format.js';
import { originAllowed } from './visitor-service.js';
import type { WidgetRouting } from './widget-routing.js';

const TRANSCRIPT_PAGE = 500;

/** What the embedded widget needs beyond chatting: its config, offline messages, ratings, transcripts. */
export class WidgetService {
  constructor(
    private readonly db: Db,
    private readonly routing: WidgetRouting,
    /** The clock of stored times that reports read (a message left is opened then). */
    private readonly now: () => number = Date.now,
  ) {}

  /** The one place that decides whether a widget's visitors can be served right now. */
  isOnline(widget: WidgetRecord): boolean {
    return this.routing.isTeamAvailable(widget.teamId);
  }

  async config(widgetId: string, origin: string | undefined): Promise<WidgetConfig> {
    const widget = await this.#widgetFor(widgetId, origin);
    return {
      widgetId: widget.id,
      settings: await this.#settings(widget.id),
      online: this.isOnline(widget),
      pageTracking: widget.pageTracking,
      typingPreview: widget.typingPreview,
    };
  }

  /** Refuses a browser call whose page is not on one of the visitor's widget's allowed origins. */
  async assertOrigin(visitor: VisitorPrincipal, origin: string | undefined): Promise<void> {
    await this.#widgetFor(visitor.widgetId, origin);
  }

  /** An `offline` conversation holding the message; a retry with the same clientMsgId returns it again. */
  async leaveOfflineMessage(
    visitor: VisitorPrincipal,
    request: OfflineMessageRequest,
  ): Promise<ConversationRecord> {
    const widget = await getWidget(this.db, visitor.widgetId);
    strictAssert(widget, 'a visitor always belongs to a widget');
    const conversationId = await insertOfflineMessage(
      this.db,
      {
        conversationId: randomUUID(),
        visitorId: visitor.visitorId,
        widgetId: widget.id,
        teamId: widget.teamId,
        clientMsgId: request.clientMsgId,
        senderName: request.name ?? visitor.name,
        body: request.body,
        email: request.email,
        attributes: request.attributes ?? {},
      },
      new Date(this.now()).toISOString(),
    );
    const conversation = await getConversation(this.db, conversationId);
    strictAssert(conversation, 'the offline conversation was just stored');
    // The team sees it in its list at once, to answer when someone is back.
    this.routing.announce(conversation.id);
    return conversation;
  }

  /**
   * The visitor's queued chat becomes a message for the team, answered at `email`; their messages
   * so far are the message. On a chat already left as a message (a retry, or the team's maximum
   * queue time moved it) it sets where to answer. Once an agent has it, or it ended: `conflict`.
   */
  async leaveMessage(
    visitor: VisitorPrincipal,
    conversationId: string,
    request: LeaveMessageRequest,
  ): Promise<ConversationRecord> {
    const conversation = assertCanRead(visitor, await getConversation(this.db, conversationId));
    const contact = { email: request.email, name: request.name ?? null };
    // A retry that changes nothing writes nothing and tells nobody.
    if (conversation.status === 'offline' && conversation.replyTo === contact.email && contact.name === null)
      return conversation;
    const left =
      conversation.status === 'queued' && (await this.routing.leaveQueue(conversation.id, contact));
    if (!left) {
      if (!(await setContact(this.db, conversation.id, contact, new Date().toISOString()))) {
        const now = await getConversation(this.db, conversation.id);
        throw conflict({ code: now?.status === 'resolved' ? 'chat-ended' : 'agent-joined' });
      }
      this.routing.announce(conversation.id);
    }
    const stored = await getConversation(this.db, conversation.id);
    strictAssert(stored, 'the conversation exists');
    return stored;
  }

  /** CSAT for the visitor's own resolved conversation, once. */
  async rate(
    visitor: VisitorPrincipal,
    conversationId: string,
    request: RatingRequest,
  ): Promise<ConversationRating> {
    const conversation = assertCanRead(visitor, await getConversation(this.db, conversationId));
    if (conversation.status !== 'resolved') {
      throw conflict({ code: 'not-resolved' });
    }
    const rating = {
      conversationId: conversation.id,
      visitorId: visitor.visitorId,
      score: request.score,
      comment: request.comment ? request.comment : null,
      createdAt: new Date().toISOString(),
    };
    if (!(await insertRating(this.db, rating))) {
      throw conflict({ code: 'already-rated' });
    }
    return {
      conversationId: rating.conversationId,
      score: rating.score,
      comment: rating.comment,
      createdAt: rating.createdAt,
    };
  }

  /** The visible messages as plain text, one line each; only when the widget offers transcripts. */
  async transcript(
    visitor: VisitorPrincipal,
    conversationId: string,
    options: { locale?: WidgetLocale | undefined; timeZone?: string | undefined } = {},
  ): Promise<string> {
    const words = TRANSCRIPT_WORDS[options.locale ?? 'en'];
    const time = transcriptTime(options.timeZone);
    const conversation = assertCanRead(visitor, await getConversation(this.db, conversationId));
    if (!(await this.#settings(conversation.widgetId)).transcriptEnabled) {
      throw new DomainError('forbidden', 'Transcripts are not available for this chat.');
    }
    const lines: string[] = [];
    let afterSeq = 0;
    for (;;) {
      const page = await messagesAfter(this.db, conversation.id, afterSeq, TRANSCRIPT_PAGE, true);
      lines.push(...page.map((message) => transcriptLine(message, words, time)));
      const last = page.at(-1);
      if (!last || page.length < TRANSCRIPT_PAGE) break;
      afterSeq = last.seq;
    }
    return `${lines.join('\n')}\n`;
  }

  async #widgetFor(widgetId: string, origin: string | undefined): Promise<WidgetRecord> {
    const widget = await getWidget(this.db, widgetId);
    if (!widget) throw new DomainError('not-found', 'No such widget.');
    if (!originAllowed(widget, origin)) {
      throw new DomainError('origin-not-allowed', 'This site is not allowed to use this widget.');
    }
    return widget;
  }

  async #settings(widgetId: string): Promise<WidgetSettings> {
    const settings = await getWidgetSettings(this.db, widgetId);
    strictAssert(settings, `widget ${widgetId} exists`);
    return settings;
  }
}
