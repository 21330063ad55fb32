import { VISITED_PAGES_LIMIT, type VisitedPage, type VisitedPageUpdate } from '@switchboard/protocol';
import { create } from 'zustand';

/** The conversations whose trails are kept; the least recently asked for go first. */
export const TRAILS_KEPT = 50;

/** What this window knows of the pages a conversation's visitor went to. */
export interface Trail {
  /** Newest first, at most VISITED_PAGES_LIMIT. */
  pages: readonly VisitedPage[];
  /** `pages` holds the server's list (and the pushes since); else only pushes that came before it. */
  loaded: boolean;
  /** The last ask failed: the panel says the trail is not available until the next one. */
  failed: boolean;
  /** The number of the latest ask: an earlier answer coming back later is dropped. */
  ask: number;
}

const EMPTY: Trail = { pages: [], loaded: false, failed: false, ask: 0 };

const atOf = (page: VisitedPage) => Date.parse(page.at);
const samePage = (a: VisitedPage, b: VisitedPage) => a.url === b.url && a.at === b.at;

/**
 * `pages` and `more`, each page once, newest first, the newest VISITED_PAGES_LIMIT. Pages of the
 * same moment keep their order, those of `pages` first.
 */
export function mergePages(pages: readonly VisitedPage[], more: readonly VisitedPage[]): VisitedPage[] {
  const all = [...pages];
  for (const page of more) if (!all.some((known) => samePage(known, page))) all.push(page);
  return all.sort((a, b) => atOf(b) - atOf(a)).slice(0, VISITED_PAGES_LIMIT);
}

/**
 * The trail with the page the visitor went to now (`visitor:page`). The page they are already on
 * (the newest) is no new visit, nor is one the trail holds already: the same array comes back.
 */
export function withPage(pages: readonly VisitedPage[], page: VisitedPage): readonly VisitedPage[] {
  if (pages[0]?.url === page.url || pages.some((known) => samePage(known, page))) return pages;
  // Recorded in the same millisecond as the newest, it is still the later.
  return mergePages([page], pages);
}

interface VisitedPagesState {
  byConversation: Readonly<Record<string, Trail>>;
  /** The panel asks the server for a conversation's trail; returns the ask's number. */
  asking(conversationId: string): number;
  /** The server's answer to ask `ask`: its pages, or null when it gave none (offline, an error). */
  answered(conversationId: string, ask: number, pages: readonly VisitedPage[] | null): void;
  /**
   * A `visitor:page` push: kept for a trail this window loaded, or for the conversation the panel
   * shows (`shown`, whose answer may be on its way); any other is asked for when it is shown.
   */
  pushed(update: VisitedPageUpdate, shown: string | null): void;
}

/** The trails the visitor panel shows, by conversation id. */
export const useVisitedPages = create<VisitedPagesState>((set, get) => ({
  byConversation: {},
  asking: (conversationId) => {
    const before = get().byConversation[conversationId] ?? EMPTY;
    const ask = before.ask + 1;
    set((s) => {
      const { [conversationId]: _moved, ...others } = s.byConversation;
      const kept = Object.entries(others).slice(-(TRAILS_KEPT - 1));
      return {
        byConversation: Object.fromEntries([...kept, [conversationId, { ...before, failed: false, ask }]]),
      };
    });
    return ask;
  },
  answered: (conversationId, ask, pages) =>
    set((s) => {
      const trail = s.byConversation[conversationId];
      if (!trail || trail.ask !== ask) return s;
      const next: Trail = pages
        ? { ...trail, pages: mergePages(pages, trail.pages), loaded: true, failed: false }
        : { ...trail, failed: true };
      return { byConversation: { ...s.byConversation, [conversationId]: next } };
    }),
  pushed: ({ conversationId, page }, shown) =>
    set((s) => {
      const trail = s.byConversation[conversationId];
      if (!trail?.loaded && conversationId !== shown) return s;
      const before = trail ?? EMPTY;
      const pages = withPage(before.pages, page);
      if (pages === before.pages) return s;
      return { byConversation: { ...s.byConversation, [conversationId]: { ...before, pages } } };
    }),
}));
