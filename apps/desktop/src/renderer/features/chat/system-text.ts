import type { Message, SystemEvent } from '@switchboard/protocol';
import type { TFunction } from 'i18next';

/** What a system event says, in the agent's language. */
export function systemEventText(t: TFunction, event: SystemEvent): string {
  switch (event.code) {
    case 'supervisor-joined':
      return t('systemMessages.supervisor-joined', { name: event.name });
  }
}

/**
 * A system message in the agent's language where it says what as data (`systemEvent`); a bot's
 * words and messages stored before that existed show their body as it is.
 */
export function systemText(t: TFunction, message: Message): string {
  return message.systemEvent ? systemEventText(t, message.systemEvent) : message.body;
}
