import { z } from 'zod';
import { CachedConversation } from '../../shared/cache-schemas.js';
import type { WorkAccount } from './browser-unsent-work.js';
import { readStored, removeStored, tabStorage } from './tab-storage.js';

/** How many of the most recently updated conversations a reloaded tab shows before the server answers. */
export const KEPT_CONVERSATIONS = 100;

const PREFIX = 'switchboard.list:';
const ConversationList = z.array(CachedConversation);
const keyOf = (account: WorkAccount) => `${PREFIX}${account.serverUrl} ${account.userId}`;

/**
 * The web workbench's conversation list as it last was in this tab, per account, so that a reload
 * with the server out of reach still shows it (the desktop app paints from its SQLite cache). Read
 * back through the cache's schema: storage is a boundary.
 */
export function loadConversationList(
  account: WorkAccount,
  storage: Storage | null = tabStorage(),
): CachedConversation[] {
  return readStored(storage, keyOf(account), ConversationList) ?? [];
}

export function saveConversationList(
  account: WorkAccount,
  list: Iterable<CachedConversation>,
  storage: Storage | null = tabStorage(),
): void {
  const newest = [...list]
    .sort((a, b) => b.conversation.updatedAt.localeCompare(a.conversation.updatedAt))
    .slice(0, KEPT_CONVERSATIONS);
  try {
    storage?.setItem(keyOf(account), JSON.stringify(newest));
  } catch {
    // Storage full or refused: a reload shows the list once the server answers, as before.
  }
}

/** Every account's list in this tab: at sign-out, with the rest of the cache. */
export function clearConversationLists(storage: Storage | null = tabStorage()): void {
  removeStored(storage, PREFIX);
}
