import type { PageView, VisitorConversation } from '@switchboard/protocol';
import { httpUrl } from './page-attributes.js';

/** How often the address is compared: `history.pushState` fires no event, and is not patched. */
const WATCH_MS = 1000;
/** How long the address stays the same before it is reported, so a single-page site's title is set. */
const STABLE_MS = 500;
const TITLE_MAX = 300;

export interface PageSources {
  /** Where the visitor is: `location.href` and `document.title`. */
  page(): { url: string; title: string };
  /** Runs `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
  /** Runs `run` once after `ms` unless the returned function is called first. */
  after(ms: number, run: () => void): () => void;
  /** Runs `changed` on each `popstate` and `hashchange` until the returned function is called. */
  onNavigate(changed: () => void): () => void;
  /** Whether the visitor can see this page (a tab in the background cannot be seen). */
  isVisible(): boolean;
  /** Runs `shown` each time the page comes into view until the returned function is called. */
  onShown(shown: () => void): () => void;
}

export interface PageReporterDeps extends PageSources {
  isConnected(): boolean;
  /** Sends `page:view` once; true when the server acked it. */
  send(view: PageView): Promise<boolean>;
}

/** The host page's own address, title, timers and navigation events. */
export function windowSources(): PageSources {
  return {
    page: () => ({ url: location.href, title: document.title }),
    every: (ms, tick) => {
      const timer = setInterval(tick, ms);
      return () => clearInterval(timer);
    },
    after: (ms, run) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    onNavigate: (changed) => {
      window.addEventListener('popstate', changed);
      window.addEventListener('hashchange', changed);
      return () => {
        window.removeEventListener('popstate', changed);
        window.removeEventListener('hashchange', changed);
      };
    },
    isVisible: () => document.visibilityState !== 'hidden',
    onShown: (shown) => {
      const changed = () => {
        if (document.visibilityState === 'visible') shown();
      };
      document.addEventListener('visibilitychange', changed);
      return () => document.removeEventListener('visibilitychange', changed);
    },
  };
}

/**
 * Tells the server which page of the site the visitor is on while their conversation is open
 * (`page:view`): when it starts being followed, after each `session:hello`, and once the address
 * has changed and stayed put for STABLE_MS. Like typing, a report is never queued or retried; the
 * page last acked is not sent again. With the site open in several tabs, only the tab in view
 * reports, and a tab coming into view reports its page (the visitor is back on it).
 */
export class PageReporter {
  #conversationId: string | undefined;
  #watchedUrl = '';
  /** `url\ntitle` of the report the server acked last, and of the one sent last. */
  #acked: string | undefined;
  #sent: string | undefined;
  #stop: (() => void) | undefined;
  #cancelStable: (() => void) | undefined;

  constructor(private readonly deps: PageReporterDeps) {}

  /** The visitor's current conversation: while it is not resolved, its pages are reported. */
  follow(conversation: Pick<VisitorConversation, 'id' | 'status'> | undefined): void {
    const conversationId = conversation?.status === 'resolved' ? undefined : conversation?.id;
    if (conversationId === this.#conversationId) return;
    this.#halt();
    this.#conversationId = conversationId;
    if (!conversationId) return;
    this.#watchedUrl = this.deps.page().url;
    const stopWatching = this.deps.every(WATCH_MS, this.#check);
    const stopListening = this.deps.onNavigate(this.#check);
    const stopShown = this.deps.onShown(this.#shown);
    this.#stop = () => {
      stopWatching();
      stopListening();
      stopShown();
    };
    this.report();
  }

  /** Reports the page now, unless it is the one acked or sent last, or there is nothing to say. */
  report(): void {
    const conversationId = this.#conversationId;
    if (!conversationId || !this.deps.isConnected() || !this.deps.isVisible()) return;
    const page = this.deps.page();
    const url = httpUrl(page.url);
    if (!url) return;
    const title = page.title.slice(0, TITLE_MAX);
    const key = `${url}\n${title}`;
    if (key === this.#acked || key === this.#sent) return;
    this.#sent = key;
    void this.deps.send(title ? { conversationId, url, title } : { conversationId, url }).then((ok) => {
      // Another report went out meanwhile (or another conversation is followed): that one counts.
      if (this.#sent !== key || conversationId !== this.#conversationId) return;
      this.#sent = undefined;
      if (ok) this.#acked = key;
    });
  }

  /** Another tab may have reported since this one's last: the server has no page of this one's now. */
  readonly #shown = (): void => {
    this.#acked = undefined;
    this.report();
  };

  readonly #check = (): void => {
    const url = this.deps.page().url;
    if (url === this.#watchedUrl) return;
    this.#watchedUrl = url;
    this.#cancelStable?.();
    this.#cancelStable = this.deps.after(STABLE_MS, () => {
      this.#cancelStable = undefined;
      // Moved on again meanwhile (pushState fires nothing): wait for that address to settle.
      if (this.deps.page().url === this.#watchedUrl) this.report();
      else this.#check();
    });
  };

  #halt(): void {
    this.#stop?.();
    this.#cancelStable?.();
    this.#stop = undefined;
    this.#cancelStable = undefined;
    this.#acked = undefined;
    this.#sent = undefined;
  }
}
