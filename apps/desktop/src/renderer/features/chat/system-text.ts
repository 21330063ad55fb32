import type { Message, SystemEvent } from '@switchboard/protocol';
import type { TFunction } from 'i18next';

/** What a system event says, in the agent's language. */
export function systemEventText(t: TFunction, event: SystemEvent): string {
  switch (event.code) {
    case 'supervisor-joined':
      return t('systemMessages.supervisor-joined', { name: event.name });
    case 'email-sent':
      return t('systemMessages.email-sent', { count: event.answers, to: event.to });
    case 'email-failed':
      return t('systemMessages.email-failed', { to: event.to, reason: event.reason });
  }
}

/**
 * A system message in the agent's language where it says what as data (`systemEvent`); a bot's
 * words and messages stored before that existed show their body as it is.
 */
export function systemText(t: TFunction, message: Message): string {
  return message.systemEvent ? systemEventText(t, message.systemEvent) : message.body;
}
