/** At most this many terms of a search count; the rest are ignored. */
export const MAX_SEARCH_TERMS = 16;

/**
 * How a search's `q` is read, by the server's index and by a workbench's own cache alike: words
 * separated by white space, every one required, the last one also as the start of a word
 * ("refu" finds "refund"). Double quotes are dropped, so no search syntax of the user's is ever
 * interpreted.
 */
export function searchTerms(q: string): string[] {
  return q
    .split(/\s+/)
    .map((term) => term.replace(/"/g, ''))
    .filter((term) => term.length > 0)
    .slice(0, MAX_SEARCH_TERMS);
}

/** The terms as an SQLite FTS5 query: each quoted (a literal), the last one a prefix. */
export function ftsQuery(q: string): string | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  return terms.map((term, i) => `"${term}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}
