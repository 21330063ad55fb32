import type { SystemEvent } from '@switchboard/protocol';

/** A system message's body: what its `systemEvent` says, in English (clients word the data themselves). */
export function systemEventText(event: SystemEvent): string {
  switch (event.code) {
    case 'supervisor-joined':
      return `${event.name} (supervisor) joined the conversation.`;
    case 'email-sent':
      return event.answers === 1
        ? `Emailed the answer to ${event.to}.`
        : `Emailed ${event.answers} answers to ${event.to}.`;
    case 'email-failed':
      return `Could not email the answer to ${event.to}: ${event.reason}`;
  }
}
