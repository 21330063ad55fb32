import type { CannedReply } from '@switchboard/protocol';
import { create } from 'zustand';
import { runtime } from '../../app/runtime.js';

/** How old the list may be when the agent types `/`: an admin's edits reach agents within it. */
export const CANNED_REFRESH_MS = 60_000;
/**
 * A global reply's change reaches every workbench at once: each fetches the list within this
 * spread rather than all in the same instant (an agent who types `/` meanwhile fetches at once).
 */
const CHANGED_SPREAD_MS = 5_000;

interface CannedState {
  replies: CannedReply[];
  /** When the list last arrived (epoch ms), 0 before. */
  loadedAt: number;
  loading: boolean;
  load(now?: number): Promise<void>;
  /**
   * `canned:changed`: a reply this agent may use was added, changed or deleted. A list in use is
   * fetched again within a few seconds (or at the next `/`); one never fetched waits for the
   * first `/`.
   */
  changed(): void;
}

/**
 * Canned replies, fetched as the agent starts typing `/` (at most once a minute), and again when
 * the server says they changed; a failed fetch keeps what was there.
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
  changed: () => {
    const wasLoaded = get().loadedAt > 0;
    set({ loadedAt: 0 });
    if (wasLoaded) setTimeout(() => void get().load(), Math.random() * CHANGED_SPREAD_MS);
  },
}));

/** Replies whose shortcut or title starts with what follows the `/`. */
export function matchCanned(replies: readonly CannedReply[], typed: string): CannedReply[] {
  const query = typed.toLowerCase();
  return replies
    .filter((r) => r.shortcut.toLowerCase().startsWith(query) || r.title.toLowerCase().includes(query))
    .slice(0, 8);
}
