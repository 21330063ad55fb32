import type { Conversation } from '@switchboard/protocol';
import { create } from 'zustand';

/**
 * How long the server's list of a visitor's conversations stands in for asking again: switching
 * tabs (or Alt+↓ down a list) shows the same visitors over and over. What this device holds is
 * merged in fresh each time; the server's part is at most this old.
 */
export const HISTORY_FRESH_MS = 60_000;
/** The visitors whose lists are kept; the least recently fetched go first. */
const KEPT = 200;

interface Fetched {
  items: Conversation[];
  at: number;
}

interface VisitorHistoryState {
  byVisitor: Readonly<Record<string, Fetched>>;
  put(visitorId: string, items: Conversation[], at: number): void;
  /**
   * Out of reach of the server: what it said still shows, but may be out of date by the time it
   * answers again, so each list is asked for afresh then.
   */
  markStale(): void;
}

export const useVisitorHistoryCache = create<VisitorHistoryState>((set) => ({
  byVisitor: {},
  put: (visitorId, items, at) =>
    set((s) => {
      const kept = Object.entries(s.byVisitor).filter(([id]) => id !== visitorId);
      kept.sort(([, a], [, b]) => b.at - a.at);
      return { byVisitor: Object.fromEntries([[visitorId, { items, at }], ...kept.slice(0, KEPT - 1)]) };
    }),
  markStale: () =>
    set((s) => ({
      byVisitor: Object.fromEntries(
        Object.entries(s.byVisitor).map(([id, f]) => [id, { ...f, at: Number.NEGATIVE_INFINITY }]),
      ),
    })),
}));

/** The server's list for the visitor if it is young enough to show without asking again. */
export function freshHistory(
  byVisitor: Readonly<Record<string, Fetched>>,
  visitorId: string,
  now: number,
): Conversation[] | undefined {
  const fetched = byVisitor[visitorId];
  return fetched && now - fetched.at < HISTORY_FRESH_MS ? fetched.items : undefined;
}
