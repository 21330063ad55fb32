import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../../host/bridge.js';
import { primaryButton, secondaryButton } from '../../../ui/Dialog.js';
import { promptSnoozed, snoozePrompt } from '../permission-prompt.js';

type Permission = NotificationPermission | 'unsupported';

const current = (): Permission => ('Notification' in globalThis ? Notification.permission : 'unsupported');

/**
 * The web workbench only: a browser shows no notification until the site is allowed to, so without
 * this an agent whose tab is in the background misses offers. Asks on a click (browsers want a
 * gesture); when the browser says no, says where chats will still show. "Not now" keeps it away in
 * this browser for a week (permission-prompt.ts). The desktop app needs none.
 */
export function NotificationPermissionBanner() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState<Permission>(current);
  // "Not now" for this permission on this page, also where the browser refuses storage.
  const [dismissedFor, setDismissedFor] = useState<Permission | null>(null);
  // Storage is read when the permission changes, not on every render.
  const snoozed = useMemo(() => promptSnoozed(permission), [permission]);
  useEffect(() => followPermission(setPermission), []);
  if (!bridge.capabilities.webNotifications) return null;
  if (permission === 'granted' || permission === 'unsupported') return null;
  if (dismissedFor === permission || snoozed) return null;
  return (
    <div
      className="flex items-center gap-3 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
      role="status"
      data-testid="notification-permission"
      data-permission={permission}
    >
      <span>{permission === 'default' ? t('notify.permissionAsk') : t('notify.permissionDenied')}</span>
      <span className="ml-auto flex shrink-0 gap-2">
        {permission === 'default' && (
          <button
            type="button"
            className={primaryButton}
            onClick={() => void Notification.requestPermission().then(() => setPermission(current()))}
          >
            {t('notify.permissionTurnOn')}
          </button>
        )}
        <button
          type="button"
          className={secondaryButton}
          onClick={() => {
            snoozePrompt(permission);
            setDismissedFor(permission);
          }}
        >
          {t('notify.permissionDismiss')}
        </button>
      </span>
    </div>
  );
}

/**
 * The agent may allow or block the site in the browser's own settings while the page is open: the
 * bar follows (where the browser reports such changes). Returns the unsubscribe.
 */
function followPermission(set: (permission: Permission) => void): () => void {
  let status: PermissionStatus | undefined;
  let stopped = false;
  const onChange = () => set(current());
  navigator.permissions
    ?.query({ name: 'notifications' })
    .then((answer) => {
      if (stopped) return;
      status = answer;
      status.addEventListener('change', onChange);
    })
    .catch(() => {
      // No Permissions API for notifications here: the bar changes on its own buttons only.
    });
  return () => {
    stopped = true;
    status?.removeEventListener('change', onChange);
  };
}
