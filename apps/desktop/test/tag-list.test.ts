import { describe, expect, it } from 'vitest';
import { tagList, withTag } from '../src/renderer/features/chat/tag-list.js';

describe('tags as an agent types them', () => {
  it('reads a comma-separated list: trimmed, each once, at most ten', () => {
    expect(tagList(' refund, ,shipping,refund ')).toEqual(['refund', 'shipping']);
    expect(tagList(Array.from({ length: 12 }, (_, i) => `t${i}`).join(','))).toHaveLength(10);
  });

  it('adds an offered tag unless it is there already in any case', () => {
    expect(withTag('', 'Refund')).toBe('Refund');
    expect(withTag('shipping, ', 'Refund')).toBe('shipping, Refund');
    expect(withTag('refund', 'Refund')).toBe('refund');
  });
});
