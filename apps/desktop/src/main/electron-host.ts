import { app, type BrowserWindow, Notification, shell } from 'electron';
import type { HostPorts, ShownNotification } from './host-ports.js';
import type { TrayMenu } from './tray.js';

/** HostPorts implemented with Electron: native notifications, the dock/taskbar badge, the tray. */
export function electronHost(
  window: () => BrowserWindow | null,
  tray: TrayMenu,
  onClicked: (conversationId: string | null) => void,
  openSupervisorWindow: () => void = () => {},
): HostPorts {
  return {
    showNotification(shown: ShownNotification) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({
        title: shown.title,
        body: shown.body,
        silent: false,
        urgency: shown.urgent ? 'critical' : 'normal',
        timeoutType: shown.urgent ? 'never' : 'default',
      });
      notification.on('click', () => {
        const win = window();
        if (win) {
          if (win.isMinimized()) win.restore();
          win.show();
          win.focus();
        }
        onClicked(shown.conversationId);
      });
      notification.show();
    },
    setBadge(unread) {
      app.setBadgeCount(unread);
      tray.setUnread(unread);
      window()?.setOverlayIcon?.(null, unread > 0 ? `${unread} unread` : '');
    },
    setTrayStatus: (status) => tray.setStatus(status),
    isWindowFocused: () => window()?.isFocused() ?? false,
    openExternal: (url) => void shell.openExternal(url),
    openSupervisorWindow,
  };
}
