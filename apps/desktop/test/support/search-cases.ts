/**
 * One set of messages and searches for every offline search (the desktop cache's FTS5 index, the
 * web workbench's in-memory search): both read `q` as the server does (`searchTerms`), so both
 * must find the same messages.
 */
export const SEARCHED_BODIES = [
  'I would like a refund for order 1234',
  'Where is my order?',
  'Le café était froid',
  'refunds take five days',
  '',
];

/** A search, and the seqs (1-based positions in SEARCHED_BODIES) it finds, in ascending order. */
export const SEARCH_CASES: ReadonlyArray<readonly [q: string, seqs: number[]]> = [
  ['order', [1, 2]],
  ['refu', [1, 4]],
  ['ORDER refund', [1]],
  ['cafe etait', [3]],
  ['refund missing', []],
  ['ord refund', []],
  ['"" *', []],
];
