import type { Conversation } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { previewOf as previewIn } from '../src/renderer/features/conversations/preview.js';
import { i18n } from '../src/renderer/i18n/index.js';
import { conversation } from './support/fakes.js';

const previewOf = (item: Parameters<typeof previewIn>[1]) => previewIn(i18n.getFixedT('en'), item);

const row = (c: Conversation, preview: string | null, syncedSeq: number) => ({
  conversation: c,
  unread: 0,
  preview,
  previewEvent: null,
  syncedSeq,
  awaitingReplySince: null,
});

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
    expect(previewOf(row(never, null, 0))).toBe('Do you ship to Oslo?');
    const behind = row(never, 'Hello', 1);
    expect(previewOf(behind)).toBe('Do you ship to Oslo?');
  });

  it('keeps the cached preview once synced, names a file, and has none before the first message', () => {
    const synced = conversation({ lastSeq: 2, lastMessage: last(2, 'Do you ship to Oslo?') });
    expect(previewOf(row(synced, 'cached', 2))).toBe('cached');
    const file = conversation({ lastSeq: 3, lastMessage: last(3, '  ', 'invoice.pdf') });
    expect(previewOf(row(file, null, 0))).toBe('📎 invoice.pdf');
    const empty = conversation({ lastSeq: 0, lastMessage: null });
    expect(previewOf(row(empty, null, 0))).toBeNull();
  });

  it("words a system message in the agent's language once the cache holds it", () => {
    const c = conversation({
      lastSeq: 4,
      lastMessage: last(4, 'Carol (supervisor) joined the conversation.'),
    });
    const joined = {
      ...row(c, 'Carol (supervisor) joined the conversation.', 4),
      previewEvent: { code: 'supervisor-joined' as const, name: 'Carol' },
    };
    expect(previewIn(i18n.getFixedT('zh-CN'), joined)).toBe('Carol（主管）已加入对话。');
    expect(previewOf(joined)).toBe('Carol (supervisor) joined the conversation.');
  });
});
