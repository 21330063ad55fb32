import type { Message } from '@switchboard/protocol';
import type { TFunction } from 'i18next';

/**
 * A system message in the agent's language where it says what as data (`systemEvent`); a bot's
 * words and messages stored before that existed show their body as it is.
 */
export function systemText(t: TFunction, message: Message): string {
  const event = message.systemEvent;
  if (!event) return message.body;
  switch (event.code) {
    case 'supervisor-joined':
      return t('systemMessages.supervisor-joined', { name: event.name });
  }
}
