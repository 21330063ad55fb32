import type { TimelineEntry } from '@switchboard/protocol';
import type { TFunction } from 'i18next';
import { eventNote } from './event-note.js';
import { routingWhy } from './routing-why.js';

/**
 * A timeline event as one line: what happened, who did it ("by …": a bare name read as the
 * target, as in "Transferred · Carol"), why routing chose, its note. A transfer's decision only
 * repeats the actor and the note's reason, so it is left out there.
 */
export function eventLine(t: TFunction, entry: TimelineEntry): string {
  const parts: string[] = [t(`events.${entry.kind}`)];
  if (entry.actor) parts.push(t('chat.eventBy', { name: entry.actor.name }));
  const repeatsTheNote = entry.decision?.reason?.code === 'transferred' && entry.note !== null;
  if (entry.decision && !repeatsTheNote) parts.push(routingWhy(t, entry.decision));
  const note = eventNote(t, entry);
  if (note) parts.push(note);
  return parts.join(' · ');
}
