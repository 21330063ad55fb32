import type { Conversation, LastMessage } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { previewOf as previewIn } from '../src/renderer/features/conversations/preview.js';
import { i18n } from '../src/renderer/i18n/index.js';
import { conversation } from './support/fakes.js';

const previewOf = (item: Parameters<typeof previewIn>[1]) => previewIn(i18n.getFixedT('en'), item);

const row = (c: Conversation, newest: LastMessage | null) => ({
  conversation: c,
  unread: 0,
  newest,
  syncedSeq: newest?.seq ?? 0,
  awaitingReplySince: null,
});

const last = (seq: number, text: string, over: Partial<LastMessage> = {}): LastMessage => ({
  seq,
  senderKind: 'visitor',
  text,
  fileName: null,
  createdAt: '2026-01-01T09:00:00.000Z',
  visibility: 'all',
  systemEvent: null,
  ...over,
});

describe('a list row’s preview', () => {
  it('shows the server’s newest message for a chat this device holds less of', () => {
    const never = conversation({ lastSeq: 2, lastMessage: last(2, 'Do you ship to Oslo?') });
    expect(previewOf(row(never, null))).toBe('Do you ship to Oslo?');
    expect(previewOf(row(never, last(1, 'Hello')))).toBe('Do you ship to Oslo?');
  });

  it('shows this device’s newest message when the server’s is older or the same, names a file, and has none before the first message', () => {
    const stale = conversation({ lastSeq: 2, lastMessage: last(2, 'Do you ship to Oslo?') });
    expect(previewOf(row(stale, last(2, 'Do you ship to Oslo?')))).toBe('Do you ship to Oslo?');
    expect(previewOf(row(stale, last(5, 'Thanks, bye')))).toBe('Thanks, bye');
    const file = conversation({ lastSeq: 3, lastMessage: last(3, '  ', { fileName: 'invoice.pdf' }) });
    expect(previewOf(row(file, null))).toBe('📎 invoice.pdf');
    const empty = conversation({ lastSeq: 0, lastMessage: null });
    expect(previewOf(row(empty, null))).toBeNull();
  });

  it('marks an internal note, which the visitor never saw, from either side', () => {
    const note = last(4, 'Regular customer, be quick', { senderKind: 'agent', visibility: 'agents' });
    const fromServer = conversation({ lastSeq: 4, lastMessage: note });
    expect(previewOf(row(fromServer, null))).toBe('Note: Regular customer, be quick');
    expect(previewIn(i18n.getFixedT('zh-CN'), row(conversation({ lastSeq: 3 }), note))).toBe(
      '备注：Regular customer, be quick',
    );
    expect(previewOf(row(fromServer, last(4, 'Hi!', { senderKind: 'agent' })))).toBe('Hi!');
  });

  it('words a system message in the agent’s language, from either side', () => {
    const joined = last(4, 'Carol (supervisor) joined the conversation.', {
      senderKind: 'system',
      systemEvent: { code: 'supervisor-joined', name: 'Carol' },
    });
    const zh = i18n.getFixedT('zh-CN');
    const held = row(conversation({ lastSeq: 4 }), joined);
    expect(previewIn(zh, held)).toBe('Carol（主管）已加入对话。');
    expect(previewOf(held)).toBe('Carol (supervisor) joined the conversation.');
    const unsynced = row(conversation({ lastSeq: 4, lastMessage: joined }), last(3, 'Hello'));
    expect(previewIn(zh, unsynced)).toBe('Carol（主管）已加入对话。');
  });
});
