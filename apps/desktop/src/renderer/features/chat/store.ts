import type { Message, TimelineEntry } from '@switchboard/protocol';
import { create } from 'zustand';
import type { Draft, OutboxItem } from '../../../shared/cache-schemas.js';

/** A message of a chat to bring into view; `words`: what a search asked for, marked in it. */
export interface Reveal {
  conversationId: string;
  seq: number;
  words?: string | undefined;
}

interface ChatState {
  /** Loaded timelines only, each ascending by seq, deduplicated by seq. */
  messages: Record<string, Message[]>;
  outbox: Record<string, OutboxItem>;
  drafts: Record<string, Draft>;
  typing: Record<string, boolean>;
  /** What the visitor is writing and has not sent, where their widget shares it (show as text). */
  visitorDrafts: Record<string, string>;
  /** The visitor's read mark per conversation. */
  visitorRead: Record<string, number>;
  events: Record<string, TimelineEntry[]>;
  /** Conversations whose cache holds messages older than the loaded ones (read as the agent scrolls up). */
  olderCached: Record<string, boolean>;
  /**
   * A message to bring into view, highlighted (a search hit opened), with the words searched for
   * to mark in it; its timeline clears it.
   */
  revealing: Reveal | null;
  reveal(target: Reveal | null): void;
  setMessages(conversationId: string, messages: Message[]): void;
  setOlderCached(conversationId: string, more: boolean): void;
  addMessages(messages: readonly Message[]): void;
  setOutbox(items: readonly OutboxItem[]): void;
  putOutbox(item: OutboxItem): void;
  removeOutbox(clientMsgId: string): void;
  setDraft(draft: Draft): void;
  setDrafts(drafts: readonly Draft[]): void;
  setTyping(conversationId: string, typing: boolean): void;
  setVisitorDraft(conversationId: string, draft: string | null): void;
  setVisitorRead(conversationId: string, seq: number): void;
  setEvents(conversationId: string, events: TimelineEntry[]): void;
}

function merge(existing: Message[], incoming: readonly Message[]): Message[] {
  const bySeq = new Map(existing.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export const useChat = create<ChatState>((set) => ({
  messages: {},
  outbox: {},
  drafts: {},
  typing: {},
  visitorDrafts: {},
  visitorRead: {},
  events: {},
  olderCached: {},
  revealing: null,
  reveal: (revealing) => set({ revealing }),
  setMessages: (id, messages) =>
    set((s) => ({ messages: { ...s.messages, [id]: merge(s.messages[id] ?? [], messages) } })),
  addMessages: (incoming) =>
    set((s) => {
      const messages = { ...s.messages };
      for (const m of incoming) {
        const existing = messages[m.conversationId];
        if (existing) messages[m.conversationId] = merge(existing, [m]);
      }
      return { messages };
    }),
  setOlderCached: (id, more) => set((s) => ({ olderCached: { ...s.olderCached, [id]: more } })),
  setOutbox: (items) => set({ outbox: Object.fromEntries(items.map((i) => [i.clientMsgId, i])) }),
  putOutbox: (item) => set((s) => ({ outbox: { ...s.outbox, [item.clientMsgId]: item } })),
  removeOutbox: (clientMsgId) =>
    set((s) => {
      const { [clientMsgId]: _removed, ...outbox } = s.outbox;
      return { outbox };
    }),
  setDraft: (draft) => set((s) => ({ drafts: { ...s.drafts, [draft.conversationId]: draft } })),
  setDrafts: (drafts) => set({ drafts: Object.fromEntries(drafts.map((d) => [d.conversationId, d])) }),
  setTyping: (id, typing) => set((s) => ({ typing: { ...s.typing, [id]: typing } })),
  setVisitorDraft: (id, draft) =>
    set((s) => {
      const { [id]: _previous, ...others } = s.visitorDrafts;
      return { visitorDrafts: draft === null ? others : { ...others, [id]: draft } };
    }),
  setVisitorRead: (id, seq) =>
    set((s) => ({ visitorRead: { ...s.visitorRead, [id]: Math.max(seq, s.visitorRead[id] ?? 0) } })),
  setEvents: (id, events) => set((s) => ({ events: { ...s.events, [id]: events } })),
}));

export function pendingCount(outbox: Record<string, OutboxItem>): number {
  return Object.keys(outbox).length;
}
