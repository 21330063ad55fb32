import type { SenderKind, WidgetConfig, WidgetLocale } from '@switchboard/protocol';

/** What a site passes to `Switchboard('setUser', …)`: its user, signed with the widget secret. */
export interface VisitorUser {
  userId: string;
  /** hex(HMAC-SHA256(userId, widget secret)), computed by the site's server. */
  signature: string;
  name?: string;
  email?: string;
}

export type CustomAttributes = Record<string, string | number | boolean>;

/** An incoming message as the `on('message')` callback receives it. */
export interface IncomingMessageEvent {
  conversationId: string;
  seq: number;
  body: string;
  sender: { kind: Exclude<SenderKind, 'visitor'>; name: string | null };
}

export type WidgetEvent = 'message' | 'open' | 'close';

/** What the loader (widget.js) gives the chat bundle (chat.js) when it mounts it. */
export interface ChatHost {
  serverUrl: string;
  widgetId: string;
  config: WidgetConfig;
  locale: WidgetLocale;
  /** The shadow root both bundles draw into. */
  root: ShadowRoot;
  /** The launcher, where focus returns when the panel closes. */
  launcher: HTMLButtonElement;
  user(): VisitorUser | undefined;
  attributes(): CustomAttributes;
  setUnread(count: number): void;
  emitMessage(event: IncomingMessageEvent): void;
  /** The panel asks the loader to close it (close button, Escape). */
  requestClose(): void;
}

export interface ChatApi {
  open(): void;
  close(): void;
  /** `setUser` was called: a different user means a different visitor session. */
  userChanged(): void;
}

export interface ChatModule {
  mount(host: ChatHost): ChatApi;
}

declare global {
  interface Window {
    /** Set by chat.js when it loads; the loader mounts it. */
    SwitchboardChat?: ChatModule;
  }
}
