import { type PageView, VISITED_PAGES_LIMIT, type VisitedPage } from '@switchboard/protocol';
import { getConversationAccess } from '../store/conversations.js';
import type { Db } from '../store/open-sqlite.js';
import type { ConversationAccess } from '../store/records.js';
import { newestVisitedPages, recordVisitedPage } from '../store/visited-pages.js';
import { DomainError } from './errors.js';
import { assertCanRead } from './policy.js';
import type { StaffPrincipal, VisitorPrincipal } from './principal.js';

/** The pages of the site a visitor goes to while their conversation is open (`page:view`). */
export class VisitedPageService {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** The page recorded (null when it was the page recorded last) and the conversation, for the push. */
  async record(
    visitor: VisitorPrincipal,
    view: PageView,
  ): Promise<{ conversation: ConversationAccess; page: VisitedPage | null }> {
    const conversation = assertCanRead(visitor, await getConversationAccess(this.db, view.conversationId));
    if (conversation.status === 'resolved')
      throw new DomainError('conversation-closed', 'This conversation is resolved.');
    const page = await recordVisitedPage(this.db, {
      conversationId: conversation.id,
      url: view.url,
      title: view.title || null,
      at: new Date(this.now()).toISOString(),
    });
    return { conversation, page };
  }

  /** The conversation's newest pages, newest first, for staff who may read it. */
  async list(staff: StaffPrincipal, conversationId: string): Promise<VisitedPage[]> {
    const conversation = assertCanRead(staff, await getConversationAccess(this.db, conversationId));
    return newestVisitedPages(this.db, conversation.id, VISITED_PAGES_LIMIT);
  }
}
