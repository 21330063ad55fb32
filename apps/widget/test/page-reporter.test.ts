import type { PageView, VisitorConversation } from '@switchboard/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageReporter } from '../src/chat/page-reporter.js';

/** A host page whose address, title and navigation events the test drives, on vitest's fake clock. */
function harness(
  options: { url?: string; title?: string; acks?: boolean[]; ticks?: boolean; visible?: boolean } = {},
) {
  const page = { url: options.url ?? 'https://shop.test/', title: options.title ?? 'Shop' };
  const acks = [...(options.acks ?? [])];
  const sent: PageView[] = [];
  const navigate = new Set<() => void>();
  const shown = new Set<() => void>();
  let visible = options.visible ?? true;
  const running = { watches: 0 };
  let connected = true;
  const reporter = new PageReporter({
    page: () => ({ ...page }),
    every: (ms, tick) => {
      const timer = setInterval(() => options.ticks !== false && tick(), ms);
      running.watches += 1;
      return () => {
        clearInterval(timer);
        running.watches -= 1;
      };
    },
    after: (ms, run) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    onNavigate: (changed) => {
      navigate.add(changed);
      return () => navigate.delete(changed);
    },
    isVisible: () => visible,
    onShown: (run) => {
      shown.add(run);
      return () => shown.delete(run);
    },
    isConnected: () => connected,
    send: async (view) => {
      sent.push(view);
      return acks.shift() ?? true;
    },
  });
  return {
    page,
    sent,
    reporter,
    running,
    listeners: () => navigate.size,
    /** What the server heard, as `url title`. */
    heard: () => sent.map((v) => `${v.url} ${v.title ?? '(no title)'}`),
    /** `history.pushState` and a new title, as a single-page site does: no event fires. */
    pushState(url: string, title = page.title) {
      page.url = url;
      page.title = title;
    },
    /** The back button: the address changes and `popstate` fires. */
    popState(url: string) {
      page.url = url;
      for (const changed of navigate) changed();
    },
    setConnected(value: boolean) {
      connected = value;
    },
    /** The visitor switches to another tab (false) or back to this one (true). */
    setVisible(value: boolean) {
      visible = value;
      if (value) for (const run of shown) run();
    },
  };
}

const settle = () => vi.advanceTimersByTimeAsync(2000);
const open = (id: string, status: VisitorConversation['status'] = 'assigned') => ({ id, status });

