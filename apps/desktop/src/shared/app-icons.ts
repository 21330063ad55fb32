/**
 * The app's images, by file name inside the web build's `icons/` folder (`src/renderer/public/icons`,
 * drawn by `scripts/render-icons.ts`): the main process loads the tray, taskbar-badge and window
 * images from there, the web workbench its favicon and manifest icons.
 */

export type TrayStatus = 'online' | 'away' | 'offline';

export const TRAY_STATUSES: readonly TrayStatus[] = ['online', 'away', 'offline'];

/** Counts above this show as "9+" on the taskbar badge. */
export const BADGE_MAX = 9;

export const ICONS_DIR = 'icons';

/** The window's own icon (Linux, and Windows before installation: packaged builds use the installer's). */
export const WINDOW_ICON = 'app-256.png';

/** The favicon of the web workbench, with a red dot while something is unread. */
export const FAVICON = { read: 'app.svg', unread: 'app-unread.svg' } as const;

/** Icons the web app manifest lists (installable web workbench), by pixel size. */
export const MANIFEST_ICONS = { 192: 'app-192.png', 512: 'app-512.png' } as const;

/**
 * The tray image: the agent's status as a coloured dot, and a red dot while anything is unread
 * (the tooltip says how many). Electron picks `<name>@2x.png` beside it on high-DPI screens.
 */
export function trayIcon(status: TrayStatus, unread: number): string {
  return `tray-${status}${unread > 0 ? '-unread' : ''}.png`;
}

/** Windows' taskbar overlay for an unread count, or null to clear it. */
export function badgeIcon(unread: number): string | null {
  if (!Number.isFinite(unread) || unread < 1) return null;
  return unread > BADGE_MAX ? `badge-${BADGE_MAX}plus.png` : `badge-${Math.floor(unread)}.png`;
}
