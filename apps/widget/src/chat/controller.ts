import type {
  Attachment,
  Message,
  QueueUpdate,
  VisitorConversation,
  WidgetConfig,
} from '@switchboard/protocol';
import { isWidgetConfig } from '../shared/config-guard.js';
import { adoptStyles, el } from '../shared/dom.js';
import type { ChatApi, ChatHost } from '../shared/host.js';
import { localized } from '../shared/locale.js';
import { safeStorage, storageKeys } from '../shared/storage-keys.js';
import { Connection } from './connection.js';
import { ConversationView } from './conversation-view.js';
import { format, STRINGS, type Strings } from './i18n.js';
import { Outbox } from './outbox.js';
import { pageAttributes } from './page-attributes.js';
import { PageReporter, windowSources } from './page-reporter.js';
import { RestClient } from './rest-client.js';
import { Sender } from './sender.js';
import { SessionStore, type StoredSession } from './session-store.js';
import { chatCss } from './styles.js';
import { Timeline } from './timeline.js';
import { NO_TYPING, type TypingReport, TypingReporter } from './typing-reporter.js';
import { uuid } from './uuid.js';
import { composerView } from './view/composer-view.js';
import { type FormField, formView } from './view/form-view.js';
import { createPanel, type PanelParts } from './view/panel.js';
import { ratingView } from './view/rating-view.js';
import {
  conflictReason,
  isConversationList,
  isEmpty,
  isMessage,
  isMessageAck,
  isQueueUpdate,
  isReadUpdate,
  isSyncResponse,
  isTypingUpdate,
  isVisitorConversation,
  isVisitorSession,
} from './wire-guards.js';

const SYNC_PAGE = 200;
const UPLOAD_CONNECT_WAIT_MS = 15_000;
const isActive = (c: VisitorConversation | undefined) => c?.status === 'queued' || c?.status === 'assigned';
/** The visitor may still write in it: a live chat, or a message they left (to add to it). */
const isWritable = (c: VisitorConversation | undefined) => isActive(c) || c?.status === 'offline';

/**
 * The chat: one visitor session, its socket, the current conversation (timeline + outbox) and
 * which view the panel shows. Server state always wins: every connect re-lists the visitor's
 * conversations and resyncs the current one from its lastSeq.
 */
