import { type BridgeRequest, type BridgeResponse, bridgeChannels } from '../../shared/bridge.js';
import { leaveLoginHint } from './login-hint.js';
import { claimNewSession, claimStoredSession, dropClaim, type SessionLocks } from './session-claim.js';
import { readStored, tabStorage } from './tab-storage.js';

type StoredSession = NonNullable<BridgeResponse<'session:load'>>;

const KEY = 'switchboard.session';

/**
 * The web workbench's session, kept in this tab's `sessionStorage`: a reload stays signed in, and
 * closing the tab forgets the refresh token. Never `localStorage`, where every later visit and
 * every other tab would find it. Read back through the bridge's schema: storage is a boundary.
 */
export function loadBrowserSession(storage: Storage | null = tabStorage()): StoredSession | null {
  return readStored(storage, KEY, bridgeChannels['session:load'].response);
}

/**
 * The stored session if this page may use it: not when the tab is a copy of another live tab that
 * uses it (see session-claim.ts); the copy then forgets it and signs in for itself.
 */
export async function claimBrowserSession(
  storage: Storage | null = tabStorage(),
  locks: SessionLocks | undefined = globalThis.navigator?.locks,
): Promise<StoredSession | null> {
  const session = loadBrowserSession(storage);
  if (!session || !storage) return session;
  if (await claimStoredSession(storage, locks)) return session;
  clearBrowserSession(storage);
  leaveLoginHint({ serverUrl: session.serverUrl, email: session.user.email, reason: 'tab-copied' }, storage);
  return null;
}

export function saveBrowserSession(
  session: BridgeRequest<'session:save'>,
  storage: Storage | null = tabStorage(),
  locks: SessionLocks | undefined = globalThis.navigator?.locks,
): void {
  if (!storage) return;
  claimNewSession(storage, locks);
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearBrowserSession(storage: Storage | null = tabStorage()): void {
  if (!storage) return;
  storage.removeItem(KEY);
  dropClaim(storage);
}
