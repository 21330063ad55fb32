import { SLA_THRESHOLDS, type SlaLevel, slaLevel } from '@switchboard/protocol';
import type { CachedConversation } from '../../../shared/cache-schemas.js';

/**
 * Since when the visitor of an open chat has waited for a reply, for its list row: what this
 * device's cache says, unless the server's newest message is ahead of the cache: the visitor's
 * (waiting at least since then) or a reply they saw (not waiting).
 */
export function awaitingReplyOf(item: CachedConversation): string | null {
  if (item.conversation.status !== 'assigned') return null;
  const last = item.conversation.lastMessage;
  if (last && last.seq > item.syncedSeq) {
    if (last.senderKind === 'visitor') return item.awaitingReplySince ?? last.createdAt;
    if (last.senderKind === 'agent' && last.visibility === 'all') return null;
  }
  return item.awaitingReplySince;
}

/** A reply owed for longer than a first response may take turns amber, then red (as the tiles do). */
export function replyWaitLevel(sinceIso: string, now: number): SlaLevel {
  return slaLevel((now - Date.parse(sinceIso)) / 1000, SLA_THRESHOLDS.firstResponseSeconds);
}
