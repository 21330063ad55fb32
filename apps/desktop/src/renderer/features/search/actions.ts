import {
  type ConversationHit,
  inSearchPeriod,
  type SearchPeriod,
  visitorMatches,
} from '@switchboard/protocol';
import { runtime } from '../../app/runtime.js';
import { bridge } from '../../host/bridge.js';
import { openFromServer, revealMessage } from '../chat/actions.js';
import { useConversations } from '../conversations/store.js';
import { usePresence } from '../status/store.js';
import { useTabs } from '../tabs/store.js';
import { toastError } from '../toasts/store.js';
import { type SearchAnswer, useSearch } from './store.js';

/** Hits a page of results holds. */
const LIMIT = 30;

const NOTHING = { hits: [], conversations: [], offline: false, more: false };

/**
 * Full-text search over the messages this agent may read (the server scopes it) written in the
 * period, a page of hits after the best `offset`. With the server out of reach, over the messages
 * cached here instead (PRODUCT: local search), and said so: a page after the newest `offset`.
 */
export async function searchMessages(text: string, period: SearchPeriod, offset = 0): Promise<SearchAnswer> {
  const q = text.trim();
  if (q.length === 0) return NOTHING;
  const connection = runtime.connection;
  if (connection && usePresence.getState().reachable) {
    // `offset` only when it says something: a server older than it refuses the parameter.
    const query = { q, limit: LIMIT, ...period, ...(offset > 0 ? { offset } : {}) };
    const result = await connection.rest('searchMessages', { query });
    if (result.ok) return { ...result.data, offline: false };
    if (result.error.code !== 'unavailable') {
      toastError('search', result.error);
      return NOTHING;
    }
  }
  const account = runtime.account;
  const conversations = cachedConversationsOf(q, period);
  if (!account) return { ...NOTHING, conversations, offline: true };
  // One more than a page: whether there are more to show.
  const hits = await bridge['cache:search']({ ...account, q, limit: LIMIT + 1, offset, ...period });
  return { hits: hits.slice(0, LIMIT), conversations, offline: true, more: hits.length > LIMIT };
}

/** The shown search's next page of hits, appended to those shown. */
export async function searchMore(): Promise<void> {
  const { answered, bounds, hits } = useSearch.getState();
  if (!hits) return;
  useSearch.getState().showMore(answered, await searchMessages(answered, bounds, hits.length));
}

/** How many conversations a search lists by their visitor (the server lists as many). */
const CONVERSATION_LIMIT = 10;

/**
 * Offline: the conversations this page holds whose visitor's name or email matches, active in the
 * period (opened before its end, last active since its start, as the server reads it), newest first.
 */
function cachedConversationsOf(q: string, period: SearchPeriod): ConversationHit[] {
  const active = (c: { createdAt: string; updatedAt: string }) =>
    (period.to === undefined || c.createdAt < period.to) &&
    inSearchPeriod(c.updatedAt, { from: period.from });
  return Object.values(useConversations.getState().byId)
    .map(({ conversation: c }) => c)
    .filter((c) => visitorMatches(q, c.visitor.name, c.replyTo) && active(c))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, CONVERSATION_LIMIT)
    .map((c) => ({
      conversationId: c.id,
      visitorName: c.visitor.name,
      visitorEmail: c.replyTo,
      status: c.status,
      updatedAt: c.updatedAt,
    }));
}

/**
 * A hit may be a chat this workbench has never cached (an old, resolved one). A message's hit
 * opens its chat at that message, highlighted; a visitor's, at the newest.
 */
export async function openHit(hit: { conversationId: string; seq?: number | undefined }): Promise<void> {
  await openFromServer(hit.conversationId, 'search');
  const open = useTabs.getState().active === hit.conversationId;
  if (open && hit.seq !== undefined)
    await revealMessage(hit.conversationId, hit.seq, useSearch.getState().answered);
}
