import { describe, expect, it } from 'vitest';
import { answerEmailHint } from '../src/renderer/features/visitor/answer-email-hint.js';
import { i18n } from '../src/renderer/i18n/index.js';
import { megabytes } from '../src/renderer/ui/format.js';

describe('the visitor panel’s answer-email hint', () => {
  const en = i18n.getFixedT('en');
  const zh = i18n.getFixedT('zh-CN');

  it('says when replies are emailed and how much of the files goes with them, as each language joins sentences', () => {
    const tenMegabytes = { delaySeconds: 60, attachmentMaxBytes: 10 * 1_048_576 };
    expect(answerEmailHint(en, tenMegabytes)).toBe(
      'Your replies are emailed there 1 minute after you send them, unless the visitor reads them in the chat first. Your files go with them, up to 10 MB in all.',
    );
    expect(answerEmailHint(zh, tenMegabytes)).toBe(
      '您的回复会在发送 1 分钟后通过邮件发送到该地址，除非访客已先在聊天中读到。您发送的文件会随邮件附上，总计最多 10 MB。',
    );
  });

  it('leaves the files out when none go with the email (or an older server did not say)', () => {
    expect(answerEmailHint(en, { delaySeconds: 0, attachmentMaxBytes: 0 })).toBe(
      'Your replies are emailed there as you send them, unless the visitor reads them in the chat.',
    );
    const older = { delaySeconds: 0 } as { delaySeconds: number; attachmentMaxBytes: number };
    expect(answerEmailHint(en, older)).toBe(answerEmailHint(en, { ...older, attachmentMaxBytes: 0 }));
  });

  it('writes a size in megabytes to one decimal', () => {
    expect([megabytes(10 * 1_048_576), megabytes(524_288), megabytes(1_500_000)]).toEqual([
      '10',
      '0.5',
      '1.4',
    ]);
  });
});
