import type { TimelineNote } from '@switchboard/protocol';

/** A note routing writes, in English: the `note` every client can show as it is. */
export function noteText(note: TimelineNote): string {
  switch (note.code) {
    case 'transferred-to-agent':
      return `to ${note.agent}: ${note.reason}`;
    case 'transferred-to-team':
      return `to team ${note.team}: ${note.reason}`;
    case 'taken-over':
      return `to ${note.agent}: taken over by a supervisor`;
    case 'offer-withdrawn':
      return `offer to ${note.agent} withdrawn`;
    case 'offer-declined':
      return `${note.agent} declined`;
    case 'offer-unanswered':
      return `${note.agent} did not answer`;
    case 'agent-disconnected':
      return `${note.agent} disconnected`;
    case 'no-reply':
      return `no reply within ${note.seconds}s`;
    case 'visitor-left-message':
      return 'the visitor chose to leave a message';
    case 'queue-timeout':
      return `nobody answered within ${note.seconds}s (maximum queue time)`;
  }
}

/** An event's note fields: what a person wrote as it is, what routing wrote as text and as data. */
export function noteFields(note: TimelineNote | string): { note: string; noteData?: TimelineNote } {
  return typeof note === 'string' ? { note } : { note: noteText(note), noteData: note };
}
