import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonColumn } from '../src/store/json-columns.js';

describe('JSON columns parsed once per text', () => {
  const Attributes = z.strictObject({ pageUrl: z.string(), tags: z.array(z.string()).optional() });

  it('shares one deeply frozen result per distinct text', () => {
    const parse = jsonColumn(Attributes);
    const text = JSON.stringify({ pageUrl: 'https://shop.test/cart', tags: ['a'] });
    const first = parse(text);
    expect(first).toEqual({ pageUrl: 'https://shop.test/cart', tags: ['a'] });
    expect(parse(text)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.tags)).toBe(true);
    expect(() => first.tags?.push('b')).toThrow(TypeError);
    expect(parse(JSON.stringify({ pageUrl: 'https://shop.test/other' }))).not.toBe(first);
  });

  it('still refuses text that is not JSON or breaks the schema, every time', () => {
    const parse = jsonColumn(Attributes);
    expect(() => parse('{not json')).toThrow(SyntaxError);
    expect(() => parse('{"pageUrl": 1}')).toThrow(z.ZodError);
    expect(() => parse('{"pageUrl": 1}')).toThrow(z.ZodError);
  });

  it('keeps only the most recent results', () => {
    const parse = jsonColumn(Attributes, 2);
    const texts = ['a', 'b', 'c'].map((page) => JSON.stringify({ pageUrl: page }));
    const [a, b, c] = texts as [string, string, string];
    const firstA = parse(a);
    parse(b);
    parse(a); // a is now the most recent; b is the oldest
    parse(c); // evicts b
    expect(parse(a)).toBe(firstA);
    const firstB = parse(b);
    expect(parse(b)).toBe(firstB);
    expect(parse(c)).not.toBe(firstB);
  });
});
