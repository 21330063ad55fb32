import type { SessionRevoked } from '@switchboard/protocol';
import { tabStorage } from './tab-storage.js';

/** Why the server ended a session: what its `session:revoked` said, or `ended` when it did not say. */
export type SessionEndReason = SessionRevoked['reason'] | 'ended';

/**
 * What the sign-in form starts from after the page has had to drop or reload: the server, the
 * email and why (never the password). Kept in the tab's `sessionStorage` and read once.
 * `server-chosen`: the page reloaded so its CSP admits a newly typed server.
 * `tab-copied`: the tab is a copy of a signed-in tab, and left that tab's session to it.
 * `session-ended`: the server ended the session; `ended` says why.
 */
export interface LoginHint {
  serverUrl: string;
  email: string;
  reason: 'server-chosen' | 'tab-copied' | 'session-ended';
  ended?: SessionEndReason;
  /** Replies that had not reached the server when the session ended, discarded with the cache. */
  discarded?: number;
}

const KEY = 'switchboard.login-hint';
const REASONS: ReadonlySet<unknown> = new Set<LoginHint['reason']>([
  'server-chosen',
  'tab-copied',
  'session-ended',
]);
const END_REASONS: ReadonlySet<unknown> = new Set<SessionEndReason>([
  'logout',
  'password-changed',
  'refresh-token-reused',
  'deactivated',
  'role-changed',
  'ended',
]);

export function leaveLoginHint(hint: LoginHint, storage: Storage | null = tabStorage()): void {
  storage?.setItem(KEY, JSON.stringify(hint));
}

/** The hint left for this page, if any; it is removed as it is read. A damaged one is forgotten. */
export function takeLoginHint(storage: Storage | null = tabStorage()): LoginHint | null {
  const stored = storage?.getItem(KEY);
  storage?.removeItem(KEY);
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    // Read by hand, not with the protocol's schemas: the sign-in form is in the first paint, which zod is not.
    const hint = (parsed && typeof parsed === 'object' ? parsed : {}) as Partial<
      Record<keyof LoginHint, unknown>
    >;
    if (typeof hint.serverUrl === 'string' && typeof hint.email === 'string' && REASONS.has(hint.reason)) {
      return {
        serverUrl: hint.serverUrl,
        email: hint.email,
        reason: hint.reason as LoginHint['reason'],
        ...(END_REASONS.has(hint.ended) ? { ended: hint.ended as SessionEndReason } : {}),
        ...(Number.isSafeInteger(hint.discarded) && (hint.discarded as number) > 0
          ? { discarded: hint.discarded as number }
          : {}),
      };
    }
  } catch {
    // A damaged entry is simply forgotten.
  }
  return null;
}
