import type { Conversation, Message } from '@switchboard/protocol';
import { runtime } from '../../app/runtime.js';
import { bridge } from '../../host/bridge.js';
import { useChat } from '../chat/store.js';
import { useConversations } from '../conversations/store.js';
import { useTabs } from '../tabs/store.js';

/** Conversations from the server: into the cache, then into the store. */
export async function storeConversations(conversations: readonly Conversation[]): Promise<void> {
  const account = runtime.account;
  if (!account || conversations.length === 0) return;
  for (const c of conversations) useConversations.getState().patch(c);
  for (let i = 0; i < conversations.length; i += 500) {
    const cached = await bridge['cache:put-conversations']({
      ...account,
      conversations: conversations.slice(i, i + 500),
    });
    useConversations.getState().upsert(cached);
  }
}

function isFocused(conversationId: string): boolean {
  return useTabs.getState().active === conversationId && document.hasFocus();
}

/** Messages from the server (push, sync or ack): into the cache (unread, preview), then the store. */
export async function storeMessages(messages: readonly Message[]): Promise<void> {
  const account = runtime.account;
  if (!account || messages.length === 0) return;
  useChat.getState().addMessages(messages);
  const focused = messages.every((m) => isFocused(m.conversationId));
  const cached = await bridge['cache:put-messages']({ ...account, messages: [...messages], focused });
  useConversations.getState().upsert(cached);
}