describe('PageReporter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports the page it starts on for an open conversation, with its title', async () => {
    const h = harness();
    h.reporter.follow(open('c1'));
    await settle();
    expect(h.sent).toEqual([{ conversationId: 'c1', url: 'https://shop.test/', title: 'Shop' }]);
  });

  it('reports a new address once it has stayed put, with the title the site set meanwhile', async () => {
    const h = harness();
    h.reporter.follow(open('c1'));
    await settle();
    h.pushState('https://shop.test/pricing', 'Shop');
    // The site sets its title a moment after changing the address.
    await vi.advanceTimersByTimeAsync(1000);
    h.page.title = 'Pricing';
    await settle();
    expect(h.heard()).toEqual(['https://shop.test/ Shop', 'https://shop.test/pricing Pricing']);
  });

  it('waits for an address pushed while the one before was settling', async () => {
    const h = harness();
    h.reporter.follow(open('c1'));
    await settle();
    h.pushState('https://shop.test/a');
    await vi.advanceTimersByTimeAsync(1000); // the watch sees /a
    h.pushState('https://shop.test/b'); // before /a settled; no event fires
    await vi.advanceTimersByTimeAsync(600); // when /a would have settled
    h.page.title = 'B';
    await settle();
    expect(h.heard()).toEqual(['https://shop.test/ Shop', 'https://shop.test/b B']);
  });

  it('reports after popstate or hashchange, only the address the visitor stopped on', async () => {
    const h = harness({ ticks: false }); // the events alone
    h.reporter.follow(open('c1'));
    await settle();
    h.popState('https://shop.test/a');
    await vi.advanceTimersByTimeAsync(100);
    h.popState('https://shop.test/b');
    await vi.advanceTimersByTimeAsync(100);
    h.popState('https://shop.test/b#reviews');
    await settle();
    expect(h.heard()).toEqual(['https://shop.test/ Shop', 'https://shop.test/b#reviews Shop']);
  });

  it('does not report the same page twice in a row', async () => {
    const h = harness();
    h.reporter.follow(open('c1'));
    h.reporter.report(); // while the first is on its way
    await settle();
    h.pushState('https://shop.test/a');
    await vi.advanceTimersByTimeAsync(1200);
    h.pushState('https://shop.test/'); // back before it settled
    await settle();
    h.reporter.report();
    await settle();
    expect(h.heard()).toEqual(['https://shop.test/ Shop']);
  });

  it('reports for a queued, assigned or offline conversation, not for a resolved one', async () => {
    for (const status of ['queued', 'assigned', 'offline'] as const) {
      const h = harness();
      h.reporter.follow(open('c1', status));
      await settle();
      expect(h.sent).toHaveLength(1);
    }
    const h = harness();
    h.reporter.follow(open('c1', 'resolved'));
    h.reporter.report();
    h.pushState('https://shop.test/a');
    await settle();
    expect(h.sent).toEqual([]);
    expect(h.running.watches).toBe(0);
  });

  it('reports nothing without a conversation, and stops watching when it is resolved', async () => {
    const h = harness();
    h.pushState('https://shop.test/a');
    h.reporter.report();
    await settle();
    expect(h.sent).toEqual([]);
    expect(h.running.watches).toBe(0);

    h.reporter.follow(open('c1', 'queued'));
    h.reporter.follow(open('c1', 'assigned')); // the same conversation, taken
    await settle();
    expect(h.running.watches).toBe(1);
    expect(h.listeners()).toBe(1);
    h.reporter.follow(open('c1', 'resolved'));
    expect(h.running.watches).toBe(0);
    expect(h.listeners()).toBe(0);
    h.pushState('https://shop.test/b');
    await settle();
    h.reporter.report();
    await settle();
    expect(h.heard()).toEqual(['https://shop.test/a Shop']);
  });

  it('reports only http(s) addresses of at most 2048 characters, and titles of at most 300', async () => {
    const long = `https://shop.test/${'x'.repeat(2048)}`;
    for (const url of ['file:///home/me/shop.html', 'javascript:void(0)', long]) {
      const h = harness({ url });
      h.reporter.follow(open('c1'));
      await settle();
      expect(h.sent).toEqual([]);
    }
    const h = harness({ url: 'http://shop.test/', title: 'T'.repeat(400) });
    h.reporter.follow(open('c1'));
    await settle();
    expect(h.sent).toEqual([{ conversationId: 'c1', url: 'http://shop.test/', title: 'T'.repeat(300) }]);
  });

  it('leaves out an empty title', async () => {
    const h = harness({ title: '' });
    h.reporter.follow(open('c1'));
    await settle();
    expect(h.sent).toEqual([{ conversationId: 'c1', url: 'https://shop.test/' }]);
  });

  it('after a reconnect reports only a page the server has not acked', async () => {
    const h = harness();
    h.reporter.follow(open('c1'));
    await settle();
    h.reporter.report(); // session:hello on the same page
    await settle();
    expect(h.heard()).toEqual(['https://shop.test/ Shop']);

    h.setConnected(false);
    h.pushState('https://shop.test/offline');
    await settle();
    expect(h.sent).toHaveLength(1); // nothing is queued while disconnected
    h.setConnected(true);
    h.reporter.report(); // session:hello
    await settle();
    expect(h.heard()).toEqual(['https://shop.test/ Shop', 'https://shop.test/offline Shop']);
  });

  it('drops a refused report without retrying it; the next occasion sends it again', async () => {
    const h = harness({ acks: [false] });
    h.reporter.follow(open('c1'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.sent).toHaveLength(1);
    h.reporter.report(); // session:hello: the page was never acked
    await settle();
    expect(h.heard()).toEqual(['https://shop.test/ Shop', 'https://shop.test/ Shop']);
  });

  it('reports only from the tab in view, and a tab coming back into view reports its page again', async () => {
    const h = harness({ visible: false });
    h.reporter.follow(open('c1'));
    h.pushState('https://shop.test/pricing', 'Pricing');
    await settle();
    // Opened in the background: nothing until the visitor looks at it.
    expect(h.heard()).toEqual([]);
    h.setVisible(true);
    await settle();
    expect(h.heard()).toEqual(['https://shop.test/pricing Pricing']);
    // Another tab takes over (it reports its own page), then the visitor comes back to this one.
    h.setVisible(false);
    h.pushState('https://shop.test/faq', 'FAQ');
    await settle();
    expect(h.heard()).toHaveLength(1);
    h.setVisible(true);
    await settle();
    h.setVisible(false);
    h.setVisible(true);
    await settle();
    expect(h.heard()).toEqual([
      'https://shop.test/pricing Pricing',
      'https://shop.test/faq FAQ',
      'https://shop.test/faq FAQ',
    ]);
  });

  it('stops listening for the tab coming into view once the conversation is resolved', async () => {
    const h = harness();
    h.reporter.follow(open('c1'));
    await settle();
    h.reporter.follow(open('c1', 'resolved'));
    h.setVisible(false);
    h.setVisible(true);
    await settle();
    expect(h.sent).toHaveLength(1);
  });

  it('starts afresh for the next conversation', async () => {
    const h = harness();
    h.reporter.follow(open('c1'));
    await settle();
    h.reporter.follow(undefined); // "New chat"
    h.reporter.follow(open('c2'));
    await settle();
    expect(h.sent.map((v) => v.conversationId)).toEqual(['c1', 'c2']);
  });
});
