import type { Message } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { systemText } from '../src/renderer/features/chat/system-text.js';
import { i18n } from '../src/renderer/i18n/index.js';

const joined: Message = {
  conversationId: 'e52d848f-7abf-44e4-b922-a640059cfee9',
  seq: 4,
  clientMsgId: '9a7e3c52-1d0f-4b1e-8f0a-2c6d5e4b3a21',
  sender: { kind: 'system', id: null, name: null },
  body: 'Carol Supervisor (supervisor) joined the conversation.',
  visibility: 'all',
  attachment: null,
  createdAt: '2026-12-05T00:43:00.000Z',
  systemEvent: { code: 'supervisor-joined', name: 'Carol Supervisor' },
};

describe('a system message in the workbench', () => {
  it("is worded in the agent's language from its data", () => {
    expect(systemText(i18n.getFixedT('zh-CN'), joined)).toBe('Carol Supervisor（主管）已加入对话。');
    expect(systemText(i18n.getFixedT('en'), joined)).toBe(joined.body);
  });

  it('shows its body where there is no data: stored before it existed, or a bot speaking', () => {
    const { systemEvent: _, ...older } = joined;
    expect(systemText(i18n.getFixedT('zh-CN'), older)).toBe(joined.body);
  });

  it('words the outbox’s notes: answers emailed, one or several, and an email that failed', () => {
    const system = {
      ...joined,
      sender: { kind: 'system' as const, id: null, name: null },
      visibility: 'agents' as const,
    };
    const sent = (answers: number, files = 0): Message => ({
      ...system,
      body: '',
      systemEvent: { code: 'email-sent', to: 'grace@example.test', answers, files },
    });
    const en = i18n.getFixedT('en');
    const zh = i18n.getFixedT('zh-CN');
    expect(systemText(en, sent(1))).toBe('Emailed the answer to grace@example.test.');
    expect(systemText(en, sent(3))).toBe('Emailed 3 answers to grace@example.test.');
    expect(systemText(zh, sent(3))).toBe('已将 3 条回复通过邮件发送至 grace@example.test。');
    expect(systemText(en, sent(1, 1))).toBe('Emailed the answer and 1 file to grace@example.test.');
    expect(systemText(en, sent(2, 3))).toBe('Emailed 2 answers and 3 files to grace@example.test.');
    expect(systemText(zh, sent(2, 3))).toBe('已将 2 条回复及 3 个文件通过邮件发送至 grace@example.test。');
    const failed: Message = {
      ...system,
      body: '',
      systemEvent: { code: 'email-failed', to: 'x@example.test', reason: '550 <No such user> & gone' },
    };
    expect(systemText(en, failed)).toBe(
      'Could not email the answer to x@example.test: 550 <No such user> & gone',
    );
    expect(systemText(zh, failed)).toBe('无法将回复通过邮件发送至 x@example.test：550 <No such user> & gone');
  });
});
