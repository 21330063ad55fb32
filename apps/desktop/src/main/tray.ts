import path from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import { type TrayStatus, trayIcon } from '../shared/app-icons.js';
import type { Settings } from '../shared/settings.js';
import { type TrayActions, trayMenuTemplate, trayTooltip } from './tray-menu.js';

export interface TrayMenu {
  setStatus(status: TrayStatus): void;
  setUnread(unread: number): void;
  /** Redraws with the current language and role. */
  refresh(): void;
}

export interface TrayOptions {
  /** Where the tray's images are (named by `trayIcon`). */
  iconsDir: string;
  /** The app's language, read at each redraw. */
  locale(): Settings['locale'];
  /** Whether to offer the supervisor window (supervisors and admins; checked again on click). */
  canSupervise(): boolean;
}

/**
 * The tray icon: the status as a coloured dot and a red dot while anything is unread, the unread
 * total in its tooltip, and its menu (`tray-menu.ts`). A click opens the workbench.
 */
export function createTray(options: TrayOptions, actions: TrayActions): TrayMenu {
  let status: TrayStatus = 'offline';
  let unread = 0;
  const image = () => nativeImage.createFromPath(path.join(options.iconsDir, trayIcon(status, unread)));
  const tray = new Tray(image());
  const render = () => {
    const state = { status, unread, locale: options.locale(), supervisor: options.canSupervise() };
    tray.setImage(image());
    tray.setToolTip(trayTooltip(state));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, actions)));
  };
  tray.on('click', () => actions.show());
  render();
  return {
    setStatus(next) {
      status = next;
      render();
    },
    setUnread(next) {
      unread = next;
      render();
    },
    refresh: render,
  };
}
