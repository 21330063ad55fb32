import type { ConversationHit, SearchHit } from '@switchboard/protocol';
import { create } from 'zustand';
import { ANY_TIME, type PeriodState } from './period.js';

interface SearchState {
  query: string;
  /** The period searched; kept when the box is cleared. */
  period: PeriodState;
  /** Null while no search is shown (the conversation lists are). */
  hits: SearchHit[] | null;
  /** The search the shown results answer (its words are marked in them). */
  answered: string;
  /** The conversations whose visitor the search names (shown above the messages). */
  conversations: ConversationHit[];
  /** The hits come from this device's cache: the server was out of reach. */
  offline: boolean;
  searching: boolean;
  setQuery(query: string): void;
  setPeriod(period: PeriodState): void;
  start(): void;
  show(
    query: string,
    answer: { hits: SearchHit[]; conversations: ConversationHit[]; offline: boolean },
  ): void;
  clear(): void;
}

export const useSearch = create<SearchState>((set) => ({
  query: '',
  period: ANY_TIME,
  hits: null,
  answered: '',
  conversations: [],
  offline: false,
  searching: false,
  setQuery: (query) => set({ query }),
  setPeriod: (period) => set({ period }),
  start: () => set({ searching: true }),
  // An answer to an older query than the box holds now is dropped.
  show: (query, { hits, conversations, offline }) =>
    set((s) =>
      s.query.trim() === query ? { hits, conversations, offline, searching: false, answered: query } : {},
    ),
  clear: () =>
    set({ query: '', hits: null, answered: '', conversations: [], offline: false, searching: false }),
}));
