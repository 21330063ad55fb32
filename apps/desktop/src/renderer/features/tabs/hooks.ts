import { useEffect } from 'react';
import { runtime } from '../../app/runtime.js';
import { bridge } from '../../host/bridge.js';
import { loadTimeline, markRead } from '../chat/actions.js';
import { useTabs } from './store.js';

/** Ctrl+1…9, Ctrl+Tab / Ctrl+Shift+Tab, Ctrl+W (Cmd on macOS). */
export function useTabShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const tabs = useTabs.getState();
      if (event.key === 'Tab') tabs.cycle(event.shiftKey ? -1 : 1);
      else if (/^[1-9]$/.test(event.key)) tabs.activateIndex(Number(event.key) - 1);
      else if (event.key.toLowerCase() === 'w' && tabs.active) tabs.closeTab(tabs.active);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Tabs are saved on every change (restored after a restart); the active one is loaded and read. */
export function watchTabs(): () => void {
  return useTabs.subscribe((state, previous) => {
    const account = runtime.account;
    if (state.open === previous.open && state.active === previous.active) return;
    if (account) void bridge['tabs:save']({ ...account, tabs: { open: state.open, active: state.active } });
    if (state.active && state.active !== previous.active) {
      const id = state.active;
      void loadTimeline(id).then(() => markRead(id));
    }
  });
}
