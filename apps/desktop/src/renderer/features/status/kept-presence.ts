import type { Role } from '@switchboard/protocol';
import { accountStore, type TabAccount, tabStorage } from '../../host/tab-storage.js';
import { statusAtSignIn, usePresence } from './store.js';

export interface KeptPresence {
  /** The status the agent last chose. */
  desired: 'online' | 'away' | 'offline';
  handRaised: boolean;
}

const CHOICES: ReadonlySet<unknown> = new Set(['online', 'away', 'offline']);

/** Reads a kept presence back (storage is a boundary); by hand, so the first paint's code needs no zod. */
const KeptPresenceReader = {
  safeParse(value: unknown): { success: true; data: KeptPresence } | { success: false } {
    if (typeof value !== 'object' || value === null) return { success: false };
    const { desired, handRaised } = value as Record<string, unknown>;
    if (!CHOICES.has(desired) || typeof handRaised !== 'boolean') return { success: false };
    return { success: true, data: { desired: desired as KeptPresence['desired'], handRaised } };
  },
};
const kept = accountStore('switchboard.presence:', KeptPresenceReader);

/**
 * The status the agent chose and their raised hand, in this window's `sessionStorage` per account:
 * a reload (of a browser tab, or of the app's window) keeps them, so an agent who stepped away is
 * not put back online by it. A new window or app start begins at the role's sign-in status.
 */
export function loadKeptPresence(account: TabAccount, storage = tabStorage()): KeptPresence | null {
  return kept.load(account, storage);
}

export function keepPresence(account: TabAccount, presence: KeptPresence, storage = tabStorage()): void {
  kept.save(account, presence, storage);
}

/** At sign-out: every account's kept presence in this window. */
export function clearKeptPresence(storage = tabStorage()): void {
  kept.clear(storage);
}

/**
 * At sign-in, and when a reload paints from the cache: what the agent chose in this window before,
 * else the role's sign-in status. Until the server answers, the switch shows that choice (as
 * disconnected); every connect then asks the server for it (restoreStatus).
 */
export function restoreChoice(account: TabAccount, role: Role): void {
  const kept = loadKeptPresence(account);
  const presence = usePresence.getState();
  presence.setDesired(kept?.desired ?? statusAtSignIn(role));
  presence.setHandRaised(kept?.handRaised ?? false);
  if (kept) presence.setStatus(kept.desired, 'manual');
}
