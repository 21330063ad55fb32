import type { LoginResponse, Result, TokenPair, User } from '@switchboard/protocol';
import type { CacheSnapshot } from '../../shared/cache-schemas.js';
import type { ServerConnection } from '../api/connection.js';
import { pendingCount, useChat } from '../features/chat/store.js';
import { useConversations } from '../features/conversations/store.js';
import { useSession } from '../features/session/store.js';
import { clearKeptPresence, restoreChoice } from '../features/status/kept-presence.js';
import { usePresence } from '../features/status/store.js';
import { useTabs } from '../features/tabs/store.js';
import { bridge } from '../host/bridge.js';
import { leaveLoginHint, type SessionEndReason } from '../host/login-hint.js';
import { forgetAccountState } from './account-state.js';
import { afterPaint } from './after-paint.js';
import type { Boot } from './boot-requests.js';
import { runtime } from './runtime.js';

/** Paints the account's cache at once, before the server answers (PRODUCT: instant cold start). */
async function paintFromCache(
  serverUrl: string,
  user: User,
  prefetched?: CacheSnapshot | null,
): Promise<void> {
  runtime.account = { serverUrl, userId: user.id };
  const snapshot = prefetched ?? (await bridge['cache:load'](runtime.account));
  useConversations.getState().upsert(snapshot.conversations);
  useChat.getState().setOutbox(snapshot.outbox);
  useChat.getState().setDrafts(snapshot.drafts);
  useTabs.getState().restore(snapshot.tabs.open, snapshot.tabs.active);
  restoreChoice(runtime.account, user.role);
  useSession.getState().setReady(serverUrl, user);
  const account = runtime.account;
  // After the first paint, so the rest of a long list never delays it.
  void afterPaint().then(() => loadRestOfList(account, snapshot.conversations.length, snapshot.total));
}

const LIST_PAGE = 2000;

/** After the first paint: the rest of the cached list, a page at a time. */
async function loadRestOfList(
  account: { serverUrl: string; userId: string },
  from: number,
  total: number,
): Promise<void> {
  for (let offset = from; offset < total; offset += LIST_PAGE) {
    const page = await bridge['cache:conversations']({ ...account, offset, limit: LIST_PAGE });
    if (runtime.account !== account) return;
    useConversations
      .getState()
      .upsert(page.filter((c) => !useConversations.getState().byId[c.conversation.id]));
  }
}

const loadNetwork = () => import('./network.js');

async function connectWith(serverUrl: string, user: User, tokens: TokenPair): Promise<ServerConnection> {
  const { ServerConnection, listen } = await loadNetwork();
  const connection = new ServerConnection(serverUrl, tokens, {
    onTokens: (next) =>
      bridge['session:save']({ serverUrl, user, refreshToken: next.refreshToken }).then(() => {}),
    // Once: the push, the closed socket and a failed refresh may each report the same end.
    onSessionEnded: (reason) => {
      if (runtime.connection === connection) void sessionEnded(serverUrl, user, reason);
    },
    onReachable: (reachable) => usePresence.getState().setReachable(reachable),
    latestRefreshToken: () => storedRefreshToken(serverUrl, user.id),
  });
  runtime.connection = connection;
  listen(connection);
  connection.connect();
  return connection;
}

const RESUME_RETRY_MS = 3000;

/** The stored session's refresh token, if it is still this account's (another window may have rotated it). */
async function storedRefreshToken(serverUrl: string, userId: string): Promise<string | null> {
  const stored = await bridge['session:load']({});
  return stored && stored.serverUrl === serverUrl && stored.user.id === userId ? stored.refreshToken : null;
}

/** Resumes the stored session with its newest refresh token, one window at a time, and stores the next one. */
async function resumeExclusive(serverUrl: string, user: User, refreshToken: string) {
  const { ServerConnection, exclusiveRefresh } = await loadNetwork();
  return exclusiveRefresh(async () => {
    const token = (await storedRefreshToken(serverUrl, user.id)) ?? refreshToken;
    const result = await ServerConnection.resume(serverUrl, token);
    if (result.ok)
      await bridge['session:save']({
        serverUrl,
        user: result.data.user,
        refreshToken: result.data.tokens.refreshToken,
      });
    return result;
  });
}

