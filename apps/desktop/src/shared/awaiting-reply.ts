import type { Message } from '@switchboard/protocol';

/** How many of a conversation's newest messages a list row looks back through. */
export const AWAITING_REPLY_SCAN = 200;

type Said = Pick<Message, 'sender' | 'visibility' | 'createdAt'>;

/**
 * Since when the visitor has been waiting for a reply: the time of the oldest visitor message
 * after the last one the visitor could see from an agent or a bot. Internal notes and system
 * lines are no reply. Null when the staff had the last word or the visitor has said nothing.
 * Reads the messages newest first and at most AWAITING_REPLY_SCAN of them.
 */
export function awaitingReplySince(newestFirst: Iterable<Said>): string | null {
  let since: string | null = null;
  let read = 0;
  for (const message of newestFirst) {
    if (read++ >= AWAITING_REPLY_SCAN) break;
    const { kind } = message.sender;
    if ((kind === 'agent' || kind === 'bot') && message.visibility === 'all') break;
    if (kind === 'visitor') since = message.createdAt;
  }
  return since;
}
