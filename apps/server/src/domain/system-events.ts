import type { SystemEvent } from '@switchboard/protocol';

/** A system message's body: what its `systemEvent` says, in English (clients word the data themselves). */
export function systemEventText(event: SystemEvent): string {
  switch (event.code) {
    case 'supervisor-joined':
      return `${event.name} (supervisor) joined the conversation.`;
    case 'email-sent': {
      const answers = event.answers === 1 ? 'the answer' : `${event.answers} answers`;
      const count = event.files ?? 0;
      const files = count === 0 ? '' : count === 1 ? ' and 1 file' : ` and ${count} files`;
      return `Emailed ${answers}${files} to ${event.to}.`;
    }
    case 'email-failed':
      return `Could not email the answer to ${event.to}: ${event.reason}`;
    case 'bot-handoff':
      return 'Let me connect you with a person. Please hold on.';
  }
}
