import type { SearchHit } from '@switchboard/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSearch } from '../src/renderer/features/search/store.js';

const hit = (seq: number): SearchHit => ({
  conversationId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  seq,
  snippet: `line ${seq}`,
  createdAt: '2026-12-06T10:00:00.000Z',
  visitorName: 'Yusuf',
  sender: null,
});
const answer = (seqs: number[], more: boolean, offline = false) => ({
  hits: seqs.map(hit),
  conversations: [],
  offline,
  more,
});

describe('pages of search hits', () => {
  beforeEach(() => {
    useSearch.getState().clear();
    useSearch.getState().setQuery('line');
    useSearch.getState().show('line', answer([1, 2], true), { from: '2026-12-01T00:00:00.000Z' });
  });

  it('appends the next page after those shown, each hit once, and keeps the period searched', () => {
    useSearch.getState().showMore('line', answer([2, 3, 4], false));
    const s = useSearch.getState();
    expect(s.hits?.map((h) => h.seq)).toEqual([1, 2, 3, 4]);
    expect(s.more).toBe(false);
    expect(s.bounds).toEqual({ from: '2026-12-01T00:00:00.000Z' });
  });

  it('drops a page of a search no longer shown, or one from elsewhere than the pages shown', () => {
    useSearch.getState().showMore('lin', answer([3], false));
    // The server's pages shown, the cache's next: its order is not the server's.
    useSearch.getState().showMore('line', answer([3], false, true));
    expect(useSearch.getState().hits?.map((h) => h.seq)).toEqual([1, 2]);
    expect(useSearch.getState().more).toBe(true);
    useSearch.getState().clear();
    useSearch.getState().showMore('line', answer([3], false));
    expect(useSearch.getState().hits).toBeNull();
  });

  it("pages through the cache's hits while the server is out of reach", () => {
    useSearch.getState().show('line', answer([9, 8], true, true));
    useSearch.getState().showMore('line', answer([7], false, true));
    expect(useSearch.getState().hits?.map((h) => h.seq)).toEqual([9, 8, 7]);
    expect(useSearch.getState().more).toBe(false);
    // Back in reach, the server's next page does not follow the cache's.
    useSearch.getState().show('line', answer([9, 8], true, true));
    useSearch.getState().showMore('line', answer([5], false));
    expect(useSearch.getState().hits?.map((h) => h.seq)).toEqual([9, 8]);
  });
});
