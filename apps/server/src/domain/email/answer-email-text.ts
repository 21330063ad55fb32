import type { MessageRecord } from '../../store/records.js';

export interface AnswerEmailInput {
  /** The visitor's language tag (the widget's `language` attribute); Chinese or else English. */
  language: string | undefined;
  visitorName: string | null;
  /** The widget's name: whom the visitor wrote to. */
  siteName: string;
  /** The page the visitor wrote from: the chat there continues the conversation. */
  pageUrl: string | undefined;
  /** What the visitor sees of the conversation since the last email, oldest first. */
  messages: MessageRecord[];
  /** Older messages of that stretch were left out. */
  shortened: boolean;
  /** The attachments (ids) that go with the email; the staff's other files are in the chat only. */
  attached: ReadonlySet<string>;
  /** A reply to the email comes back into the conversation (inbound email is set up). */
  repliesReturn: boolean;
}

/** How a file in the email is named: sent with it, to be opened in the chat, or the visitor's own. */
type FileMention = 'attached' | 'in-chat' | 'own';

interface Words {
  subject(site: string): string;
  greeting(name: string | null): string;
  intro(site: string): string;
  you: string;
  assistant: string;
  file(name: string, mention: FileMention): string;
  earlier: string;
  replyHere: string;
  continueAt(url: string): string;
}

const en: Words = {
  subject: (site) => `Re: your message to ${site}`,
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  intro: (site) => `there is an answer to your message to ${site}:`,
  you: 'You',
  assistant: 'Assistant',
  file: (name, mention) =>
    ({
      attached: `[file: ${name}, attached]`,
      'in-chat': `[file: ${name}, not attached: open it in the chat]`,
      own: `[file: ${name}]`,
    })[mention],
  earlier: '[…]',
  replyHere: 'You can answer by replying to this email: your reply goes into the conversation.',
  continueAt: (url) => `To go on with the conversation, return to the chat on ${url}`,
};

const zhCN: Words = {
  subject: (site) => `回复：您给${site}的留言`,
  greeting: (name) => (name ? `${name}，您好：` : '您好：'),
  intro: (site) => `您给${site}的留言有了回复：`,
  you: '您',
  assistant: '助手',
  file: (name, mention) =>
    ({
      attached: `[文件：${name}，见附件]`,
      'in-chat': `[文件：${name}，未附上，请在聊天窗口中打开]`,
      own: `[文件：${name}]`,
    })[mention],
  earlier: '[……]',
  replyHere: '您可以直接回复此邮件，回复内容会进入对话。',
  continueAt: (url) => `如需继续对话，请回到此页面的聊天窗口：${url}`,
};

/** Whether a visitor's language tag (the widget's `language`) is Chinese: emails to them are. */
export function writesChinese(language: string | undefined): boolean {
  const tag = language?.toLowerCase() ?? '';
  return tag === 'zh' || tag.startsWith('zh-');
}

function wordsFor(language: string | undefined): Words {
  return writesChinese(language) ? zhCN : en;
}

/**
 * The email that carries the staff's answers: plain text (nothing a visitor or an agent wrote is
 * ever read as markup), the stretch of the conversation since the last email, each run of one
 * sender's messages under their name.
 */
export function answerEmailText(input: AnswerEmailInput): { subject: string; text: string } {
  const words = wordsFor(input.language);
  const lines = [words.greeting(input.visitorName), '', words.intro(input.siteName), ''];
  if (input.shortened) lines.push(words.earlier, '');
  let previous: string | undefined;
  for (const message of input.messages) {
    const sender = senderLabel(message, words);
    if (sender !== previous) {
      if (previous !== undefined) lines.push('');
      lines.push(`${sender}:`);
      previous = sender;
    }
    if (message.body.trim() !== '') lines.push(...message.body.split(/\r?\n/).map((line) => `  ${line}`));
    if (message.attachment) {
      const { id, fileName } = message.attachment;
      lines.push(`  ${words.file(fileName, fileMention(message, id, input.attached))}`);
    }
  }
  lines.push('');
  if (input.repliesReturn) lines.push(words.replyHere, '');
  if (input.pageUrl) lines.push(words.continueAt(input.pageUrl), '');
  lines.push(`— ${input.siteName}`);
  return { subject: words.subject(input.siteName), text: `${lines.join('\n')}\n` };
}

function fileMention(message: MessageRecord, id: string, attached: ReadonlySet<string>): FileMention {
  if (attached.has(id)) return 'attached';
  return message.senderKind === 'visitor' ? 'own' : 'in-chat';
}

function senderLabel(message: MessageRecord, words: Words): string {
  switch (message.senderKind) {
    case 'visitor':
      return words.you;
    case 'bot':
      return message.senderName ?? words.assistant;
    default:
      return message.senderName ?? '';
  }
}
