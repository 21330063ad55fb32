import type { Conversation, Message } from '@switchboard/protocol';
import { create } from 'zustand';
import type { FeedState } from './feed.js';

interface SupervisorState {
  feed: FeedState | null;
  /** The conversation open in the monitor panel, and what the supervisor did to it. */
  monitored: Conversation | null;
  barged: boolean;
  /** The monitored conversation's messages by seq. */
  messages: Record<number, Message>;
  setFeed(feed: FeedState | null): void;
  setMonitored(conversation: Conversation | null): void;
  setBarged(barged: boolean): void;
  addMessages(messages: readonly Message[]): void;
}

export const useSupervisor = create<SupervisorState>((set) => ({
  feed: null,
  monitored: null,
  barged: false,
  messages: {},
  setFeed: (feed) => set({ feed }),
  setMonitored: (monitored) =>
    set((s) =>
      s.monitored?.id === monitored?.id ? { monitored } : { monitored, messages: {}, barged: false },
    ),
  setBarged: (barged) => set({ barged }),
  addMessages: (messages) =>
    set((s) => {
      const id = s.monitored?.id;
      const mine = messages.filter((m) => m.conversationId === id && !s.messages[m.seq]);
      if (mine.length === 0) return s;
      return { messages: { ...s.messages, ...Object.fromEntries(mine.map((m) => [m.seq, m])) } };
    }),
}));

/** The monitored conversation's messages in seq order (memoize: a new array each call). */
export const timelineOf = (messages: Record<number, Message>): Message[] =>
  Object.values(messages).sort((a, b) => a.seq - b.seq);

/** The highest seq held with nothing missing below it. */
export function contiguousSeq(messages: Record<number, Message>): number {
  let seq = 0;
  while (messages[seq + 1]) seq++;
  return seq;
}
