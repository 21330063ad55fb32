import { create } from 'zustand';

/**
 * The conversations erased while this page is open: lists a component fetched itself (the
 * visitor panel's history) leave them out without asking the server again.
 */
export const useErased = create<{ ids: Readonly<Record<string, true>>; add(ids: Iterable<string>): void }>(
  (set) => ({
    ids: {},
    add: (ids) =>
      set((s) => ({ ids: { ...s.ids, ...Object.fromEntries([...ids].map((id) => [id, true])) } })),
  }),
);
