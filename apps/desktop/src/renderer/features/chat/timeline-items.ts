import type { Message, TimelineEntry } from '@switchboard/protocol';
import type { OutboxItem } from '../../../shared/cache-schemas.js';

export type TimelineItem =
  | { kind: 'message'; key: string; message: Message }
  | { kind: 'pending'; key: string; item: OutboxItem }
  | { kind: 'event'; key: string; entry: TimelineEntry };

/**
 * Messages in seq order (never by time), routing and system events placed before the first message
 * that came after them, and the outbox's unsent messages last.
 */
export function timelineItems(
  messages: readonly Message[],
  events: readonly TimelineEntry[],
  pending: readonly OutboxItem[],
): TimelineItem[] {
  const items: TimelineItem[] = [];
  let e = 0;
  const sortedEvents = [...events].sort((a, b) => (a.at < b.at ? -1 : 1));
  for (const message of messages) {
    while (e < sortedEvents.length && (sortedEvents[e]?.at ?? '') <= message.createdAt) {
      const entry = sortedEvents[e++] as TimelineEntry;
      items.push({ kind: 'event', key: `e${e}`, entry });
    }
    items.push({ kind: 'message', key: `m${message.seq}`, message });
  }
  while (e < sortedEvents.length) {
    const entry = sortedEvents[e++] as TimelineEntry;
    items.push({ kind: 'event', key: `e${e}`, entry });
  }
  for (const item of [...pending].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))) {
    items.push({ kind: 'pending', key: `p${item.clientMsgId}`, item });
  }
  return items;
}