let starting: Promise<void> | null = null;

/**
 * At start: a stored session paints its cache, then reconnects (retrying while the server is away).
 * Runs once per page even if called twice: two refreshes with one token would revoke the session.
 */
export function startSession(boot: Boot): Promise<void> {
  starting ??= resumeStoredSession(boot);
  return starting;
}

async function resumeStoredSession(boot: Boot): Promise<void> {
  const stored = boot.session;
  if (!stored) {
    useSession.getState().setLoggedOut();
    return;
  }
  await paintFromCache(stored.serverUrl, stored.user, boot.snapshot);
  // The network code (and its schemas) loads after the cached workbench has painted.
  await afterPaint();
  const resume = async (): Promise<void> => {
    const result = await resumeExclusive(stored.serverUrl, stored.user, stored.refreshToken);
    if (result.ok) {
      await connectWith(stored.serverUrl, result.data.user, result.data.tokens);
    } else if (
      result.error.code === 'unavailable' ||
      result.error.code === 'internal' ||
      result.error.code === 'rate-limited'
    ) {
      setTimeout(() => void resume(), RESUME_RETRY_MS);
    } else {
      await sessionEnded(stored.serverUrl, stored.user, 'ended');
    }
  };
  await resume();
}

export async function login(
  serverUrl: string,
  email: string,
  password: string,
): Promise<Result<LoginResponse>> {
  const { ServerConnection } = await loadNetwork();
  const result = await ServerConnection.login(serverUrl, email, password);
  if (!result.ok) return result;
  const { user, tokens } = result.data;
  await bridge['session:save']({ serverUrl, user, refreshToken: tokens.refreshToken });
  await paintFromCache(serverUrl, user);
  await connectWith(serverUrl, user, tokens);
  return result;
}

/** The server ended the session: signed out as by `logout`, and the sign-in form says why. */
async function sessionEnded(serverUrl: string, user: User, reason: SessionEndReason): Promise<void> {
  const discarded = pendingCount(useChat.getState().outbox);
  leaveLoginHint({
    serverUrl,
    email: user.email,
    reason: 'session-ended',
    ended: reason,
    ...(discarded > 0 ? { discarded } : {}),
  });
  await logout(false);
}

/** Logout revokes the session, forgets the tokens and wipes the local cache (SECURITY D13). */
export async function logout(revoke = true): Promise<void> {
  const connection = runtime.connection;
  if (revoke && connection) await connection.rest('logout', { body: {} });
  connection?.close();
  runtime.connection = null;
  await bridge['session:clear']({ account: runtime.account });
  clearKeptPresence();
  runtime.account = null;
  forgetAccountState();
  useSession.getState().setLoggedOut();
}

/**
 * The Electron supervisor window: the stored session's account, its own socket, and none of the
 * workbench's listeners (no cache, no notifications, no status, never a read receipt).
 */
export async function startSupervisorSession(boot: Boot): Promise<void> {
  const stored = boot.session;
  if (!stored) return useSession.getState().setLoggedOut();
  runtime.account = { serverUrl: stored.serverUrl, userId: stored.user.id };
  useSession.getState().setReady(stored.serverUrl, stored.user);
  const ended = () => {
    runtime.connection?.close();
    runtime.connection = null;
    useSession.getState().setLoggedOut();
  };
  const result = await resumeExclusive(stored.serverUrl, stored.user, stored.refreshToken);
  if (!result.ok) {
    if (result.error.code === 'unavailable' || result.error.code === 'rate-limited')
      setTimeout(() => void startSupervisorSession(boot), RESUME_RETRY_MS);
    else ended();
    return;
  }
  const { ServerConnection } = await loadNetwork();
  const { user, tokens } = result.data;
  useSession.getState().setReady(stored.serverUrl, user);
  const connection = new ServerConnection(stored.serverUrl, tokens, {
    onTokens: (next) =>
      bridge['session:save']({ serverUrl: stored.serverUrl, user, refreshToken: next.refreshToken }).then(
        () => {},
      ),
    onSessionEnded: ended,
    onReachable: (reachable) => usePresence.getState().setReachable(reachable),
    latestRefreshToken: () => storedRefreshToken(stored.serverUrl, user.id),
  });
  runtime.connection = connection;
  connection.connect();
}
