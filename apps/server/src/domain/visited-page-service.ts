import {
  type PageTracking,
  type PageView,
  VISITED_PAGES_LIMIT,
  type VisitedPage,
} from '@switchboard/protocol';
import { getConversationAccess } from '../store/conversations.js';
import type { Db } from '../store/open-sqlite.js';
import type { ConversationAccess } from '../store/records.js';
import { newestVisitedPages, recordVisitedPage } from '../store/visited-pages.js';
import { getWidget } from '../store/widgets.js';
import { DomainError, strictAssert } from './errors.js';
import { assertCanRead } from './policy.js';
import type { StaffPrincipal, VisitorPrincipal } from './principal.js';

/** `#/…` or `#!/…` up to a `?`, `&` or `;` (`#access_token=…` or `#reviews` is no route). */
const HASH_ROUTE = /^#!?\/[^?&;]*/;

/**
 * The address as a widget records it: `path` without its query string (where a site may put a reset
 * token) and of its fragment only a route (`#/orders/5`, `#!/orders/5`: the page of a hash-routed
 * site), up to the route's own query; or null when it records none (`off`).
 */
export function trackedUrl(url: string, tracking: PageTracking): string | null {
  if (tracking === 'off') return null;
  if (tracking === 'full') return url;
  const address = new URL(url);
  address.search = '';
  address.hash = HASH_ROUTE.exec(address.hash)?.[0] ?? '';
  return address.href;
}

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
    const widget = await getWidget(this.db, visitor.widgetId);
    strictAssert(widget, 'a visitor always belongs to a widget');
    const url = trackedUrl(view.url, widget.pageTracking);
    if (url === null)
      throw new DomainError('forbidden', 'This widget does not record the pages its visitors go to.');
    const page = await recordVisitedPage(this.db, {
      conversationId: conversation.id,
      url,
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
