import { SLA_THRESHOLDS, type SlaLevel } from '@switchboard/protocol';
import type { CachedConversation } from '../../../shared/cache-schemas.js';

/**
 * Since when the visitor of an open chat has waited for a reply, for its list row: what this
 * device's cache says, or, when the server's newest message is ahead of the cache and the
 * visitor's, at least since that message.
 */
export function awaitingReplyOf(item: CachedConversation): string | null {
  if (item.conversation.status !== 'assigned') return null;
  const last = item.conversation.lastMessage;
  if (last && last.seq > item.syncedSeq && last.senderKind === 'visitor')
    return item.awaitingReplySince ?? last.createdAt;
  return item.awaitingReplySince;
}

/** A reply owed for as long as a first response may take turns amber, then red. */
export function replyWaitLevel(sinceIso: string, now: number): SlaLevel {
  const { amber, red } = SLA_THRESHOLDS.firstResponseSeconds;
  const waited = (now - Date.parse(sinceIso)) / 1000;
  if (waited >= red) return 'red';
  return waited >= amber ? 'amber' : 'ok';
}
