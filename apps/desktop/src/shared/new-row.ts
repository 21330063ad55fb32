import type { Conversation } from '@switchboard/protocol';
import type { CachedConversation } from './cache-schemas.js';

/** A conversation's row before anything about it is cached here. No zod: the first paint reads it. */
export function newRow(conversation: Conversation): CachedConversation {
  return {
    conversation,
    unread: 0,
    newest: null,
    syncedSeq: 0,
    awaitingReplySince: null,
  };
}
