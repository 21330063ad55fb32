/**
 * A search's period, both ends optional: `from` inclusive, `to` exclusive, in the form the
 * server stores times (`SearchQuery` normalizes them), so that they compare as text.
 */
export interface SearchPeriod {
  from?: string | undefined;
  to?: string | undefined;
}

/** Whether a stored time falls within a search's period. */
export function inSearchPeriod(at: string, period: SearchPeriod): boolean {
  return (period.from === undefined || at >= period.from) && (period.to === undefined || at < period.to);
}

/** At most this many terms of a search count; the rest are ignored. */
/**
 * How many of the newest matches a message search ranks: the pages of its hits (`offset`) reach
 * no further.
 */
export const SEARCH_RANKED = 1_000;

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

/**
 * The terms as an SQLite FTS5 query where every one is a prefix (quoted, so a literal): how names
 * and addresses are searched, where any word may be typed half ("hadd noor").
 */
export function ftsPrefixQuery(q: string): string | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term}"*`).join(' ');
}

/** The terms as an SQLite FTS5 query: each quoted (a literal), the last one a prefix. */
export function ftsQuery(q: string): string | null {
  const terms = searchTerms(q);
  if (terms.length === 0) return null;
  return terms.map((term, i) => `"${term}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

/** Lower case, accents dropped, as the SQLite indexes fold words (`remove_diacritics`). */
export const foldForSearch = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The words of a text as the SQLite indexes split and fold them: runs of letters and digits, in
 * lower case without accents. For matching in memory as the server's and the cache's indexes do.
 */
export const searchWords = (text: string) => foldForSearch(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Whether a visitor's name or email matches `q` as the server's index reads it
 * (`ftsPrefixQuery`): each term, split into words as the text is, is a run of consecutive words
 * there, the last of them typed only in part ("hadd" finds Haddad; "noor@mail" noor.haddad@…
 * does not, noor@mail.example does).
 */
export function visitorMatches(q: string, name: string | null, email: string | null): boolean {
  const terms = searchTerms(q)
    .map(searchWords)
    .filter((words) => words.length > 0);
  if (terms.length === 0) return false;
  const fields = [searchWords(name ?? ''), searchWords(email ?? '')];
  return terms.every((phrase) => fields.some((words) => holdsPhrase(words, phrase)));
}

/** `phrase` occurs in `words` as consecutive words, its last word as a prefix. */
function holdsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  const last = phrase.length - 1;
  for (let at = 0; at + phrase.length <= words.length; at++) {
    if (phrase.every((word, i) => (i === last ? words[at + i]?.startsWith(word) : words[at + i] === word))) {
      return true;
    }
  }
  return false;
}
