import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { openConversation, showConversation } from '../features/chat/actions.js';
import { watchViewing } from '../features/chat/colleagues.js';
import { ChatView } from '../features/chat/components/ChatView.js';
import { ConversationList } from '../features/conversations/components/ConversationList.js';
import { NotificationPermissionBanner } from '../features/notifications/components/NotificationPermissionBanner.js';
import { watchUnreadBadge } from '../features/notifications/notify.js';
import { startRinger } from '../features/notifications/ringer.js';
import { useSession } from '../features/session/store.js';
import { SettingsDialog } from '../features/settings/components/SettingsDialog.js';
import { useSettings } from '../features/settings/store.js';
import { ShortcutsDialog } from '../features/shortcuts/components/ShortcutsDialog.js';
import { useShortcutsHelp } from '../features/shortcuts/help-store.js';
import { isMac, keysOf } from '../features/shortcuts/keymap.js';
import { useWorkbenchShortcuts } from '../features/shortcuts/use-shortcuts.js';
import { watchHostIdle } from '../features/status/actions.js';
import { HandToggle } from '../features/status/components/HandToggle.js';
import { OfferBanner } from '../features/status/components/OfferBanner.js';
import { StatusSwitch } from '../features/status/components/StatusSwitch.js';
import { SyncHeader } from '../features/sync/components/SyncHeader.js';
import { TabBar } from '../features/tabs/components/TabBar.js';
import { watchTabs } from '../features/tabs/hooks.js';
import { useTabs } from '../features/tabs/store.js';
import { VisitorPanel } from '../features/visitor/components/VisitorPanel.js';
import { bridge } from '../host/bridge.js';
import { allowed, go, type Route, useRoute } from './routes.js';

// The supervisor, admin and reports views (and the protocol schemas they use) load on first use.
const SupervisorView = lazy(() =>
  import('../features/supervisor/components/SupervisorView.js').then((m) => ({ default: m.SupervisorView })),
);
const AdminView = lazy(() =>
  import('../features/admin/components/AdminView.js').then((m) => ({ default: m.AdminView })),
);
const ReportsView = lazy(() =>
  import('../features/reports/components/ReportsView.js').then((m) => ({ default: m.ReportsView })),
);

const NAV: readonly Route[] = ['workbench', 'supervisor', 'reports', 'admin'];

function ViewNav() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const route = useRoute();
  const routes = NAV.filter((r) => allowed(r, role));
  if (routes.length < 2) return null;
  return (
    <nav aria-label={t('nav.views')} className="flex items-center gap-1">
      {routes.map((r) => (
        <button
          key={r}
          type="button"
          data-testid={`nav-${r}`}
          aria-current={route === r ? 'page' : undefined}
          className={`rounded px-2 py-1 text-sm ${
            route === r
              ? 'bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300'
              : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
          }`}
          onClick={() => go(r)}
        >
          {t(`nav.${r}`)}
        </button>
      ))}
    </nav>
  );
}

export function Workbench() {
  const { t } = useTranslation();
  const active = useTabs((s) => s.active);
  const settingsOpen = useSettings((s) => s.open);
  const role = useSession((s) => s.user?.role);
  const requested = useRoute();
  const route = allowed(requested, role) ? requested : 'workbench';
  useWorkbenchShortcuts();
  const shortcutsOpen = useShortcutsHelp((s) => s.open);

  useEffect(() => {
    const stops = [
      watchTabs(),
      watchUnreadBadge(),
      startRinger(),
      watchHostIdle(),
      watchViewing(),
      bridge.on(
        'notification:clicked',
        ({ conversationId }) => conversationId && void showConversation(conversationId),
      ),
      bridge.on('deep-link', ({ conversationId }) => void showConversation(conversationId)),
      bridge.on('workbench:show-conversation', ({ conversationId }) => void showConversation(conversationId)),
    ];
    const first = useTabs.getState().active;
    if (first) void openConversation(first);
    return () => {
      for (const stop of stops) stop();
    };
  }, []);

  return (
    <div className="flex h-full flex-col">
      <header className="flex h-11 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4 dark:border-slate-700 dark:bg-slate-900">
        <span className="font-semibold text-indigo-600 dark:text-indigo-400">{t('app.title')}</span>
        <SyncHeader />
        <ViewNav />
        <div className="ml-auto flex items-center gap-3">
          <HandToggle />
          <StatusSwitch />
          <button
            type="button"
            aria-label={t('settings.title')}
            data-testid="open-settings"
            className="rounded px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
            onClick={() => useSettings.getState().setOpen(true)}
          >
            ⚙
          </button>
        </div>
      </header>
      <NotificationPermissionBanner />
      <OfferBanner />
      {route !== 'workbench' && (
        <Suspense fallback={<div className="flex-1" />}>
          {route === 'supervisor' && <SupervisorView />}
          {route === 'admin' && <AdminView />}
          {route === 'reports' && <ReportsView />}
        </Suspense>
      )}
      {route === 'workbench' && (
        <div className="flex min-h-0 flex-1">
          <ConversationList />
          <main className="flex min-w-0 flex-1 flex-col">
            <TabBar />
            {active ? (
              <ChatView key={active} conversationId={active} />
            ) : (
              <p className="m-auto max-w-sm text-center text-sm text-slate-500">
                {t('chat.noTab', {
                  next: keysOf('list-next', isMac()).join('+'),
                  help: keysOf('help', isMac()).join('+'),
                })}
              </p>
            )}
          </main>
          {active && <VisitorPanel conversationId={active} />}
        </div>
      )}
      {settingsOpen && <SettingsDialog />}
      {shortcutsOpen && <ShortcutsDialog />}
    </div>
  );
}
