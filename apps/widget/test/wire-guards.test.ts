import { describe, expect, it } from 'vitest';
import { conflictReason } from '../src/chat/wire-guards.js';

describe('a conflict’s reason, read by hand from what the server sent', () => {
  it('is the code of details.reason on a conflict', () => {
    const ended = {
      code: 'conflict' as const,
      message: 'This chat has ended.',
      details: { reason: { code: 'chat-ended' } },
    };
    expect(conflictReason(ended)).toBe('chat-ended');
  });

  it('is nothing for another error, a conflict without a reason, or a reason of the wrong shape', () => {
    const reason = { reason: { code: 'chat-ended' } };
    expect(conflictReason({ code: 'forbidden', message: 'No.', details: reason })).toBeUndefined();
    expect(conflictReason({ code: 'conflict', message: 'Taken.' })).toBeUndefined();
    expect(
      conflictReason({ code: 'conflict', message: 'Taken.', details: { reason: 'chat-ended' } }),
    ).toBeUndefined();
    expect(
      conflictReason({ code: 'conflict', message: 'Taken.', details: { reason: { code: 7 } } }),
    ).toBeUndefined();
  });
});
