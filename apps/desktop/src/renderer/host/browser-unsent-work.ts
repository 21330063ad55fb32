import { z } from 'zod';
import { Draft, OutboxItem, TabState } from '../../shared/cache-schemas.js';
import { accountStore, type TabAccount, tabStorage } from './tab-storage.js';

/**
 * The agent's unsent work in a browser tab: messages waiting in the outbox, drafts, and the open
 * chat tabs. The web workbench keeps its cache in memory, but these are kept in the tab's
 * `sessionStorage` too, per account, so a reload does not lose a reply that had not reached the
 * server yet (the desktop app keeps them in its SQLite cache). Read back through the cache's
 * schemas: storage is a boundary.
 */
export const UnsentWork = z.object({
  outbox: z.array(OutboxItem),
  drafts: z.array(Draft),
  tabs: TabState,
});
export type UnsentWork = z.infer<typeof UnsentWork>;

const kept = accountStore('switchboard.unsent:', UnsentWork);

export function loadUnsentWork(
  account: TabAccount,
  storage: Storage | null = tabStorage(),
): UnsentWork | null {
  return kept.load(account, storage);
}

export function saveUnsentWork(
  account: TabAccount,
  work: UnsentWork,
  storage: Storage | null = tabStorage(),
): void {
  kept.save(account, work, storage);
}

/** Every account's unsent work in this tab: at sign-out, with the rest of the cache. */
export function clearUnsentWork(storage: Storage | null = tabStorage()): void {
  kept.clear(storage);
}
