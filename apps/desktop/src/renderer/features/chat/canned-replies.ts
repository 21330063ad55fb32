import type { CannedReply } from '@switchboard/protocol';
import { create } from 'zustand';
import { runtime } from '../../app/runtime.js';

/** How old the list may be when the agent types `/`: an admin's edits reach agents within it. */
export const CANNED_REFRESH_MS = 60_000;

interface CannedState {
  replies: CannedReply[];
  /** When the list last arrived (epoch ms), 0 before. */
  loadedAt: number;
  loading: boolean;
  load(now?: number): Promise<void>;
}

/**
 * Canned replies, fetched as the agent starts typing `/` (at most once a minute, so edits in the
 * admin area arrive without signing in again); a failed fetch keeps what was there.
 */
export const useCannedReplies = create<CannedState>((set, get) => ({
  replies: [],
  loadedAt: 0,
  loading: false,
  load: async (now = Date.now()) => {
    const { loadedAt, loading } = get();
    if (loading || !runtime.connection || now - loadedAt < CANNED_REFRESH_MS) return;
    set({ loading: true });
    try {
      const result = await runtime.connection.rest('listCannedReplies');
      if (result.ok) set({ replies: result.data, loadedAt: now });
    } finally {
      set({ loading: false });
    }
  },
}));

/** Replies whose shortcut or title starts with what follows the `/`. */
export function matchCanned(replies: readonly CannedReply[], typed: string): CannedReply[] {
  const query = typed.toLowerCase();
  return replies
    .filter((r) => r.shortcut.toLowerCase().startsWith(query) || r.title.toLowerCase().includes(query))
    .slice(0, 8);
}
