import { describe, expect, it } from 'vitest';
import { ftsQuery, MAX_SEARCH_TERMS, searchTerms } from '../src/search.js';

describe('how a search text is read', () => {
  it('takes the words between white space, without double quotes', () => {
    expect(searchTerms('  refund \t"order"\n 42 ')).toEqual(['refund', 'order', '42']);
    expect(searchTerms('" "" ')).toEqual([]);
  });

  it(`counts at most ${MAX_SEARCH_TERMS} terms`, () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    expect(searchTerms(words.join(' '))).toEqual(words.slice(0, MAX_SEARCH_TERMS));
  });

  it('quotes every term for FTS5, so operators stay words, and makes the last one a prefix', () => {
    expect(ftsQuery('refund OR NEAR(x) *')).toBe('"refund" "OR" "NEAR(x)" "*"*');
    expect(ftsQuery('refu')).toBe('"refu"*');
    expect(ftsQuery(' "" ')).toBeNull();
  });
});
