import { Message } from '@switchboard/protocol';
import { z } from 'zod';
import { accountStore, type TabAccount, tabStorage } from './tab-storage.js';

/** How many of each open chat's newest messages a reloaded tab shows before the server answers. */
export const KEPT_MESSAGES_PER_CHAT = 100;
/** All kept message bodies together stay under this many characters: `sessionStorage` holds ~5 MB. */
export const KEPT_BODY_CHARS = 1_000_000;

/** One chat open in a tab, with its newest messages. */
export const KeptChat = z.object({
  conversationId: z.string(),
  messages: z.array(Message).max(KEPT_MESSAGES_PER_CHAT),
});
export type KeptChat = z.infer<typeof KeptChat>;

/** The open chats' messages, and how far the agent had read each kept conversation. */
export const KeptMessages = z.object({
  readMarks: z.record(z.string(), z.number().int().nonnegative()),
  chats: z.array(KeptChat),
});
export type KeptMessages = z.infer<typeof KeptMessages>;
const NOTHING_KEPT: KeptMessages = { readMarks: {}, chats: [] };
const kept = accountStore('switchboard.messages:', KeptMessages);

/**
 * The newest messages of the chats open in this browser tab's chat tabs, per account, so that a
 * reload while the server is out of reach still shows what the agent was reading (the desktop app
 * has every message in its SQLite cache). Only the open chats, and only their newest messages:
 * `sessionStorage` holds a few megabytes. Also the read marks of the kept conversation list: the
 * history synced after a reload is not shown as unread again. Read back through the protocol's
 * schema: storage is a boundary.
 */
export function loadKeptMessages(account: TabAccount, storage: Storage | null = tabStorage()): KeptMessages {
  return kept.load(account, storage) ?? NOTHING_KEPT;
}

/**
 * Keeps `readMarks`, and `chats` most important first (the active tab, then the others in tab
 * order): each one's newest messages, until the bodies reach the budget.
 */
export function saveKeptMessages(
  account: TabAccount,
  { readMarks, chats }: KeptMessages,
  storage: Storage | null = tabStorage(),
): void {
  let budget = KEPT_BODY_CHARS;
  const newest = chats.map((chat) => {
    const newestFirst = [...chat.messages].sort((a, b) => b.seq - a.seq).slice(0, KEPT_MESSAGES_PER_CHAT);
    const messages: Message[] = [];
    for (const message of newestFirst) {
      if (message.body.length > budget) break;
      budget -= message.body.length;
      messages.push(message);
    }
    return { ...chat, messages: messages.reverse() };
  });
  kept.save(account, { readMarks, chats: newest }, storage);
}

/** Every account's kept messages in this tab: at sign-out, with the rest of the cache. */
export function clearKeptMessages(storage: Storage | null = tabStorage()): void {
  kept.clear(storage);
}
