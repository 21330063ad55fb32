import type { Message, SystemEvent } from '@switchboard/protocol';
import type { TFunction } from 'i18next';

/** What a system event says, in the agent's language. */
export function systemEventText(t: TFunction, event: SystemEvent): string {
  switch (event.code) {
    case 'supervisor-joined':
      return t('systemMessages.supervisor-joined', { name: event.name });
    case 'email-sent': {
      // An event stored before files went with emails has no count: none went.
      const files = event.files ?? 0;
      if (files === 0) return t('systemMessages.email-sent', { count: event.answers, to: event.to });
      return t('systemMessages.email-sent-files', {
        count: event.answers,
        to: event.to,
        files: t('systemMessages.fileCount', { count: files }),
      });
    }
    case 'email-failed':
      return t('systemMessages.email-failed', { to: event.to, reason: event.reason });
    case 'bot-handoff':
      return t('systemMessages.bot-handoff');
  }
}

/**
 * A system message in the agent's language where it says what as data (`systemEvent`); a bot's
 * words and messages stored before that existed show their body as it is.
 */
export function systemText(t: TFunction, message: Message): string {
  return message.systemEvent ? systemEventText(t, message.systemEvent) : message.body;
}
