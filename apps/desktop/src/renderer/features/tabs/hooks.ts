import { runtime } from '../../app/runtime.js';
import { bridge } from '../../host/bridge.js';
import { loadTimeline, markRead } from '../chat/actions.js';
import { useTabs } from './store.js';

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
