import { app, type BrowserWindow, Notification, shell } from 'electron';
import type { HostPorts, ShownNotification } from './host-ports.js';
import type { TrayMenu } from './tray.js';

/** What the composition root does with the windows it owns. */
export interface WindowActions {
  /** Restores, shows and focuses the workbench's window. */
  showWorkbench(): void;
  /** Tells the workbench's page a notification was clicked, or which chat to open. */
  notificationClicked(conversationId: string | null): void;
  showConversation(conversationId: string): void;
  openSupervisorWindow(): void;
}

/** HostPorts implemented with Electron: native notifications, the dock/taskbar badge, the tray. */
export function electronHost(
  window: () => BrowserWindow | null,
  tray: TrayMenu,
  windows: WindowActions,
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
        windows.showWorkbench();
        windows.notificationClicked(shown.conversationId);
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
    openSupervisorWindow: windows.openSupervisorWindow,
    showInWorkbench(conversationId) {
      windows.showWorkbench();
      windows.showConversation(conversationId);
    },
  };
}
