import { create } from 'zustand';

/** Whether the keyboard shortcuts' list is open (Mod+/, or from Settings). */
export const useShortcutsHelp = create<{ open: boolean; setOpen(open: boolean): void }>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
