import type { Settings } from '../shared/settings.js';

/**
 * What the handlers need from Electron, as plain interfaces: the composition root implements them
 * with Notification, Tray, app.setBadgeCount and shell; tests pass recording fakes.
 */
export interface ShownNotification {
  title: string;
  body: string;
  conversationId: string | null;
  /** Offers and new assignments: stays until clicked, with the OS's sound. */
  urgent: boolean;
}

export interface HostPorts {
  showNotification(notification: ShownNotification): void;
  setBadge(unread: number): void;
  /**
   * While a chat rings: the taskbar button flashes (Windows, Linux) or the dock icon bounces
   * (macOS) until the window comes forward; false stops it once nothing rings.
   */
  setAttention(wanted: boolean): void;
  setTrayStatus(status: 'online' | 'away' | 'offline'): void;
  isWindowFocused(): boolean;
  openExternal(url: string): void;
  /** Writes text to the system clipboard (never reads it: SECURITY D8). */
  writeClipboard(text: string): void;
  /** Shows the supervisor window, creating it when closed. */
  openSupervisorWindow(): void;
  /** Brings the workbench's window forward and opens the chat in it. */
  showInWorkbench(conversationId: string): void;
  /** The settings were saved: the tray redraws in their language. */
  settingsSaved(settings: Settings): void;
}
