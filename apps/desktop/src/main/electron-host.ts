import path from 'node:path';
import { app, type BrowserWindow, clipboard, Notification, nativeImage, shell } from 'electron';
import { badgeIcon } from '../shared/app-icons.js';
import type { Settings } from '../shared/settings.js';
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

/**
 * HostPorts implemented with Electron: native notifications, the unread badge (the dock's and
 * Linux launchers' count; on Windows, which has no count, a red overlay on the taskbar button from
 * `iconsDir`), the tray.
 */
export interface ElectronHostDeps {
  window: () => BrowserWindow | null;
  tray: TrayMenu;
  /** Where the taskbar badge's images are (named by `badgeIcon`). */
  iconsDir: string;
  /** Applies what saved settings change outside the page (the start at sign-in). */
  applySettings(settings: Settings): void;
}

export function electronHost(
  { window, tray, iconsDir, applySettings }: ElectronHostDeps,
  windows: WindowActions,
): HostPorts {
  /** The dock's bounce in progress (macOS), to cancel once nothing rings. */
  let bounce: number | null = null;
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
      if (process.platform !== 'win32') return;
      const overlay = badgeIcon(unread);
      window()?.setOverlayIcon(
        overlay === null ? null : nativeImage.createFromPath(path.join(iconsDir, overlay)),
        overlay === null ? '' : `${unread} unread`,
      );
    },
    setAttention(wanted) {
      const win = window();
      if (process.platform === 'darwin') {
        if (bounce !== null) app.dock?.cancelBounce(bounce);
        bounce = wanted && !win?.isFocused() ? (app.dock?.bounce('critical') ?? null) : null;
        return;
      }
      // Windows stops the flashing by itself once the window comes forward.
      win?.flashFrame(wanted && !win.isFocused());
    },
    setTrayStatus: (status) => tray.setStatus(status),
    settingsSaved(settings) {
      tray.refresh();
      applySettings(settings);
    },
    isWindowFocused: () => window()?.isFocused() ?? false,
    openExternal: (url) => void shell.openExternal(url),
    writeClipboard: (text) => clipboard.writeText(text),
    openSupervisorWindow: windows.openSupervisorWindow,
    showInWorkbench(conversationId) {
      windows.showWorkbench();
      windows.showConversation(conversationId);
    },
  };
}
