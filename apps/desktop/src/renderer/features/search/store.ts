import type { SearchHit } from '@switchboard/protocol';
import { create } from 'zustand';

interface SearchState {
  query: string;
  /** Null while no search is shown (the conversation lists are). */
  hits: SearchHit[] | null;
  searching: boolean;
  setQuery(query: string): void;
  start(): void;
  show(query: string, hits: SearchHit[]): void;
  clear(): void;
}

export const useSearch = create<SearchState>((set) => ({
  query: '',
  hits: null,
  searching: false,
  setQuery: (query) => set({ query }),
  start: () => set({ searching: true }),
  // An answer to an older query than the box holds now is dropped.
  show: (query, hits) => set((s) => (s.query.trim() === query ? { hits, searching: false } : {})),
  clear: () => set({ query: '', hits: null, searching: false }),
}));
