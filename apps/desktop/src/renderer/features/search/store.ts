import type { ConversationHit, SearchHit, SearchPeriod } from '@switchboard/protocol';
import { create } from 'zustand';
import { ANY_TIME, type PeriodState } from './period.js';

/** An answer to a search, as `searchMessages` gives it. */
export interface SearchAnswer {
  hits: SearchHit[];
  conversations: ConversationHit[];
  /** The hits come from this device's cache: the server was out of reach. */
  offline: boolean;
  /** There are further hits: the next page goes on after these. */
  more: boolean;
}

interface SearchState {
  query: string;
  /** The period searched; kept when the box is cleared. */
  period: PeriodState;
  /** Null while no search is shown (the conversation lists are). */
  hits: SearchHit[] | null;
  /** The search the shown results answer (its words are marked in them). */
  answered: string;
  /** The instants the shown results were searched within: the next page asks for the same. */
  bounds: SearchPeriod;
  /** The conversations whose visitor the search names (shown above the messages). */
  conversations: ConversationHit[];
  /** The hits come from this device's cache: the server was out of reach. */
  offline: boolean;
  /** There are further hits than those shown, on the server or (offline) in the cache. */
  more: boolean;
  searching: boolean;
  setQuery(query: string): void;
  setPeriod(period: PeriodState): void;
  start(): void;
  show(query: string, answer: SearchAnswer, bounds?: SearchPeriod): void;
  /**
   * The next page of the shown search's hits, appended; dropped if another search is shown now, or
   * if it comes from elsewhere than the pages shown (the cache's order is not the server's).
   */
  showMore(query: string, answer: SearchAnswer): void;
  clear(): void;
}

const key = (hit: SearchHit) => `${hit.conversationId}:${hit.seq}`;

/** No search shown: the box empty, the conversation lists in view (the period stays). */
const NO_SEARCH = {
  query: '',
  hits: null,
  answered: '',
  bounds: {},
  conversations: [],
  offline: false,
  more: false,
  searching: false,
} satisfies Partial<SearchState>;

export const useSearch = create<SearchState>((set) => ({
  ...NO_SEARCH,
  period: ANY_TIME,
  setQuery: (query) => set({ query }),
  setPeriod: (period) => set({ period }),
  start: () => set({ searching: true }),
  // An answer to an older query than the box holds now is dropped.
  show: (query, { hits, conversations, offline, more }, bounds = {}) =>
    set((s) =>
      s.query.trim() === query
        ? { hits, conversations, offline, more, bounds, searching: false, answered: query }
        : {},
    ),
  showMore: (query, answer) =>
    set((s) => {
      if (s.answered !== query || s.hits === null || s.offline !== answer.offline) return {};
      const shown = new Set(s.hits.map(key));
      return { hits: [...s.hits, ...answer.hits.filter((hit) => !shown.has(key(hit)))], more: answer.more };
    }),
  clear: () => set(NO_SEARCH),
}));
