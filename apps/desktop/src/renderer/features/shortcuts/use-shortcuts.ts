import { useEffect } from 'react';
import { currentRoute } from '../../app/routes.js';
import { i18n } from '../../i18n/index.js';
import { acceptOffer, declineOffer, openConversation } from '../chat/actions.js';
import { chatRights } from '../chat/chat-rights.js';
import { useChatDialog } from '../chat/dialog-store.js';
import { conversationsIn, type ListView, useConversations } from '../conversations/store.js';
import { SEARCH_INPUT_ID } from '../search/components/MessageSearch.js';
import { useSession } from '../session/store.js';
import { usePresence } from '../status/store.js';
import { useTabs } from '../tabs/store.js';
import { useToasts } from '../toasts/store.js';
import { useShortcutsHelp } from './help-store.js';
import { type Shortcut, shortcutOf } from './keymap.js';
import { longestWaiting, neighbourIn } from './navigation.js';

/** The window's keyboard shortcuts (keymap.ts), while the workbench is mounted. */
export function useWorkbenchShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(event);
      if (shortcut && run(shortcut)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Does what the shortcut says; false when it means nothing here (the key then does what it would). */
function run(shortcut: Shortcut): boolean {
  const tabs = useTabs.getState();
  switch (shortcut.id) {
    case 'help':
      useShortcutsHelp.getState().setOpen(true);
      return true;
    case 'tab-next':
    case 'tab-previous':
      tabs.cycle(shortcut.id === 'tab-next' ? 1 : -1);
      return true;
    case 'tab-index':
      tabs.activateIndex(shortcut.index ?? 0);
      return true;
    case 'tab-close':
      if (!tabs.active) return false;
      tabs.closeTab(tabs.active);
      return true;
  }
  // The rest act on the lists and chats, which only the workbench view shows.
  if (currentRoute() !== 'workbench') return false;
  switch (shortcut.id) {
    case 'search':
      document.getElementById(SEARCH_INPUT_ID)?.focus();
      return true;
    case 'list-next':
    case 'list-previous': {
      const next = neighbourIn(
        shownList().map((c) => c.conversation.id),
        tabs.active,
        shortcut.id === 'list-next' ? 1 : -1,
      );
      if (next && next !== tabs.active) void openConversation(next);
      return true;
    }
    case 'next-waiting': {
      const next = longestWaiting(listOf('mine'), tabs.active);
      if (next) void openConversation(next);
      else useToasts.getState().push(i18n.t('shortcuts.noneWaiting'), 'info');
      return true;
    }
    case 'accept-offer':
    case 'decline-offer': {
      const offer = ringingOffer();
      if (!offer) return false;
      void (shortcut.id === 'accept-offer' ? acceptOffer : declineOffer)(offer.offerId);
      return true;
    }
    case 'transfer':
    case 'resolve': {
      const open = tabs.active ? useConversations.getState().byId[tabs.active]?.conversation : undefined;
      const user = useSession.getState().user;
      if (!open) return false;
      const rights = chatRights(open, user?.id, user?.role);
      if (!(shortcut.id === 'transfer' ? rights.mine : rights.canClose)) return false;
      useChatDialog.getState().show(open.id, shortcut.id);
      return true;
    }
  }
  return false;
}

/** The offer that has rung longest: the one closest to running out. */
function ringingOffer() {
  const [oldest] = Object.values(usePresence.getState().offers).sort((a, b) =>
    a.expiresAt.localeCompare(b.expiresAt),
  );
  return oldest;
}

function listOf(view: ListView) {
  const user = useSession.getState().user;
  return user ? conversationsIn(view, useConversations.getState().byId, user) : [];
}

/** The list on screen (Mine, Team queue or Unassigned), in its order. */
function shownList() {
  return listOf(useConversations.getState().view);
}
