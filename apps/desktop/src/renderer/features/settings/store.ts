import { create } from 'zustand';
import type { Settings } from '../../../shared/settings.js';
import { DEFAULT_SETTINGS } from '../../../shared/settings-defaults.js';

interface SettingsState {
  settings: Settings;
  open: boolean;
  set(settings: Settings): void;
  setOpen(open: boolean): void;
}

export const useSettings = create<SettingsState>((set) => ({
  settings: DEFAULT_SETTINGS,
  open: false,
  set: (settings) => set({ settings }),
  setOpen: (open) => set({ open }),
}));