export class ChatController implements ChatApi {
  readonly #t: Strings;
  readonly #parts: PanelParts;
  readonly #view: ConversationView;
  readonly #rest: RestClient;
  readonly #sessions: SessionStore;
  #config: WidgetConfig;
  #session: StoredSession | undefined;
  #connection: Connection | undefined;
  #outbox: Outbox | undefined;
  #sender: Sender | undefined;
  #conversation: VisitorConversation | undefined;
  #timeline: Timeline | undefined;
  #opening: Promise<string | undefined> | undefined;
  #syncing = false;
  /** The current conversation's first sync in this page is done. */
  #caughtUp = false;
  #syncAgain = false;
  #agentReadSeq = 0;
  /** The latest place in the queue per conversation; it may arrive before the conversation does. */
  #queue = new Map<string, QueueUpdate>();
  #preChat: Record<string, string> = {};
  #isOpen = false;
  /** The queued visitor chose "Leave a message instead": the footer shows the form. */
  #leaving = false;
  readonly #attachmentUrls = new Map<string, Promise<string | undefined>>();
  /** Tells the agents which page the visitor is on while the conversation is open. */
  readonly #pages = new PageReporter({
    ...windowSources(),
    isConnected: () => this.#connection?.connected ?? false,
    send: async (view) => {
      const sent = await this.#connection?.request('page:view', view, isEmpty);
      return sent !== undefined && sent !== 'timeout' && sent.ok;
    },
  });

  constructor(private readonly host: ChatHost) {
    this.#t = STRINGS[host.locale];
    this.#config = host.config;
    this.#rest = new RestClient(host.serverUrl);
    this.#sessions = new SessionStore(host.widgetId);
    adoptStyles(host.root, chatCss);
    this.#parts = createPanel(this.#t, this.#t.title);
    this.#view = new ConversationView(this.#parts, this.#t, (a) => this.#loadAttachment(a));
    this.#view.clear(this.#greeting());
    this.#view.showHeader(undefined, this.#config.online);
    host.root.querySelector('.sb-root')?.append(this.#parts.panel);
    this.#parts.closeButton.addEventListener('click', () => host.requestClose());
    this.#parts.transcriptButton.addEventListener('click', () => void this.#downloadTranscript());
    this.#parts.leaveQueueButton.addEventListener('click', () => {
      this.#leaving = true;
      this.#renderFooter();
      this.#focusFooter();
    });
    this.#parts.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        host.requestClose();
      }
    });
    document.addEventListener('visibilitychange', () => this.#markRead());
    this.#session = this.#sessions.load(host.user());
    if (this.#session) this.#connect(this.#session);
    this.#renderFooter();
  }

  open(): void {
    this.#isOpen = true;
    this.#parts.panel.hidden = false;
    this.#markRead();
    this.#view.scrollToEnd();
    this.#focusFooter();
    if (!this.#conversation) void this.#refreshOnline();
  }

  close(): void {
    const hadFocus = this.#parts.panel.contains(this.host.root.activeElement);
    this.#isOpen = false;
    this.#parts.panel.hidden = true;
    if (hadFocus) this.host.launcher.focus();
  }

  userChanged(): void {
    const user = this.host.user();
    if (this.#session && user && this.#session.userId !== user.userId) this.#forgetSession();
  }

  // ---- session and socket -------------------------------------------------------------------

  async #ensureSession(): Promise<StoredSession | undefined> {
    if (this.#session) return this.#session;
    const user = this.host.user();
    const name = this.#preChat.name ?? user?.name;
    const email = this.#preChat.email ?? user?.email;
    const result = await this.#rest.json('POST', '/api/visitor/sessions', isVisitorSession, {
      body: {
        widgetId: this.host.widgetId,
        ...(name ? { name: name.slice(0, 120) } : {}),
        ...(email ? { email } : {}),
        ...(user ? { identity: { userId: user.userId, signature: user.signature } } : {}),
      },
    });
    if (!result.ok) return undefined;
    this.#session = this.#sessions.save(result.data, user);
    this.#connect(this.#session);
    return this.#session;
  }

  #connect(session: StoredSession): void {
    this.#outbox = new Outbox(window.localStorage, storageKeys.outbox(this.host.widgetId, session.visitorId));
    const connection = new Connection(this.host.serverUrl, () => session.visitorToken, {
      onStatus: (connected) => {
        this.#view.showConnected(connected);
        this.#renderPending();
      },
      onRefused: (error) => {
        if (error.code === 'token-invalid' || error.code === 'unauthenticated') this.#forgetSession();
      },
    });
    this.#connection = connection;
    const outbox = this.#outbox;
    this.#sender = new Sender({
      outbox,
      isConnected: () => connection.connected,
      ensureConversation: () => this.#ensureConversation(),
      send: (payload) => connection.request('message:send', payload, isMessageAck),
      onAck: (entry, ack) => {
        if (entry.conversationId === this.#timeline?.conversationId) {
          this.#addMessages([
            {
              conversationId: entry.conversationId,
              seq: ack.seq,
              clientMsgId: entry.clientMsgId,
              sender: { kind: 'visitor', id: session.visitorId, name: null },
              body: entry.body,
              visibility: 'all',
              attachment: entry.attachment,
              createdAt: ack.createdAt,
            },
          ]);
        }
        this.#renderPending();
      },
      onFailed: () => this.#renderPending(),
      onConversationClosed: (conversationId) => {
        if (this.#conversation?.id !== conversationId) return;
        this.#conversation = { ...this.#conversation, status: 'resolved' };
        this.#followPages(this.#conversation);
      },
      setTimer: (run, ms) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      },
    });
    const socket = connection.socket;
    socket.on('session:hello', () => void this.#onHello());
    socket.on('message:new', (message: unknown) => {
      if (isMessage(message)) this.#onMessage(message);
    });
    socket.on('conversation:update', (conversation: unknown) => {
      if (isVisitorConversation(conversation)) this.#onConversation(conversation);
    });
    socket.on('typing:update', (update: unknown) => {
      if (
        isTypingUpdate(update) &&
        update.conversationId === this.#conversation?.id &&
        update.sender.kind === 'agent'
      ) {
        this.#view.showTyping(update.typing ? (update.sender.name ?? '') : null);
      }
    });
    socket.on('read:update', (update: unknown) => {
      if (
        isReadUpdate(update) &&
        update.conversationId === this.#conversation?.id &&
        update.reader.kind === 'agent'
      ) {
        this.#agentReadSeq = Math.max(this.#agentReadSeq, update.seq);
        this.#view.showReceipt(this.#agentReadSeq);
      }
    });
    socket.on('queue:update', (update: unknown) => {
      if (!isQueueUpdate(update)) return;
      this.#queue.set(update.conversationId, update);
      if (update.conversationId === this.#conversation?.id && this.#conversation.status === 'queued') {
        this.#view.showQueue(update);
      }
    });
    this.#renderPending();
  }

  #forgetSession(): void {
    this.#connection?.close();
    this.#connection = undefined;
    this.#sender = undefined;
    this.#outbox = undefined;
    this.#session = undefined;
    this.#sessions.clear();
    this.#setConversation(undefined);
    this.#renderFooter();
  }

  /** Every (re)connect: the conversations may have changed (new epoch, other tabs), then resync and resend. */
  async #onHello(): Promise<void> {
    const connection = this.#connection;
    if (!connection) return;
    const listed = await connection.request('conversation:list', {}, isConversationList);
    if (listed !== 'timeout' && listed.ok) {
      const stored = this.#conversation?.id ?? this.#sessions.conversationId();
      const current = listed.data.find((c) => c.id === stored) ?? listed.data.find(isActive);
      if (current) this.#onConversation(current);
    }
    this.#pages.report();
    await this.#sync();
    this.#sender?.resume();
  }

  // ---- conversation -------------------------------------------------------------------------

  async #ensureConversation(): Promise<string | undefined> {
    if (this.#conversation && isWritable(this.#conversation)) return this.#conversation.id;
    this.#opening ??= this.#openConversation().finally(() => {
      this.#opening = undefined;
    });
    return this.#opening;
  }

  async #openConversation(): Promise<string | undefined> {
    const connection = this.#connection;
    if (!connection?.connected) return undefined;
    // An earlier open whose ack was lost (or another tab's) is found instead of opening a second one.
    const listed = await connection.request('conversation:list', {}, isConversationList);
    if (listed === 'timeout' || !listed.ok) return undefined;
    const active = listed.data.find(isActive);
    if (active) {
      this.#onConversation(active);
      return active.id;
    }
    const custom = { ...this.host.attributes() };
    for (const [key, value] of Object.entries(this.#preChat))
      if (key !== 'name' && key !== 'email') custom[key] = value;
    const opened = await connection.request(
      'conversation:open',
      { attributes: pageAttributes(custom) },
      isVisitorConversation,
    );
    if (opened === 'timeout' || !opened.ok) return undefined;
    this.#onConversation(opened.data);
    return opened.data.id;
  }

  #setConversation(conversation: VisitorConversation | undefined): void {
    const changed = conversation?.id !== this.#conversation?.id;
    const previous = this.#conversation;
    this.#conversation = conversation;
    if (changed) {
      this.#timeline = conversation ? new Timeline(conversation.id) : undefined;
      this.#caughtUp = false;
      this.#agentReadSeq = 0;
      this.#view.clear(this.#greeting());
      this.#sessions.setConversationId(conversation?.id ?? null);
    } else if (conversation?.agent && conversation.agent.name !== previous?.agent?.name) {
      this.#view.systemLine(this.#t.agentJoined.replace('{name}', conversation.agent.name));
    }
    this.#view.showQueue(conversation?.status === 'queued' ? this.#queue.get(conversation.id) : undefined);
    this.#view.showHeader(conversation, this.#config.online);
    this.#parts.transcriptButton.hidden = !(conversation && this.#config.settings.transcriptEnabled);
    this.#followPages(conversation);
  }

  /** The pages of an open conversation are reported unless the widget records none. */
  #followPages(conversation: VisitorConversation | undefined): void {
    this.#pages.follow(this.#config.pageTracking === 'off' ? undefined : conversation);
  }

  #onConversation(conversation: VisitorConversation): void {
    const current = this.#conversation;
    // Another conversation of this visitor only takes over when the current one is over.
    if (current && current.id !== conversation.id && isActive(current)) return;
    if (current && current.id !== conversation.id && !isActive(conversation)) return;
    const statusChanged = current?.status !== conversation.status;
    const isNew = current?.id !== conversation.id;
    const replyToChanged = current?.replyTo !== conversation.replyTo;
    if (isNew || statusChanged) this.#leaving = false;
    this.#setConversation(conversation);
    if (isNew) void this.#sync();
    if (isNew || statusChanged || replyToChanged) this.#renderFooter();
  }

  #onMessage(message: Message): void {
    const timeline = this.#timeline;
    if (!timeline || message.conversationId !== timeline.conversationId) {
      // A conversation this tab does not know yet (opened in another tab): catch up.
      if (!timeline) void this.#onHello();
      return;
    }
    this.#addMessages([message]);
    if (timeline.hasGap()) void this.#sync();
  }

  #addMessages(messages: Message[]): Message[] {
    const timeline = this.#timeline;
    if (!timeline) return [];
    const added = timeline.add(messages);
    for (const message of added) {
      this.#view.addMessage(message);
      // History that the first sync brings back is not news; anything after it is, pushed or synced.
      if (this.#caughtUp && message.sender.kind !== 'visitor') {
        this.host.emitMessage({
          conversationId: message.conversationId,
          seq: message.seq,
          body: message.body,
          sender: { kind: message.sender.kind, name: message.sender.name },
        });
      }
    }
    if (added.length > 0) {
      this.#view.showReceipt(this.#agentReadSeq);
      this.#markRead();
    }
    return added;
  }

  /** message:sync from lastSeq until hasMore is false; one at a time, re-run if asked meanwhile. */
  async #sync(): Promise<void> {
    if (this.#syncing) {
      this.#syncAgain = true;
      return;
    }
    this.#syncing = true;
    try {
      do {
        this.#syncAgain = false;
        const timeline = this.#timeline;
        const connection = this.#connection;
        if (!timeline || !connection?.connected) return;
        let afterSeq = timeline.lastSeq;
        for (;;) {
          const page = await connection.request(
            'message:sync',
            { conversationId: timeline.conversationId, afterSeq, limit: SYNC_PAGE },
            isSyncResponse,
          );
          if (page === 'timeout' || !page.ok || timeline !== this.#timeline) break;
          this.#addMessages(page.data.messages);
          if (!page.data.hasMore) {
            timeline.confirmThrough(page.data.lastSeq);
            this.#caughtUp = true;
            this.#view.showSynced(true);
            break;
          }
          afterSeq = page.data.messages.at(-1)?.seq ?? page.data.lastSeq;
        }
      } while (this.#syncAgain);
    } finally {
      this.#syncing = false;
    }
  }

  // ---- reading, unread badge ----------------------------------------------------------------

  #markRead(): void {
    const timeline = this.#timeline;
    if (!timeline) return;
    const readKey = storageKeys.readSeq(this.host.widgetId, timeline.conversationId);
    const readSeq = Number(safeStorage.get(readKey) ?? 0);
    const highest = timeline.highestSeq;
    if (this.#isOpen && document.visibilityState === 'visible') {
      this.host.setUnread(0);
      if (highest > readSeq) {
        safeStorage.set(readKey, String(highest));
        void this.#connection?.request(
          'message:read',
          { conversationId: timeline.conversationId, seq: highest },
          isEmpty,
        );
      }
      return;
    }
    const unread = timeline.ordered().filter((m) => m.seq > readSeq && m.sender.kind !== 'visitor').length;
    this.host.setUnread(unread);
  }

  // ---- sending --------------------------------------------------------------------------------

  async #send(body: string, file: File | undefined): Promise<boolean> {
    const session = await this.#ensureSession();
    if (!session || !this.#outbox) {
      this.#composer?.setError(this.#t.unavailable);
      return false;
    }
    let attachment: Attachment | null = null;
    if (file) {
      // A file cannot wait in the outbox, so it waits here for the link (just after the pre-chat
      // form, or through a short drop) before its conversation is opened and it is uploaded.
      await this.#connection?.whenConnected(UPLOAD_CONNECT_WAIT_MS);
      const conversationId = await this.#ensureConversation();
      const uploaded = conversationId
        ? await this.#rest.upload(conversationId, file, session.visitorToken)
        : undefined;
      if (!uploaded?.ok) {
        this.#composer?.setError(this.#t.uploadFailed);
        return false;
      }
      attachment = uploaded.data;
    }
    this.#outbox.add({
      clientMsgId: uuid(),
      conversationId: isWritable(this.#conversation) ? (this.#conversation?.id ?? null) : null,
      body,
      attachment,
      createdAt: new Date().toISOString(),
      failed: false,
    });
    this.#renderPending();
    void this.#sender?.flush();
    return true;
  }

  #renderPending(): void {
    const entries = this.#outbox?.entries() ?? [];
    this.#view.showPending(entries, this.#connection?.connected ?? false, (clientMsgId) => {
      this.#outbox?.update(clientMsgId, { failed: false });
      this.#renderPending();
      this.#sender?.resume();
    });
  }

  #typing(report: TypingReport): void {
    const conversation = this.#conversation;
    if (!isActive(conversation) || !conversation || !this.#connection?.connected) return;
    void this.#connection.request('typing:set', { conversationId: conversation.id, ...report }, isEmpty);
  }

  // ---- footer views ---------------------------------------------------------------------------

  #composer: ReturnType<typeof composerView> | undefined;
  #typingReporter: TypingReporter | undefined;
  #focusFooter: () => void = () => undefined;

  #renderFooter(): void {
    const footer = this.#parts.footer;
    this.#composer = undefined;
    this.#typingReporter?.dispose();
    this.#typingReporter = undefined;
    const conversation = this.#conversation;
    const settings = this.#config.settings;
    if (conversation?.status === 'resolved') {
      this.#showEnded(conversation);
      return;
    }
    if (conversation?.status === 'offline') {
      if (conversation.replyTo) this.#showLeft(conversation.replyTo);
      else this.#showLeaveForm(conversation.id, this.#t.offlineTitle, this.#t.queueTimedOut, false);
      return;
    }
    if (conversation?.status === 'queued' && this.#leaving) {
      this.#showLeaveForm(conversation.id, this.#t.leaveQueue, this.#t.leaveQueueIntro, true);
      return;
    }
    if (!conversation && !this.#config.online) {
      this.#showOfflineForm();
      return;
    }
    if (!conversation && !this.#session && settings.preChatFields.length > 0) {
      const form = formView({
        idPrefix: 'sb-prechat',
        title: this.#t.prechatTitle,
        fields: settings.preChatFields.map((field) => ({
          key: field.key,
          label: localized(field.label, this.host.locale),
          type: field.type,
          required: field.required,
          options: field.options?.map((o) => ({
            value: o.value,
            label: localized(o.label, this.host.locale),
          })),
        })),
        submitLabel: this.#t.startChat,
        t: this.#t,
        onSubmit: (values, done) => {
          this.#preChat = values;
          void this.#ensureSession().then((session) => {
            done(session ? undefined : this.#t.unavailable);
            if (!session) return;
            this.#renderFooter();
            this.#focusFooter();
          });
        },
      });
      footer.replaceChildren(form.form);
      this.#focusFooter = form.focus;
      return;
    }
    // A server older than typingPreview sends no such field: no preview.
    this.#typingReporter = new TypingReporter(
      (report) => this.#typing(report),
      this.#config.typingPreview === true,
    );
    const composer = composerView(this.#t, {
      onSend: (body, file) => this.#send(body, file),
      typing: this.#typingReporter,
    });
    this.#composer = composer;
    footer.replaceChildren(composer.element);
    this.#focusFooter = composer.focus;
  }

  /** Leaves the current conversation on the page for a new one, opened with the next message. */
  #newChatButton(className: string): HTMLButtonElement {
    const button = el('button', { type: 'button', class: className }, this.#t.newChat);
    button.addEventListener('click', () => {
      this.#setConversation(undefined);
      this.#renderFooter();
      this.#focusFooter();
    });
    return button;
  }

  #showEnded(conversation: VisitorConversation): void {
    const ratedKey = storageKeys.rated(this.host.widgetId, conversation.id);
    const newChat = this.#newChatButton('sb-btn');
    const parts: HTMLElement[] = [el('p', { role: 'status' }, this.#t.ended)];
    if (!safeStorage.get(ratedKey)) {
      parts.push(
        ratingView(this.#t, (score, comment, done) => {
          const token = this.#session?.visitorToken;
          void this.#rest
            .json('POST', `/api/visitor/conversations/${conversation.id}/rating`, isEmpty, {
              token,
              body: comment ? { score, comment } : { score },
            })
            .then((result) => {
              // Rated already (in another tab, say): nothing left to ask.
              if (result.ok || conflictReason(result.error) === 'already-rated') {
                safeStorage.set(ratedKey, '1');
                // Nothing left to do in it: later page views need not load the chat for it.
                this.#sessions.setConversationId(null);
                done();
              } else done(this.#t.error);
            });
        }),
      );
    }
    parts.push(newChat);
    this.#parts.footer.replaceChildren(el('div', { class: 'sb-form' }, ...parts));
    this.#focusFooter = () => newChat.focus();
  }

  /** Where to answer a queued chat the visitor leaves as a message (or one the queue time ran out on). */
  #showLeaveForm(conversationId: string, title: string, intro: string, canGoBack: boolean): void {
    const user = this.host.user();
    const form = formView({
      idPrefix: 'sb-leave',
      title,
      intro,
      fields: [
        { key: 'email', label: this.#t.email, type: 'email', required: true, maxLength: 254 },
        { key: 'name', label: this.#t.name, type: 'text', required: false },
      ],
      initial: { email: this.#preChat.email ?? user?.email, name: this.#preChat.name ?? user?.name },
      submitLabel: this.#t.leaveMessage,
      secondary: canGoBack
        ? {
            label: this.#t.keepWaiting,
            onClick: () => {
              this.#leaving = false;
              this.#renderFooter();
              this.#focusFooter();
            },
          }
        : undefined,
      t: this.#t,
      onSubmit: (values, done) => void this.#leaveMessage(conversationId, values).then(done),
    });
    this.#parts.footer.replaceChildren(form.form);
    this.#focusFooter = form.focus;
  }

  /** Undefined when the chat is now a left message; else what to tell the visitor. */
  async #leaveMessage(conversationId: string, values: Record<string, string>): Promise<string | undefined> {
    const token = this.#session?.visitorToken;
    if (!token) return this.#t.error;
    const result = await this.#rest.json(
      'POST',
      `/api/visitor/conversations/${conversationId}/leave-message`,
      isVisitorConversation,
      { token, body: { email: values.email ?? '', ...(values.name ? { name: values.name } : {}) } },
    );
    if (result.ok) {
      this.#onConversation(result.data);
      return undefined;
    }
    // An agent took the chat (or it ended) just before: its update brings the right footer.
    if (conflictReason(result.error) === 'chat-ended') return this.#t.ended;
    return result.error.code === 'conflict' ? this.#t.agentJoinedFirst : this.#t.error;
  }

  /** A left message: where the answer goes, room to add to it, or a new chat instead. */
  #showLeft(email: string): void {
    const newChat = this.#newChatButton('sb-link');
    const composer = composerView(this.#t, {
      onSend: (body, file) => this.#send(body, file),
      typing: NO_TYPING,
    });
    this.#composer = composer;
    this.#parts.footer.replaceChildren(
      el(
        'div',
        { class: 'sb-form' },
        el('p', { role: 'status' }, format(this.#t.leftMessage, { email })),
        newChat,
      ),
      composer.element,
    );
    this.#focusFooter = composer.focus;
  }

  #showOfflineForm(): void {
    const fields: FormField[] = [
      { key: 'name', label: this.#t.name, type: 'text', required: false },
      { key: 'email', label: this.#t.email, type: 'email', required: true, maxLength: 254 },
      { key: 'message', label: this.#t.message, type: 'textarea', required: true, maxLength: 5000 },
    ];
    const form = formView({
      idPrefix: 'sb-offline',
      title: this.#t.offlineTitle,
      intro: this.#t.offlineIntro,
      fields,
      submitLabel: this.#t.leaveMessage,
      t: this.#t,
      onSubmit: (values, done) =>
        void this.#leaveOfflineMessage(values).then((left) => {
          done(left ? undefined : this.#t.error);
          // The left message is this page's conversation now: it shows, and so does any answer.
          if (left) this.#onConversation(left);
        }),
    });
    this.#parts.footer.replaceChildren(form.form);
    this.#focusFooter = form.focus;
  }

  async #leaveOfflineMessage(values: Record<string, string>): Promise<VisitorConversation | undefined> {
    this.#preChat = {
      ...this.#preChat,
      ...(values.name ? { name: values.name } : {}),
      email: values.email ?? '',
    };
    const session = await this.#ensureSession();
    if (!session) return undefined;
    // Kept until the server confirms, so a retry (even after a reload) reuses the same clientMsgId.
    const draftKey = storageKeys.offlineDraft(this.host.widgetId);
    const clientMsgId = safeStorage.get(draftKey) ?? uuid();
    safeStorage.set(draftKey, clientMsgId);
    const result = await this.#rest.json('POST', '/api/visitor/offline-messages', isVisitorConversation, {
      token: session.visitorToken,
      body: {
        clientMsgId,
        body: values.message ?? '',
        email: values.email ?? '',
        ...(values.name ? { name: values.name } : {}),
        attributes: pageAttributes(this.host.attributes()),
      },
    });
    if (!result.ok) return undefined;
    safeStorage.remove(draftKey);
    return result.data;
  }

  // ---- downloads --------------------------------------------------------------------------------

  #loadAttachment(attachment: Attachment): Promise<string | undefined> {
    const token = this.#session?.visitorToken;
    if (!token) return Promise.resolve(undefined);
    let url = this.#attachmentUrls.get(attachment.id);
    if (!url) {
      url = this.#rest
        .blob(`/api/attachments/${attachment.id}`, token)
        .then((blob) =>
          blob ? URL.createObjectURL(new Blob([blob], { type: attachment.mimeType })) : undefined,
        );
      this.#attachmentUrls.set(attachment.id, url);
    }
    return url;
  }

  async #downloadTranscript(): Promise<void> {
    const conversation = this.#conversation;
    const token = this.#session?.visitorToken;
    if (!conversation || !token) return;
    // The transcript's own words (a sender without a name, system messages) in the widget's
    // language, its times on the visitor's clock.
    const query = new URLSearchParams({ locale: this.host.locale });
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (timeZone) query.set('timeZone', timeZone);
    const blob = await this.#rest.blob(
      `/api/visitor/conversations/${conversation.id}/transcript?${query}`,
      token,
    );
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    el('a', { href: url, download: `chat-${conversation.createdAt.slice(0, 10)}.txt` }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async #refreshOnline(): Promise<void> {
    const result = await this.#rest.json('GET', `/api/widgets/${this.host.widgetId}/config`, isWidgetConfig);
    if (!result.ok || result.data.online === this.#config.online || this.#conversation) return;
    this.#config = result.data;
    this.#view.showHeader(undefined, this.#config.online);
    this.#renderFooter();
    if (this.#isOpen) this.#focusFooter();
  }

  #greeting(): string {
    return localized(this.#config.settings.greeting, this.host.locale);
  }
}
