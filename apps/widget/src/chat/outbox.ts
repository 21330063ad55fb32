import type { Attachment } from '@switchboard/protocol';

/** A message the visitor wrote that the server has not acknowledged yet. */
export interface OutboxEntry {
  clientMsgId: string;
  /** null until the conversation is opened (the first message of a chat may be written offline). */
  conversationId: string | null;
  body: string;
  attachment: Attachment | null;
  createdAt: string;
  /** Refused for good (e.g. invalid): kept on screen with a retry button, not sent automatically. */
  failed: boolean;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function isEntry(value: unknown): value is OutboxEntry {
  const v = value as Partial<OutboxEntry> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.clientMsgId === 'string' &&
    (v.conversationId === null || typeof v.conversationId === 'string') &&
    typeof v.body === 'string' &&
    typeof v.failed === 'boolean'
  );
}

/**
 * Unsent messages, oldest first, written through to storage on every change so a reload, a crash
 * or another tab finds them and resends them with the same clientMsgId.
 */
export class Outbox {
  /** Used when storage refuses writes (quota, privacy mode): then the outbox lives as long as the page. */
  #memory: OutboxEntry[] | undefined;

  constructor(
    private readonly store: KeyValueStore,
    private readonly key: string,
  ) {}

  entries(): OutboxEntry[] {
    if (this.#memory) return [...this.#memory];
    try {
      const parsed: unknown = JSON.parse(this.store.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  add(entry: OutboxEntry): void {
    this.#write([...this.entries().filter((e) => e.clientMsgId !== entry.clientMsgId), entry]);
  }

  remove(clientMsgId: string): void {
    this.#write(this.entries().filter((e) => e.clientMsgId !== clientMsgId));
  }

  update(clientMsgId: string, change: Partial<Omit<OutboxEntry, 'clientMsgId'>>): void {
    this.#write(this.entries().map((e) => (e.clientMsgId === clientMsgId ? { ...e, ...change } : e)));
  }

  /** The first message of a chat is written before its conversation exists. */
  assignConversation(conversationId: string): void {
    this.#write(this.entries().map((e) => (e.conversationId === null ? { ...e, conversationId } : e)));
  }

  /** The oldest entry to send now: not failed. */
  next(): OutboxEntry | undefined {
    return this.entries().find((e) => !e.failed);
  }

  #write(entries: OutboxEntry[]): void {
    if (!this.#memory) {
      try {
        this.store.setItem(this.key, JSON.stringify(entries));
        return;
      } catch {
        // fall back to memory below
      }
    }
    this.#memory = entries;
  }
}
