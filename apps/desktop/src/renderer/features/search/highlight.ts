import { foldForSearch, searchTerms, searchWords } from '@switchboard/protocol';

export interface TextPart {
  text: string;
  /** A word the search matched: shown marked. */
  matched: boolean;
}

/**
 * A result's text cut where the search's words are, to mark them: a word of the text matches a
 * word searched for whole, or as its start when `prefixes` says so (the last word of a message
 * search; every word of a search by visitor), case and accents aside, as the indexes read them.
 * Only text comes out, never markup.
 */
export function highlightParts(text: string, q: string, prefixes: 'last' | 'all'): TextPart[] {
  const words = searchTerms(q).flatMap(searchWords);
  if (words.length === 0 || text === '') return [{ text, matched: false }];
  const last = words.length - 1;
  const matches = (word: string) => {
    const folded = foldForSearch(word);
    return words.some((w, i) => (prefixes === 'all' || i === last ? folded.startsWith(w) : folded === w));
  };
  const parts: TextPart[] = [];
  let from = 0;
  for (const found of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    if (!matches(found[0])) continue;
    const at = found.index;
    if (at > from) parts.push({ text: text.slice(from, at), matched: false });
    parts.push({ text: found[0], matched: true });
    from = at + found[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), matched: false });
  return parts;
}
