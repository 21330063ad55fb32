import { describe, expect, it } from 'vitest';
import { TRANSCRIPT_WORDS, transcriptLine } from '../src/domain/transcript-format.js';
import type { MessageRecord } from '../src/store/records.js';

const at = '2026-12-05T10:00:00.000Z';
const asStored = (iso: string) => iso;

function visitorMessage(overrides: Partial<MessageRecord>): MessageRecord {
  return {
    conversationId: 'c',
    seq: 1,
    clientMsgId: 'm',
    senderKind: 'visitor',
    senderId: 'v',
    senderName: null,
    body: 'It never arrived.',
    visibility: 'all',
    attachment: null,
    createdAt: at,
    systemEvent: null,
    ...overrides,
  };
}

describe('a transcript line', () => {
  it('says which of the visitor’s messages came by email, in the transcript’s language', () => {
    const byEmail = visitorMessage({ via: 'email' });
    expect(transcriptLine(byEmail, TRANSCRIPT_WORDS.en, asStored)).toBe(
      `[${at}] You (by email): It never arrived.`,
    );
    expect(transcriptLine(byEmail, TRANSCRIPT_WORDS['zh-CN'], asStored)).toBe(
      `[${at}] 您 (通过邮件): It never arrived.`,
    );
    expect(transcriptLine(visitorMessage({}), TRANSCRIPT_WORDS.en, asStored)).toBe(
      `[${at}] You: It never arrived.`,
    );
  });

  it("names the bot and words its hand-over in the transcript's language, its answers as the admin wrote them", () => {
    const bot = { senderKind: 'bot' as const, senderId: null, senderName: 'Assistant' };
    const handoff = visitorMessage({
      ...bot,
      body: 'Let me connect you with a person. Please hold on.',
      systemEvent: { code: 'bot-handoff' },
    });
    expect(transcriptLine(handoff, TRANSCRIPT_WORDS['zh-CN'], asStored)).toBe(
      `[${at}] 助手: 正在为您转接人工客服，请稍候。`,
    );
    expect(transcriptLine(handoff, TRANSCRIPT_WORDS.en, asStored)).toBe(
      `[${at}] Assistant: Let me connect you with a person. Please hold on.`,
    );
    const answer = visitorMessage({ ...bot, body: 'We are open 9–17.' });
    expect(transcriptLine(answer, TRANSCRIPT_WORDS['zh-CN'], asStored)).toBe(
      `[${at}] 助手: We are open 9–17.`,
    );
  });

  it('indents a body’s further lines and names a file after the text', () => {
    const attachment = {
      id: 'a',
      conversationId: 'c',
      uploaderKind: 'visitor' as const,
      uploaderId: 'v',
      fileName: 'photo.png',
      mimeType: 'image/png',
      size: 1,
      storageName: 'a',
      createdAt: at,
    };
    expect(
      transcriptLine(
        visitorMessage({ body: 'One\nTwo', senderName: 'Lena', attachment }),
        TRANSCRIPT_WORDS.en,
        asStored,
      ),
    ).toBe(`[${at}] Lena: One\n    Two [file: photo.png]`);
  });
});
