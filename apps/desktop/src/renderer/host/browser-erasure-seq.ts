import { z } from 'zod';
import { accountStore, type TabAccount, tabStorage } from './tab-storage.js';

const kept = accountStore('switchboard.erasures:', z.number().int().nonnegative());

/**
 * How far through the server's erasures the web workbench's kept list and chats are, per account
 * in the tab's storage like them, so that a tab reloaded after an erasure it missed drops the
 * erased conversations on connecting (the desktop app keeps it in its SQLite cache).
 */
export function loadErasureSeq(account: TabAccount, storage: Storage | null = tabStorage()): number {
  return kept.load(account, storage) ?? 0;
}

export function saveErasureSeq(
  account: TabAccount,
  seq: number,
  storage: Storage | null = tabStorage(),
): void {
  kept.save(account, seq, storage);
}

/** Every account's in this tab: at sign-out, with the rest of the cache. */
export function clearErasureSeqs(storage: Storage | null = tabStorage()): void {
  kept.clear(storage);
}
