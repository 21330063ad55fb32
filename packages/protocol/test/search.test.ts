import { describe, expect, it } from 'vitest';
import { SearchResults } from '../src/rest.js';
import {
  ftsPrefixQuery,
  ftsQuery,
  inSearchPeriod,
  MAX_SEARCH_TERMS,
  searchTerms,
  visitorMatches,
} from '../src/search.js';

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
    expect(ftsPrefixQuery('hadd NEAR(x)')).toBe('"hadd"* "NEAR(x)"*');
    expect(ftsPrefixQuery(' "" ')).toBeNull();
  });
});

describe('visitorMatches', () => {
  it('wants every word at the start of a word of the name or the email, as the index reads it', () => {
    expect(visitorMatches('noor', 'Noor Haddad', null)).toBe(true);
    expect(visitorMatches('HADDAD noor', 'Noor Haddad', null)).toBe(true);
    expect(visitorMatches('haddad@mail', null, 'noor.haddad@mail.example')).toBe(true);
    expect(visitorMatches('noor mail.example', 'Noor', 'n@mail.example')).toBe(true);
    expect(visitorMatches('noor kenji', 'Noor Haddad', 'noor@mail.example')).toBe(false);
    expect(visitorMatches('addad', 'Noor Haddad', null)).toBe(false);
    expect(visitorMatches('noor@mail', null, 'noor.haddad@mail.example')).toBe(false);
    expect(visitorMatches('zoe', 'Zoë Müller', null)).toBe(true);
    expect(visitorMatches('王', '王小明', null)).toBe(true);
    expect(visitorMatches('  ', 'Noor', null)).toBe(false);
    expect(visitorMatches('noor', null, null)).toBe(false);
  });
});

describe('SearchResults', () => {
  it("reads an older server's answer, without conversations, visitor names, senders or more, as none", () => {
    const hit = {
      conversationId: crypto.randomUUID(),
      seq: 1,
      snippet: 'x',
      createdAt: '2026-12-05T10:00:00.000Z',
    };
    expect(SearchResults.parse({ hits: [hit] })).toEqual({
      hits: [{ ...hit, visitorName: null, sender: null }],
      conversations: [],
      more: false,
    });
  });
});

describe('inSearchPeriod', () => {
  it('takes from inclusive and to exclusive, either end open', () => {
    const at = '2026-11-15T08:00:00.000Z';
    expect(inSearchPeriod(at, {})).toBe(true);
    expect(inSearchPeriod(at, { from: at })).toBe(true);
    expect(inSearchPeriod(at, { to: at })).toBe(false);
    expect(inSearchPeriod(at, { from: '2026-11-15T08:00:00.001Z' })).toBe(false);
    expect(inSearchPeriod(at, { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' })).toBe(
      true,
    );
  });
});
