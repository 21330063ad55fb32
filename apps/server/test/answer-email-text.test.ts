import { describe, expect, it } from 'vitest';
import { answerEmailText } from '../src/domain/email/answer-email-text.js';
import type { MessageRecord } from '../src/store/records.js';

let seq = 0;
function message(overrides: Partial<MessageRecord>): MessageRecord {
  seq += 1;
  return {
    conversationId: 'c',
    seq,
    clientMsgId: `m${seq}`,
    senderKind: 'agent',
    senderId: 'alice',
    senderName: 'Alice',
    body: '',
    visibility: 'all',
    attachment: null,
    createdAt: '2026-12-05T10:00:00.000Z',
    systemEvent: null,
    ...overrides,
  };
}

const base = { visitorName: null, siteName: 'Shop', pageUrl: undefined, shortened: false };

describe('the answer email’s text', () => {
  it('groups each run of one sender, names files, marks a shortened stretch, greets without a name', () => {
    const { subject, text } = answerEmailText({
      ...base,
      language: 'en-GB',
      shortened: true,
      messages: [
        message({ senderKind: 'visitor', senderName: null, body: 'Here is the receipt.' }),
        message({
          senderKind: 'visitor',
          senderName: null,
          body: '',
          attachment: {
            id: 'a',
            conversationId: 'c',
            uploaderKind: 'visitor',
            uploaderId: 'v',
            fileName: 'receipt.pdf',
            mimeType: 'application/pdf',
            size: 1,
            storageName: 'x',
            createdAt: '2026-12-05T10:00:00.000Z',
          },
        }),
        message({ senderKind: 'bot', senderName: null, body: 'An agent will answer.' }),
        message({ body: 'Thanks, refunded.' }),
        message({ senderId: 'bob', senderName: 'Bob', body: '<b>Bold</b> & done' }),
      ],
    });
    expect(subject).toBe('Re: your message to Shop');
    expect(text).toBe(
      [
        'Hello,',
        '',
        'there is an answer to your message to Shop:',
        '',
        '[…]',
        '',
        'You:',
        '  Here is the receipt.',
        '  [file: receipt.pdf]',
        '',
        'Assistant:',
        '  An agent will answer.',
        '',
        'Alice:',
        '  Thanks, refunded.',
        '',
        'Bob:',
        '  <b>Bold</b> & done',
        '',
        '— Shop',
        '',
      ].join('\n'),
    );
  });

  it('writes Chinese for any Chinese tag, English for the rest', () => {
    const zh = answerEmailText({
      ...base,
      language: 'zh-TW',
      visitorName: '小明',
      messages: [message({ body: '好的' })],
    });
    expect(zh.subject).toBe('回复：您给Shop的留言');
    expect(zh.text.startsWith('小明，您好：\n\n您给Shop的留言有了回复：\n')).toBe(true);
    expect(answerEmailText({ ...base, language: 'fr', messages: [] }).subject).toBe(
      'Re: your message to Shop',
    );
    expect(answerEmailText({ ...base, language: undefined, messages: [] }).text).toContain('Hello,');
  });
});
