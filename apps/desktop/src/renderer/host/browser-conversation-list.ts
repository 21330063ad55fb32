import { z } from 'zod';
import { CachedConversation } from '../../shared/cache-schemas.js';
import { byLastActivity } from '../../shared/last-activity.js';
import { accountStore, type TabAccount, tabStorage } from './tab-storage.js';

/** How many of the most recently active conversations a reloaded tab shows before the server answers. */
export const KEPT_CONVERSATIONS = 100;

const kept = accountStore('switchboard.list:', z.array(CachedConversation));

/**
 * The web workbench's conversation list as it last was in this tab, per account, so that a reload
 * while the server is out of reach still shows it (the page itself then comes from the service
 * worker; the desktop app paints from its SQLite cache). Read back through the cache's schema:
 * storage is a boundary.
 */
export function loadConversationList(
  account: TabAccount,
  storage: Storage | null = tabStorage(),
): CachedConversation[] {
  return kept.load(account, storage) ?? [];
}

export function saveConversationList(
  account: TabAccount,
  list: Iterable<CachedConversation>,
  storage: Storage | null = tabStorage(),
): CachedConversation[] {
  const newest = byLastActivity([...list]).slice(0, KEPT_CONVERSATIONS);
  kept.save(account, newest, storage);
  return newest;
}

/** Every account's list in this tab: at sign-out, with the rest of the cache. */
export function clearConversationLists(storage: Storage | null = tabStorage()): void {
  kept.clear(storage);
}
