import { describe, expect, it } from 'vitest';
import { highlightParts } from '../src/renderer/features/search/highlight.js';

const marked = (text: string, q: string, prefixes: 'last' | 'all' = 'last') =>
  highlightParts(text, q, prefixes)
    .map((part) => (part.matched ? `[${part.text}]` : part.text))
    .join('');

describe('marking the words a search matched in a result', () => {
  it('marks whole words, the last one also as the start of a word, case and accents aside', () => {
    expect(marked('My parcel never arrived, PARCELS are late', 'parcel never')).toBe(
      'My [parcel] [never] arrived, PARCELS are late',
    );
    expect(marked('Refunds: the refund is ready', 'refu')).toBe('[Refunds]: the [refund] is ready');
    expect(marked('Café crème, cafe', 'cafe')).toBe('[Café] crème, [cafe]');
    // Not inside a word.
    expect(marked('unrefundable', 'refund')).toBe('unrefundable');
  });

  it('reads the search as the index does: quotes dropped, a term of several words', () => {
    expect(marked('Tracking number is ZX-77', '"zx-77"')).toBe('Tracking number is [ZX]-[77]');
  });

  it('marks every word by its start in a search by visitor', () => {
    expect(marked('Noor Haddad', 'hadd no', 'all')).toBe('[Noor] [Haddad]');
    expect(marked('noor.haddad@mail.example', 'haddad@mail', 'all')).toBe('noor.[haddad]@[mail].example');
  });

  it('keeps the text as it was, markup included, and nothing when nothing matches', () => {
    const text = '<img src=x onerror=alert(1)> hello';
    expect(
      highlightParts(text, 'onerror', 'last')
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
    expect(marked(text, 'onerror')).toBe('<img src=x [onerror]=alert(1)> hello');
    expect(highlightParts('hello', 'zzz', 'last')).toEqual([{ text: 'hello', matched: false }]);
    expect(highlightParts('hello', '  ', 'last')).toEqual([{ text: 'hello', matched: false }]);
  });
});
