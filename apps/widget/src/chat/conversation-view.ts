import type { Message, QueueUpdate, VisitorConversation } from '@switchboard/protocol';
import { el } from '../shared/dom.js';
import { format, type Strings } from './i18n.js';
import type { OutboxEntry } from './outbox.js';
import { type AttachmentLoader, messageView, pendingView } from './view/message-view.js';
import type { PanelParts } from './view/panel.js';

const TYPING_EXPIRES_MS = 6000;

/** Draws one conversation into the panel: messages by seq, pending ones, receipts, typing, queue. */
export class ConversationView {
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly parts: PanelParts,
    private readonly t: Strings,
    private readonly loadAttachment: AttachmentLoader,
  ) {}

  clear(greeting: string): void {
    this.parts.log.replaceChildren(el('div', { class: 'sb-msg sb-agent sb-greeting' }, greeting));
    this.parts.pending.replaceChildren();
    this.showQueue(undefined);
    this.showTyping(null);
  }

  /** Inserts a confirmed message at its seq position and drops its pending copy. */
  addMessage(message: Message): void {
    const { log, pending } = this.parts;
    for (const node of pending.querySelectorAll<HTMLElement>('[data-client-msg-id]')) {
      if (node.dataset.clientMsgId === message.clientMsgId) node.remove();
    }
    const node = messageView(message, this.t, this.loadAttachment);
    const after = Array.from(log.querySelectorAll<HTMLElement>('[data-seq]')).find(
      (other) => Number(other.dataset.seq) > message.seq,
    );
    log.insertBefore(node, after ?? null);
    if (message.sender.kind === 'agent') this.showTyping(null);
    this.scrollToEnd();
  }

  systemLine(text: string): void {
    this.parts.log.append(el('div', { class: 'sb-msg sb-system' }, text));
    this.scrollToEnd();
  }

  /** Redraws the visitor's unacknowledged messages, oldest first. */
  showPending(entries: OutboxEntry[], online: boolean, onRetry: (clientMsgId: string) => void): void {
    this.parts.pending.replaceChildren(
      ...entries.map((entry, i) =>
        pendingView(entry, this.t, { online, last: i === entries.length - 1 }, onRetry),
      ),
    );
    this.scrollToEnd();
  }

  /** "Sent" or "Seen" under the visitor's last confirmed message only. */
  showReceipt(agentReadSeq: number): void {
    const own = this.parts.log.querySelectorAll<HTMLElement>('.sb-own[data-seq]');
    for (const receipt of this.parts.log.querySelectorAll('.sb-receipt')) receipt.remove();
    const last = own[own.length - 1];
    if (!last) return;
    const seen = Number(last.dataset.seq) <= agentReadSeq;
    last.append(el('span', { class: 'sb-receipt' }, seen ? this.t.seen : this.t.sent));
  }

  showTyping(name: string | null): void {
    clearTimeout(this.#typingTimer);
    this.parts.typing.textContent =
      name === null ? '' : format(this.t.typing, { name: name || this.t.someone });
    if (name !== null) this.#typingTimer = setTimeout(() => this.showTyping(null), TYPING_EXPIRES_MS);
  }

  showQueue(update: QueueUpdate | undefined): void {
    const banner = this.parts.queueBanner;
    banner.hidden = update === undefined;
    if (!update) return;
    const wait =
      update.estimatedWaitSeconds === null
        ? this.t.waitSoon
        : format(this.t.wait, { m: Math.max(1, Math.ceil(update.estimatedWaitSeconds / 60)) });
    this.parts.queueText.textContent = `${format(this.t.queue, { n: update.position })} ${wait}`;
  }

  /** The header: the agent's name and initial once assigned, else the widget's title. */
  showHeader(conversation: VisitorConversation | undefined, online: boolean): void {
    const agent = conversation?.agent?.name;
    const title = agent ?? this.t.title;
    this.parts.title.textContent = title;
    this.parts.avatar.textContent = Array.from(title)[0]?.toUpperCase() ?? '';
    this.parts.subtitle.textContent = agent ? '' : online ? this.t.online : this.t.offline;
  }

  /** `data-sync` on the panel: `done` once the conversation is caught up, `stale` while disconnected. */
  showSynced(synced: boolean): void {
    this.parts.panel.dataset.sync = synced ? 'done' : 'stale';
  }

  /** Shows "Reconnecting…" only when the link stays down for more than a blink. */
  showConnected(connected: boolean): void {
    clearTimeout(this.#reconnectTimer);
    if (!connected) this.showSynced(false);
    const banner = this.parts.connectionBanner;
    if (connected) {
      banner.hidden = true;
      return;
    }
    this.#reconnectTimer = setTimeout(() => {
      banner.textContent = this.t.reconnecting;
      banner.hidden = false;
    }, 1500);
  }

  scrollToEnd(): void {
    const body = this.parts.body;
    body.scrollTop = body.scrollHeight;
  }
}
