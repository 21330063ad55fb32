import { z } from 'zod';
import { HttpUrl, Id, Timestamp } from './primitives.js';
import { VISITED_PAGES_LIMIT } from './visited-pages-limit.js';

const PageTitle = z.string().max(300);

/**
 * A page of the site the visitor had open while their conversation was open: the page it was
 * opened on, then each page they went to (the widget reports them; nothing before the chat).
 */
export const VisitedPage = z.object({
  url: HttpUrl,
  /** Null when the page had no title. */
  title: PageTitle.nullable(),
  /** When the visitor came to it. */
  at: Timestamp,
});
export type VisitedPage = z.infer<typeof VisitedPage>;

/**
 * What a widget records of the pages its visitors go to while chatting: `full` the address as it
 * is, `path` without its query string (which may carry what a site puts there, such as a reset
 * token) and of its fragment only a hash-routed site's route (`#/orders/5`, up to its own query),
 * `off` nothing (the page a chat is opened on stays in its attributes).
 */
export const PageTracking = z.enum(['full', 'path', 'off']);
export type PageTracking = z.infer<typeof PageTracking>;

/** The widget's report that the visitor is on a page now (`page:view`). */
export const PageView = z.strictObject({
  conversationId: Id,
  url: HttpUrl,
  title: PageTitle.optional(),
});
export type PageView = z.infer<typeof PageView>;

/** To the staff following a conversation: its visitor went to another page (`visitor:page`). */
export const VisitedPageUpdate = z.object({ conversationId: Id, page: VisitedPage });
export type VisitedPageUpdate = z.infer<typeof VisitedPageUpdate>;

/** A conversation's pages, newest first, at most VISITED_PAGES_LIMIT. */
export const VisitedPages = z.object({ pages: z.array(VisitedPage).max(VISITED_PAGES_LIMIT) });
export type VisitedPages = z.infer<typeof VisitedPages>;
