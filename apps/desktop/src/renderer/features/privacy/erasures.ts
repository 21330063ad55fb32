import type { ConversationsErased } from '@switchboard/protocol';
import { runtime } from '../../app/runtime.js';
import { bridge } from '../../host/bridge.js';
import { toastError } from '../toasts/store.js';
import { forgetConversations } from './forget-conversations.js';

/** The most the server lists in one page. */
const PAGE = 1000;
/**
 * Failures tried again at the next connect without a word: the server out of reach, or one from
 * before erasures (it answers `not-found` for the endpoint).
 */
const QUIET = new Set(['unavailable', 'not-found']);

/**
 * Whether the erasures before the socket's latest connect are all forgotten here. Until then a
 * push's `lastSeq` is not kept: erasures missed while away may lie below it, and the catch-up
 * asks from the seq kept before them.
 */
let caughtUp = false;

/** The socket (re)connected: erasures may have been missed until the catch-up has run. */
export function erasuresBehind(): void {
  caughtUp = false;
}

/** `conversation:erased`: the conversations go at once; the seq is kept once caught up. */
export function onErased({ conversationIds, lastSeq }: ConversationsErased): Promise<void> {
  return forgetConversations(conversationIds, caughtUp ? lastSeq : undefined);
}

/**
 * After every (re)connect: the conversations erased since the seq the cache kept (a workbench
 * away or closed at the time holds them still) leave it, page by page; then the server's newest
 * seq is kept. A failure keeps the old seq, so the next connect asks again.
 */
export async function catchUpErasures(): Promise<void> {
  const connection = runtime.connection;
  const account = runtime.account;
  if (!connection || !account) return;
  let after = (await bridge['cache:erasure-seq'](account)).seq;
  for (;;) {
    const result = await connection.rest('listErasures', { query: { after, limit: PAGE } });
    if (runtime.account !== account) return;
    if (!result.ok) {
      if (!QUIET.has(result.error.code)) toastError('erasures', result.error);
      return;
    }
    const { items, lastSeq } = result.data;
    // The server's numbering started again (a new database): what the cache kept says nothing.
    if (lastSeq < after) {
      after = 0;
      continue;
    }
    const more = items.length === PAGE;
    const through = more ? (items.at(-1)?.seq ?? after) : Math.max(lastSeq, ...items.map((i) => i.seq));
    const erased = items.map((i) => i.conversationId);
    await forgetConversations(erased, through);
    if (!more) break;
    after = through;
  }
  if (runtime.connection === connection) caughtUp = true;
}
