import type { SearchHit } from '@switchboard/protocol';
import { runtime } from '../../app/runtime.js';
import { bridge } from '../../host/bridge.js';
import { openFromServer } from '../chat/actions.js';
import { usePresence } from '../status/store.js';
import { toastError } from '../toasts/store.js';

/** A search's hits, and whether they come from this device's cache because the server is out of reach. */
export interface SearchAnswer {
  hits: SearchHit[];
  offline: boolean;
}

const LIMIT = 30;

/**
 * Full-text search over the messages this agent may read (the server scopes it). With the server
 * out of reach, over the messages cached here instead (PRODUCT: local search), and said so.
 */
export async function searchMessages(text: string): Promise<SearchAnswer> {
  const q = text.trim();
  if (q.length === 0) return { hits: [], offline: false };
  const connection = runtime.connection;
  if (connection && usePresence.getState().reachable) {
    const result = await connection.rest('searchMessages', { query: { q, limit: LIMIT } });
    if (result.ok) return { hits: result.data.hits, offline: false };
    if (result.error.code !== 'unavailable') {
      toastError('search', result.error);
      return { hits: [], offline: false };
    }
  }
  const account = runtime.account;
  if (!account) return { hits: [], offline: true };
  return { hits: await bridge['cache:search']({ ...account, q, limit: LIMIT }), offline: true };
}

/** A hit may be a chat this workbench has never cached (an old, resolved one). */
export function openHit(hit: SearchHit): Promise<void> {
  return openFromServer(hit.conversationId, 'search');
}
