import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../../host/bridge.js';
import { primaryButton, secondaryButton } from '../../../ui/Dialog.js';

type Permission = NotificationPermission | 'unsupported';

const current = (): Permission => ('Notification' in globalThis ? Notification.permission : 'unsupported');

/**
 * The web workbench only: a browser shows no notification until the site is allowed to, so without
 * this an agent whose tab is in the background misses offers. Asks on a click (browsers want a
 * gesture); when the browser says no, says where chats will still show. The desktop app needs none.
 */
export function NotificationPermissionBanner() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState<Permission>(current);
  const [dismissed, setDismissed] = useState(false);
  if (!bridge.capabilities.webNotifications || dismissed) return null;
  if (permission === 'granted' || permission === 'unsupported') return null;
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
        <button type="button" className={secondaryButton} onClick={() => setDismissed(true)}>
          {t('notify.permissionDismiss')}
        </button>
      </span>
    </div>
  );
}
