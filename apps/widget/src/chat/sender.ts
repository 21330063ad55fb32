import type { ApiError, MessageAck } from '@switchboard/protocol';
import { jitteredBackoff } from './backoff.js';
import type { Outbox, OutboxEntry } from './outbox.js';
import type { Outcome } from './wire-guards.js';

export interface SendPayload {
  conversationId: string;
  clientMsgId: string;
  body: string;
  attachmentId?: string;
}

export interface SenderDeps {
  outbox: Outbox;
  isConnected(): boolean;
  /** The conversation to send into, opening one if needed; undefined when that is not possible now. */
  ensureConversation(): Promise<string | undefined>;
  /** `timeout`: no ack in time, so the outcome is unknown and the message is sent again later. */
  send(payload: SendPayload): Promise<Outcome<MessageAck> | 'timeout'>;
  onAck(entry: OutboxEntry & { conversationId: string }, ack: MessageAck): void;
  onFailed(entry: OutboxEntry, error: ApiError): void;
  /** The conversation was resolved under the message: it goes to a new conversation. */
  onConversationClosed(conversationId: string): void;
  setTimer(run: () => void, ms: number): () => void;
  random?: () => number;
}

const RETRYABLE = new Set(['rate-limited', 'internal', 'unavailable']);

/**
 * Drains the outbox in order, one message at a time so that seq order is writing order. A
 * message leaves the outbox only when acked; anything unknown (timeout, disconnect, server error)
 * is resent later with the same clientMsgId, which the server answers with the original ack.
 */
export class Sender {
  #running: Promise<void> | undefined;
  #again = false;
  #attempt = 0;
  #cancelTimer: (() => void) | undefined;
  readonly #rehomed = new Set<string>();

  constructor(private readonly deps: SenderDeps) {}

  /** Sends what is due now; safe to call at any time and as often as wanted. Resolves when idle. */
  flush(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#drain();
        } while (this.#again);
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  /** A reconnect: start the backoff over and send at once. */
  resume(): void {
    this.#attempt = 0;
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    void this.flush();
  }

  async #drain(): Promise<void> {
    const { outbox } = this.deps;
    for (;;) {
      if (!this.deps.isConnected()) return;
      const entry = outbox.next();
      if (!entry) {
        this.#attempt = 0;
        return;
      }
      let conversationId = entry.conversationId;
      if (conversationId === null) {
        conversationId = (await this.deps.ensureConversation()) ?? null;
        if (conversationId === null) return this.#retryLater();
        outbox.assignConversation(conversationId);
      }
      const result = await this.deps.send({
        conversationId,
        clientMsgId: entry.clientMsgId,
        body: entry.body,
        ...(entry.attachment ? { attachmentId: entry.attachment.id } : {}),
      });
      if (result === 'timeout') return this.#retryLater();
      if (result.ok) {
        outbox.remove(entry.clientMsgId);
        this.#attempt = 0;
        this.deps.onAck({ ...entry, conversationId }, result.data);
        continue;
      }
      const { code } = result.error;
      if (RETRYABLE.has(code)) return this.#retryLater(retryAfterSeconds(result.error));
      if (code === 'conversation-closed' && !this.#rehomed.has(entry.clientMsgId)) {
        this.#rehomed.add(entry.clientMsgId);
        this.deps.onConversationClosed(conversationId);
        outbox.update(entry.clientMsgId, { conversationId: null });
        continue;
      }
      outbox.update(entry.clientMsgId, { failed: true });
      this.deps.onFailed(entry, result.error);
    }
  }

  #retryLater(afterSeconds?: number): void {
    this.#attempt += 1;
    const delay =
      afterSeconds !== undefined ? afterSeconds * 1000 : jitteredBackoff(this.#attempt, this.deps.random);
    this.#cancelTimer?.();
    this.#cancelTimer = this.deps.setTimer(() => {
      this.#cancelTimer = undefined;
      void this.flush();
    }, delay);
  }
}

function retryAfterSeconds(error: ApiError): number | undefined {
  const details = error.details as { retryAfterSeconds?: unknown } | undefined;
  return typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : undefined;
}
