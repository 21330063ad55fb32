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

const base = {
  visitorName: null,
  siteName: 'Shop',
  pageUrl: undefined,
  shortened: false,
  attached: new Set<string>(),
  repliesReturn: false,
};

function file(id: string, fileName: string, uploaderKind: 'visitor' | 'staff'): MessageRecord['attachment'] {
  return {
    id,
    conversationId: 'c',
    uploaderKind,
    uploaderId: uploaderKind === 'visitor' ? 'v' : 'alice',
    fileName,
    mimeType: 'application/pdf',
    size: 1,
    storageName: id,
    createdAt: '2026-12-05T10:00:00.000Z',
  };
}

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
          attachment: file('a', 'receipt.pdf', 'visitor'),
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

  it('says which of the staff’s files go with the email and which are to be opened in the chat', () => {
    const messages = [
      message({ body: 'The invoice and the manual:', attachment: file('invoice', 'invoice.pdf', 'staff') }),
      message({ body: '', attachment: file('manual', 'manual.pdf', 'staff') }),
    ];
    const attached = new Set(['invoice']);
    expect(answerEmailText({ ...base, language: 'en', messages, attached }).text).toContain(
      [
        'Alice:',
        '  The invoice and the manual:',
        '  [file: invoice.pdf, attached]',
        '  [file: manual.pdf, not attached: open it in the chat]',
      ].join('\n'),
    );
    expect(answerEmailText({ ...base, language: 'zh', messages, attached }).text).toContain(
      ['  [文件：invoice.pdf，见附件]', '  [文件：manual.pdf，未附上，请在聊天窗口中打开]'].join('\n'),
    );
  });

  it('invites a reply to the email where replies come back into the conversation, and only there', () => {
    const input = { ...base, pageUrl: 'https://shop.example/help', messages: [message({ body: 'Done.' })] };
    const en = answerEmailText({ ...input, language: 'en', repliesReturn: true }).text;
    expect(en).toContain(
      [
        'You can answer by replying to this email: your reply goes into the conversation.',
        '',
        'To go on with the conversation, return to the chat on https://shop.example/help',
      ].join('\n'),
    );
    expect(answerEmailText({ ...input, language: 'zh', repliesReturn: true }).text).toContain(
      '您可以直接回复此邮件，回复内容会进入对话。\n',
    );
    expect(answerEmailText({ ...input, language: 'en' }).text).not.toContain('replying to this email');
  });
});
