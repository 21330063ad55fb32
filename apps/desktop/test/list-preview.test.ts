import { describe, expect, it } from 'vitest';
import { previewOf } from '../src/renderer/features/conversations/preview.js';
import { conversation } from './support/fakes.js';

const last = (seq: number, text: string, fileName: string | null = null) => ({
  seq,
  senderKind: 'visitor' as const,
  text,
  fileName,
  createdAt: '2026-01-01T09:00:00.000Z',
});

describe('a list row’s preview', () => {
  it('shows the server’s newest message for a chat this device has not synced that far', () => {
    const never = conversation({ lastSeq: 2, lastMessage: last(2, 'Do you ship to Oslo?') });
    expect(previewOf({ conversation: never, unread: 0, preview: null, syncedSeq: 0 })).toBe(
      'Do you ship to Oslo?',
    );
    const behind = { conversation: never, unread: 0, preview: 'Hello', syncedSeq: 1 };
    expect(previewOf(behind)).toBe('Do you ship to Oslo?');
  });

  it('keeps the cached preview once synced, names a file, and has none before the first message', () => {
    const synced = conversation({ lastSeq: 2, lastMessage: last(2, 'Do you ship to Oslo?') });
    expect(previewOf({ conversation: synced, unread: 0, preview: 'cached', syncedSeq: 2 })).toBe('cached');
    const file = conversation({ lastSeq: 3, lastMessage: last(3, '  ', 'invoice.pdf') });
    expect(previewOf({ conversation: file, unread: 0, preview: null, syncedSeq: 0 })).toBe('📎 invoice.pdf');
    const empty = conversation({ lastSeq: 0, lastMessage: null });
    expect(previewOf({ conversation: empty, unread: 0, preview: null, syncedSeq: 0 })).toBeNull();
  });
});
