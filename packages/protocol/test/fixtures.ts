/** Shared values for the protocol tests. Not a test file (vitest only runs `*.test.ts`). */
import fc from 'fast-check';
import type { Message } from '../src/index.js';

export const ids = {
  conversation: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  clientMsg: '6e0f4a1c-3b2d-4c5e-8f70-9a1b2c3d4e5f',
  attachment: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  user: '2b1a0f9e-8d7c-4b6a-a594-837261504f3e',
  visitor: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  team: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  epoch: '0b7a5c1e-2f3d-4a6b-8c9d-0e1f2a3b4c5d',
  widget: '3f6d2a8e-5b1c-4e7a-9c2d-1a2b3c4d5e6f',
} as const;

export const now = '2025-03-14T09:26:53.589Z';

export function message(overrides: Partial<Message> = {}): Message {
  return {
    conversationId: ids.conversation,
    seq: 1,
    clientMsgId: ids.clientMsg,
    sender: { kind: 'visitor', id: ids.visitor, name: 'Grace' },
    body: 'Hello',
    visibility: 'all',
    attachment: null,
    createdAt: now,
    ...overrides,
  };
}

/** A UUID the protocol accepts (RFC 9562 versions 1 to 8, as `z.uuid()` requires). */
export const uuidArb = fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] });

/** `Date#toISOString` output for years 0000-9999 (later years use the extended `+YYYYYY` form). */
export const timestampArb = fc
  .date({
    min: new Date('0000-01-01T00:00:00.000Z'),
    max: new Date('9999-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());

export const attachmentArb = fc.record({
  id: uuidArb,
  conversationId: uuidArb,
  fileName: fc.string({ maxLength: 255 }),
  mimeType: fc.constantFrom('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf' as const),
  size: fc.nat(),
  createdAt: timestampArb,
});

export const messageArb: fc.Arbitrary<Message> = fc.record({
  conversationId: uuidArb,
  seq: fc.maxSafeNat(),
  clientMsgId: uuidArb,
  sender: fc.record({
    kind: fc.constantFrom('visitor', 'agent', 'system' as const),
    id: fc.option(uuidArb, { nil: null }),
    name: fc.option(fc.string({ maxLength: 120 }), { nil: null }),
  }),
  body: fc.string({ maxLength: 5000, unit: 'grapheme' }),
  visibility: fc.constantFrom('all', 'agents' as const),
  attachment: fc.option(attachmentArb, { nil: null }),
  createdAt: timestampArb,
});
