import { type TimelineEntry, TimelineKind } from '@switchboard/protocol';
import type { Db } from '../store/open-sqlite.js';
import { readEventData, timelineOf } from '../store/routing.js';

/** The conversation's events as the timeline shows them; decision records included. */
export async function timeline(db: Db, conversationId: string): Promise<TimelineEntry[]> {
  const rows = await timelineOf(db, conversationId);
  return rows.flatMap((row) => {
    const kind = TimelineKind.safeParse(row.kind);
    if (!kind.success) return [];
    const data = readEventData(row.data);
    return [
      {
        conversationId,
        kind: kind.data,
        at: row.created_at,
        actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
        decision: data.decision ?? null,
        note: typeof data.note === 'string' ? data.note : null,
        ...(data.noteData ? { noteData: data.noteData } : {}),
      },
    ];
  });
}
