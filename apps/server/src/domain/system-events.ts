import type { SystemEvent } from '@switchboard/protocol';

/** A system message's body: what its `systemEvent` says, in English (clients word the data themselves). */
export function systemEventText(event: SystemEvent): string {
  switch (event.code) {
    case 'supervisor-joined':
      return `${event.name} (supervisor) joined the conversation.`;
  }
}
