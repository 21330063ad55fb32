import { type BridgeRequest, type BridgeResponse, bridgeChannels } from '../../shared/bridge.js';

type StoredSession = NonNullable<BridgeResponse<'session:load'>>;

const KEY = 'switchboard.session';

/**
 * The web workbench's session, kept in this tab's `sessionStorage`: a reload stays signed in, and
 * closing the tab forgets the refresh token. Never `localStorage`, where every later visit and
 * every other tab would find it. Read back through the bridge's schema: storage is a boundary.
 */
export function loadBrowserSession(storage: Storage | null = tabStorage()): StoredSession | null {
  const text = storage?.getItem(KEY);
  if (!text) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = bridgeChannels['session:load'].response.safeParse(json);
  if (parsed.success && parsed.data) return parsed.data;
  storage?.removeItem(KEY);
  return null;
}

export function saveBrowserSession(
  session: BridgeRequest<'session:save'>,
  storage: Storage | null = tabStorage(),
): void {
  storage?.setItem(KEY, JSON.stringify(session));
}

export function clearBrowserSession(storage: Storage | null = tabStorage()): void {
  storage?.removeItem(KEY);
}

/** Null where the browser refuses storage (disabled, or a sandboxed frame): sign-in then lasts a page. */
function tabStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
