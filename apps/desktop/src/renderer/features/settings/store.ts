import { create } from 'zustand';
import { Settings } from '../../../shared/settings.js';

interface SettingsState {
  settings: Settings;
  open: boolean;
  set(settings: Settings): void;
  setOpen(open: boolean): void;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: Settings.parse({}),
  open: false,
  set: (settings) => set({ settings }),
  setOpen: (open) => set({ open }),
}));
