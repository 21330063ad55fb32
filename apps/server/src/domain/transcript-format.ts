import type { SystemEvent, WidgetLocale } from '@switchboard/protocol';
import { systemEventText } from './system-events.js';

/** The transcript's own words, in the widget's languages; what people wrote stays as written. */
export interface TranscriptWords {
  you: string;
  agent: string;
  system: string;
  file: string;
  systemEvent(event: SystemEvent): string;
}

export const TRANSCRIPT_WORDS: Record<WidgetLocale, TranscriptWords> = {
  en: {
    you: 'You',
    agent: 'Agent',
    system: 'Switchboard',
    file: 'file',
    systemEvent: systemEventText,
  },
  'zh-CN': {
    you: '您',
    agent: '客服',
    system: '系统',
    file: '文件',
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
