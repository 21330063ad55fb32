import { VISITED_PAGES_LIMIT, type VisitedPage } from '@switchboard/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { TRAILS_KEPT, useVisitedPages } from '../src/renderer/features/visitor/visited-pages-store.js';

const minute = (m: number) => new Date(Date.UTC(2026, 11, 5, 9, m)).toISOString();
const page = (path: string, m: number, title: string | null = path): VisitedPage => ({
  url: `https://shop.example.com/${path}`,
  title,
  at: minute(m),
});
const store = () => useVisitedPages.getState();
const pagesOf = (conversationId: string) => store().byConversation[conversationId]?.pages;
const urls = (conversationId: string) =>
  pagesOf(conversationId)?.map((p) => p.url.replace('https://shop.example.com/', ''));

const A = 'conversation-a';
const B = 'conversation-b';

/** The panel showed `conversationId` and the server answered with `pages`. */
function load(conversationId: string, pages: VisitedPage[]) {
  store().answered(conversationId, store().asking(conversationId), pages);
}

describe('the pages a visitor went to, in the visitor panel', () => {
  beforeEach(() => useVisitedPages.setState(useVisitedPages.getInitialState(), true));

  it("keeps the server's trail, newest first, and a push for the page the visitor went to next comes first", () => {
    load(A, [page('pricing', 2), page('', 0, 'Shop')]);
    expect(store().byConversation[A]).toMatchObject({ loaded: true, failed: false });
    expect(urls(A)).toEqual(['pricing', '']);

    store().pushed({ conversationId: A, page: page('checkout', 5) }, null);
    expect(urls(A)).toEqual(['checkout', 'pricing', '']);
    // Recorded in the same millisecond as the newest: still the later.
    store().pushed({ conversationId: A, page: page('cart', 5) }, null);
    expect(urls(A)).toEqual(['cart', 'checkout', 'pricing', '']);
  });

  it('does not add the page the visitor is on again, nor a push it already holds', () => {
    load(A, [page('pricing', 2), page('', 0)]);
    const before = pagesOf(A);
    // The newest again (a reload, the widget's report after a reconnect).
    store().pushed({ conversationId: A, page: page('pricing', 3) }, A);
    // A push that the server's answer already held.
    store().pushed({ conversationId: A, page: page('', 0) }, A);
    expect(pagesOf(A)).toBe(before);
    // Back to a page visited before is a visit.
    store().pushed({ conversationId: A, page: page('', 4) }, A);
    expect(urls(A)).toEqual(['', 'pricing', '']);
  });

  it(`keeps the newest ${VISITED_PAGES_LIMIT}, as many as the server lists`, () => {
    load(
      A,
      Array.from({ length: VISITED_PAGES_LIMIT }, (_, i) => page(`p${VISITED_PAGES_LIMIT - i}`, -i)),
    );
    store().pushed({ conversationId: A, page: page('newest', 1) }, A);
    const pages = pagesOf(A) ?? [];
    expect(pages).toHaveLength(VISITED_PAGES_LIMIT);
    expect(urls(A)?.[0]).toBe('newest');
    expect(urls(A)?.at(-1)).toBe('p2');
  });

  it('a push for another conversation leaves this one alone, and one never loaded is left for when it is shown', () => {
    load(A, [page('', 0)]);
    const before = store().byConversation[A];
    store().pushed({ conversationId: B, page: page('pricing', 2) }, A);
    expect(store().byConversation[A]).toBe(before);
    expect(store().byConversation[B]).toBeUndefined();
  });

  it("a push for the shown conversation before the server's answer is kept through the answer", () => {
    const ask = store().asking(A);
    store().pushed({ conversationId: A, page: page('checkout', 5) }, A);
    // The answer was made before the visitor went on.
    store().answered(A, ask, [page('pricing', 2), page('', 0)]);
    expect(urls(A)).toEqual(['checkout', 'pricing', '']);
  });

  it(`keeps the trails of the ${TRAILS_KEPT} conversations asked for last`, () => {
    load(A, [page('', 0)]);
    for (let i = 0; i < TRAILS_KEPT - 1; i += 1) load(`other-${i}`, []);
    // A asked for again: kept, and the oldest other goes.
    load(A, [page('', 0)]);
    load(B, []);
    const kept = Object.keys(store().byConversation);
    expect(kept).toHaveLength(TRAILS_KEPT);
    expect(kept).toContain(A);
    expect(kept).toContain(B);
    expect(kept).not.toContain('other-0');
    expect(kept).toContain('other-1');
  });

  it('says when the server gave no answer, and drops an answer to an earlier ask', () => {
    const first = store().asking(A);
    const second = store().asking(A);
    store().answered(A, second, null);
    expect(store().byConversation[A]).toMatchObject({ loaded: false, failed: true });
    store().answered(A, first, [page('', 0)]);
    expect(store().byConversation[A]).toMatchObject({ loaded: false, failed: true });
    // Asked again (the server back in reach): no longer failed, and the answer shows.
    load(A, [page('', 0)]);
    expect(store().byConversation[A]).toMatchObject({ loaded: true, failed: false });
  });
});
