import type { SystemEvent, WidgetLocale } from '@switchboard/protocol';

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
    systemEvent: (event) => `${event.name} (supervisor) joined the conversation.`,
  },
  'zh-CN': {
    you: '您',
    agent: '客服',
    system: '系统',
    file: '文件',
    systemEvent: (event) => `${event.name}（主管）已加入对话。`,
  },
};
