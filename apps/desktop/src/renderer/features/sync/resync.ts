import type { Conversation } from '@switchboard/protocol';

import { runtime } from '../../app/runtime.js';
import { useConversations } from '../conversations/store.js';
import { useSession } from '../session/store.js';
import { useTabs } from '../tabs/store.js';
import { toastError } from '../toasts/store.js';
import { storeConversations, storeMessages } from './cache-writes.js';

const PAGES = 5;

/** Every list the workbench shows: mine, the team queues, offline messages. */
export async function refetchConversations(): Promise<void> {
  const connection = runtime.connection;
  if (!connection) return;
  const queries = [
    { assignee: 'me', status: 'assigned' },
    { status: 'queued' },
    { status: 'offline' },
  ] as const;
  const found: Conversation[] = [];
  for (const query of queries) {
    let cursor: string | undefined;
    for (let page = 0; page < PAGES; page++) {
      const result = await connection.rest('listConversations', {
        query: { ...query, limit: 100, cursor },
      });
      if (!result.ok) {
        if (result.error.code !== 'unavailable') toastError('loadingConversations', result.error);
        return;
      }
      found.push(...result.data.items);
      if (!result.data.nextCursor) break;
      cursor = result.data.nextCursor;
    }
  }
  await storeConversations(found);
}

/** Catch up one conversation from its last contiguous seq (DESIGN: sync on every connect and gap). */
export async function syncConversation(conversationId: string): Promise<void> {
  const connection = runtime.connection;
  if (!connection) return;
  for (let round = 0; round < 100; round++) {
    const afterSeq = useConversations.getState().byId[conversationId]?.syncedSeq ?? 0;
    const result = await connection.request('message:sync', { conversationId, afterSeq, limit: 500 });
    if (!result.ok) return;
    await storeMessages(result.data.messages);
    if (!result.data.hasMore) return;
  }
}

/** Conversations the agent is following: theirs, and every open tab (those need a subscription). */
export async function resubscribeAndSync(): Promise<void> {
  const connection = runtime.connection;
  const me = useSession.getState().user?.id;
  if (!connection || !me) return;
  const { byId } = useConversations.getState();
  const tabs = useTabs.getState().open;
  for (const id of tabs) {
    if (byId[id]?.conversation.assignee?.id === me) continue;
    const result = await connection.request('conversation:subscribe', { conversationId: id });
    if (result.ok) await storeConversations([result.data]);
  }
  const mine = Object.values(useConversations.getState().byId)
    .filter((c) => c.conversation.assignee?.id === me && c.conversation.status === 'assigned')
    .map((c) => c.conversation.id);
  for (const id of new Set([...tabs, ...mine])) await syncConversation(id);
}
