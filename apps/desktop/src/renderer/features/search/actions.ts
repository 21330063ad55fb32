import type { SearchHit } from '@switchboard/protocol';
import { runtime } from '../../app/runtime.js';
import { openConversation } from '../chat/actions.js';
import { useConversations } from '../conversations/store.js';
import { storeConversations } from '../sync/cache-writes.js';
import { toastError } from '../toasts/store.js';

/** Full-text search over the messages this agent may read (the server scopes it). */
export async function searchMessages(text: string): Promise<SearchHit[]> {
  const connection = runtime.connection;
  const q = text.trim();
  if (!connection || q.length === 0) return [];
  const result = await connection.rest('searchMessages', { query: { q, limit: 30 } });
  if (result.ok) return result.data.hits;
  toastError('Search', result.error);
  return [];
}

/** A hit may be a chat this workbench has never cached (an old, resolved one): fetch it first. */
export async function openHit(hit: SearchHit): Promise<void> {
  const connection = runtime.connection;
  if (!useConversations.getState().byId[hit.conversationId] && connection) {
    const result = await connection.request('conversation:subscribe', { conversationId: hit.conversationId });
    if (!result.ok) return toastError('Search', result.error);
    await storeConversations([result.data]);
  }
  await openConversation(hit.conversationId);
}
