import type { CannedReply } from '@switchboard/protocol';
import { create } from 'zustand';
import { runtime } from '../../app/runtime.js';

interface CannedState {
  replies: CannedReply[];
  loaded: boolean;
  load(): Promise<void>;
}

/** Canned replies, loaded once per session; a server without them leaves the list empty. */
export const useCannedReplies = create<CannedState>((set, get) => ({
  replies: [],
  loaded: false,
  load: async () => {
    if (get().loaded || !runtime.connection) return;
    const result = await runtime.connection.rest('listCannedReplies');
    if (result.ok) set({ replies: result.data, loaded: true });
  },
}));

/** Replies whose shortcut or title starts with what follows the `/`. */
export function matchCanned(replies: readonly CannedReply[], typed: string): CannedReply[] {
  const query = typed.toLowerCase();
  return replies
    .filter((r) => r.shortcut.toLowerCase().startsWith(query) || r.title.toLowerCase().includes(query))
    .slice(0, 8);
}
