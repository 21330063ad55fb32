import { create } from 'zustand';

const MAX_TABS = 20;

interface TabsState {
  open: string[];
  active: string | null;
  restore(open: string[], active: string | null): void;
  openTab(id: string): void;
  closeTab(id: string): void;
  activate(id: string): void;
  /** Ctrl+Tab / Ctrl+Shift+Tab. */
  cycle(step: 1 | -1): void;
  /** Ctrl+1 … Ctrl+9. */
  activateIndex(index: number): void;
}

export const useTabs = create<TabsState>((set) => ({
  open: [],
  active: null,
  restore: (open, active) =>
    set({ open, active: active && open.includes(active) ? active : (open[0] ?? null) }),
  openTab: (id) =>
    set((s) => ({ open: s.open.includes(id) ? s.open : [...s.open, id].slice(-MAX_TABS), active: id })),
  closeTab: (id) =>
    set((s) => {
      const index = s.open.indexOf(id);
      const open = s.open.filter((t) => t !== id);
      const active = s.active === id ? (open[Math.min(index, open.length - 1)] ?? null) : s.active;
      return { open, active };
    }),
  activate: (id) => set((s) => (s.open.includes(id) ? { active: id } : s)),
  cycle: (step) =>
    set((s) => {
      if (s.open.length === 0) return s;
      const index = s.active ? s.open.indexOf(s.active) : -1;
      return { active: s.open[(index + step + s.open.length) % s.open.length] ?? null };
    }),
  activateIndex: (index) => set((s) => ({ active: s.open[index] ?? s.active })),
}));
