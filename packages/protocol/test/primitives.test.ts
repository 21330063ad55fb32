import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Email, HttpUrl, Id, SafeKey, Seq, Timestamp } from '../src/index.js';
import { timestampArb, uuidArb } from './fixtures.js';

const SAFE_KEY_SHAPE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const RESERVED = ['__proto__', 'constructor', 'prototype'];

describe('SafeKey', () => {
  it.each(RESERVED)('rejects the reserved key %s', (key) => {
    expect(SafeKey.safeParse(key).success).toBe(false);
  });

  it.each(['plan', 'a', 'VIP', 'order.total', 'customer_id', 'x-y-z', 'a1', 'Constructor', 'x'.repeat(64)])(
    'accepts %j',
    (key) => {
      expect(SafeKey.parse(key)).toBe(key);
    },
  );

  it.each(['', '1abc', '_x', '-x', '.x', ' a', 'a b', 'a/b', 'a:b', 'é', 'a\n', 'x'.repeat(65)])(
    'rejects %j',
    (key) => {
      expect(SafeKey.safeParse(key).success).toBe(false);
    },
  );

  it('rejects every string whose first character is not an ASCII letter', () => {
    const notALetter = fc
      .string({ minLength: 1, maxLength: 1, unit: 'binary' })
      .filter((c) => !/[A-Za-z]/.test(c));
    fc.assert(
      fc.property(notALetter, fc.string({ maxLength: 20 }), (first, rest) => {
        expect(SafeKey.safeParse(first + rest).success).toBe(false);
      }),
    );
  });

  it('accepts exactly the strings of the documented shape, minus the reserved words', () => {
    const candidates = fc.oneof(
      fc.string({ maxLength: 70, unit: 'binary' }),
      fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,70}$/),
      fc.constantFrom(...RESERVED),
    );
    fc.assert(
      fc.property(candidates, (key) => {
        const expected = SAFE_KEY_SHAPE.test(key) && !RESERVED.includes(key);
        expect(SafeKey.safeParse(key).success).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('HttpUrl', () => {
  it.each([
    'https://example.com/',
    'http://localhost:3000/pricing?plan=pro#faq',
    'https://shop.example.co.uk/a/b',
  ])('accepts %s', (url) => {
    expect(HttpUrl.safeParse(url).success).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/',
    'httpx://example.com/',
    '//example.com/',
    '/relative/path',
    'not a url',
  ])('rejects %s', (url) => {
    expect(HttpUrl.safeParse(url).success).toBe(false);
  });

  it('rejects URLs longer than 2048 characters', () => {
    const base = 'https://example.com/';
    expect(HttpUrl.safeParse(base + 'a'.repeat(2048 - base.length)).success).toBe(true);
    expect(HttpUrl.safeParse(base + 'a'.repeat(2049 - base.length)).success).toBe(false);
  });
});

describe('Id', () => {
  it('accepts UUIDs of every RFC 9562 version', () => {
    fc.assert(
      fc.property(uuidArb, (id) => {
        expect(Id.parse(id)).toBe(id);
      }),
    );
  });

  it.each([
    '1',
    'abc',
    '5d4c3b2a1f0e4d9c8b7a6f5e4d3c2b1a',
    '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1',
    ' 5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  ])('rejects %j (ids are UUIDs, never sequential numbers)', (id) => {
    expect(Id.safeParse(id).success).toBe(false);
  });

  it('rejects a number', () => {
    expect(Id.safeParse(42).success).toBe(false);
  });
});

describe('Timestamp', () => {
  it('accepts any Date#toISOString output', () => {
    fc.assert(
      fc.property(timestampArb, (ts) => {
        expect(Timestamp.parse(ts)).toBe(ts);
      }),
    );
  });

  it.each([
    '2025-03-14T10:26:53.589+01:00',
    '2025-03-14 09:26:53Z',
    '2025-03-14',
    '1710408413589',
    'yesterday',
  ])('rejects %j (UTC with a Z only)', (ts) => {
    expect(Timestamp.safeParse(ts).success).toBe(false);
  });
});

describe('Seq', () => {
  it.each([0, 1, Number.MAX_SAFE_INTEGER])('accepts %d', (seq) => {
    expect(Seq.parse(seq)).toBe(seq);
  });

  it.each([-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY, '1'])(
    'rejects %j',
    (seq) => {
      expect(Seq.safeParse(seq).success).toBe(false);
    },
  );
});

describe('Email', () => {
  it('rejects a well-formed address longer than 254 characters', () => {
    const long = `ada@${'b'.repeat(247)}.com`;
    expect(long.length).toBe(255);
    expect(z.email().safeParse(long).success).toBe(true);
    expect(Email.safeParse(long).success).toBe(false);
    expect(Email.safeParse(`ada@${'b'.repeat(246)}.com`).success).toBe(true);
  });
});
