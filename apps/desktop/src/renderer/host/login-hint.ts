import { tabStorage } from './tab-storage.js';

/**
 * What the sign-in form starts from after the page has had to drop or reload: the server, the
 * email and why (never the password). Kept in the tab's `sessionStorage` and read once.
 * `server-chosen`: the page reloaded so its CSP admits a newly typed server.
 * `tab-copied`: the tab is a copy of a signed-in tab, and left that tab's session to it.
 */
export interface LoginHint {
  serverUrl: string;
  email: string;
  reason: 'server-chosen' | 'tab-copied';
}

const KEY = 'switchboard.login-hint';
const REASONS: ReadonlySet<string> = new Set<LoginHint['reason']>(['server-chosen', 'tab-copied']);

export function leaveLoginHint(hint: LoginHint, storage: Storage | null = tabStorage()): void {
  storage?.setItem(KEY, JSON.stringify(hint));
}

/** The hint left for this page, if any; it is removed as it is read. A damaged one is forgotten. */
export function takeLoginHint(storage: Storage | null = tabStorage()): LoginHint | null {
  const stored = storage?.getItem(KEY);
  storage?.removeItem(KEY);
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    if (
      parsed &&
      typeof parsed === 'object' &&
      'serverUrl' in parsed &&
      'email' in parsed &&
      'reason' in parsed &&
      typeof parsed.serverUrl === 'string' &&
      typeof parsed.email === 'string' &&
      typeof parsed.reason === 'string' &&
      REASONS.has(parsed.reason)
    )
      return {
        serverUrl: parsed.serverUrl,
        email: parsed.email,
        reason: parsed.reason as LoginHint['reason'],
      };
  } catch {
    // A damaged entry is simply forgotten.
  }
  return null;
}
