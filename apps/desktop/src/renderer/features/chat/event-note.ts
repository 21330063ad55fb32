import type { TimelineEntry } from '@switchboard/protocol';
import type { TFunction } from 'i18next';

/**
 * A timeline event's note in the agent's language where routing wrote it (`noteData`); what a
 * person wrote, and events recorded before `noteData` existed, show the note as it is.
 */
export function eventNote(t: TFunction, entry: TimelineEntry): string | null {
  const note = entry.noteData;
  if (!note) return entry.note;
  switch (note.code) {
    case 'transferred-to-agent':
      return t('eventNotes.transferred-to-agent', { agent: note.agent, reason: note.reason });
    case 'transferred-to-team':
      return t('eventNotes.transferred-to-team', { team: note.team, reason: note.reason });
    case 'no-reply':
    case 'queue-timeout':
      return t(`eventNotes.${note.code}`, { seconds: note.seconds });
    case 'visitor-left-message':
      return t('eventNotes.visitor-left-message');
    default:
      return t(`eventNotes.${note.code}`, { agent: note.agent });
  }
}
