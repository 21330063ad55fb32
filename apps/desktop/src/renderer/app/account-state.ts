import type { StoreApi } from 'zustand';
import { useCannedReplies } from '../features/chat/canned-replies.js';
import { useColleagues } from '../features/chat/colleagues.js';
import { useChatDialog } from '../features/chat/dialog-store.js';
import { useImageViewer } from '../features/chat/image-viewer.js';
import { useChat } from '../features/chat/store.js';
import { useTeamNames } from '../features/chat/team-names.js';
import { useConversations } from '../features/conversations/store.js';
import { useErased } from '../features/privacy/erased-store.js';
import { useSearch } from '../features/search/store.js';
import { usePresence } from '../features/status/store.js';
import { useSupervisor } from '../features/supervisor/store.js';
import { useTabs } from '../features/tabs/store.js';
import { useVisitorHistoryCache } from '../features/visitor/history-store.js';
import { useVisitedPages } from '../features/visitor/visited-pages-store.js';

/** A store's own way back to its first state (zustand keeps it as `getInitialState`). */
type Resettable = Pick<StoreApi<object>, 'getState' | 'getInitialState' | 'setState'>;

/**
 * Every store that holds something of the signed-in account: its conversations and messages, its
 * personal canned replies, its search results, its offers and status, the chat a supervisor
 * monitors, the open tabs and picture, the visitors' histories and the pages they visited the
 * server gave it, its teams' names. Settings and the session's own phase are not among them.
 */
export const ACCOUNT_STORES: readonly Resettable[] = [
  useConversations,
  useChat,
  useColleagues,
  useCannedReplies,
  useSearch,
  usePresence,
  useSupervisor,
  useTabs,
  useImageViewer,
  useChatDialog,
  useErased,
  useVisitorHistoryCache,
  useVisitedPages,
  useTeamNames,
];

/**
 * At sign-out: each of those stores back to how a fresh page starts, so whoever signs in next in
 * this window sees nothing of the last account's (SECURITY D13 wipes the cache on disk likewise).
 */
export function forgetAccountState(): void {
  for (const store of ACCOUNT_STORES) store.setState(store.getInitialState(), true);
}
