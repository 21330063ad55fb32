import type { SystemEvent, WidgetLocale } from '@switchboard/protocol';
import type { MessageRecord } from '../store/records.js';
import { systemEventText } from './system-events.js';

/** The transcript's own words, in the widget's languages; what people wrote stays as written. */
export interface TranscriptWords {
  you: string;
  agent: string;
  /** The bot, whatever name it signs with. */
  assistant: string;
  system: string;
  file: string;
  /** Said of a message that came as a reply to an answer's email. */
  viaEmail: string;
  systemEvent(event: SystemEvent): string;
}

export const TRANSCRIPT_WORDS: Record<WidgetLocale, TranscriptWords> = {
  en: {
    you: 'You',
    agent: 'Agent',
    assistant: 'Assistant',
    system: 'Switchboard',
    file: 'file',
    viaEmail: 'by email',
    systemEvent: systemEventText,
  },
  'zh-CN': {
    you: '您',
    agent: '客服',
    assistant: '助手',
    system: '系统',
    file: '文件',
    viaEmail: '通过邮件',
    systemEvent: zhSystemEventText,
  },
};

/**
 * Every event in Chinese, as the workbench words it. A visitor's transcript holds only what they
 * saw, so the internal email events do not reach it today; they are worded all the same.
 */
function zhSystemEventText(event: SystemEvent): string {
  switch (event.code) {
    case 'supervisor-joined':
      return `${event.name}（主管）已加入对话。`;
    case 'email-sent': {
      const files = event.files ? `及 ${event.files} 个文件` : '';
      return `已将 ${event.answers} 条回复${files}通过邮件发送至 ${event.to}。`;
    }
    case 'email-failed':
      return `无法将回复通过邮件发送至 ${event.to}：${event.reason}`;
    case 'bot-handoff':
      return '正在为您转接人工客服，请稍候。';
  }
}

/**
 * A transcript line's time: the visitor's local `YYYY-MM-DD HH:mm` when their time zone is known,
 * else the stored ISO timestamp (UTC).
 */
export function transcriptTime(timeZone: string | undefined): (iso: string) => string {
  if (!timeZone) return (iso) => iso;
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (iso) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  };
}

/** One message as a line of the visitor's transcript. */
export function transcriptLine(
  message: MessageRecord,
  words: TranscriptWords,
  time: (iso: string) => string,
): string {
  const who =
    message.senderKind === 'bot'
      ? words.assistant
      : (message.senderName ??
        (message.senderKind === 'visitor'
          ? words.you
          : message.senderKind === 'agent'
            ? words.agent
            : words.system));
  const file = message.attachment ? ` [${words.file}: ${message.attachment.fileName}]` : '';
  const via = message.via === 'email' ? ` (${words.viaEmail})` : '';
  const text = message.systemEvent ? words.systemEvent(message.systemEvent) : message.body;
  // One message per line: newlines inside a body are indented continuation lines.
  const body = text.replace(/\r?\n/g, '\n    ');
  return `[${time(message.createdAt)}] ${who}${via}: ${body}${file}`;
}
