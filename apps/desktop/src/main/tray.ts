import path from 'node:path';
import { Menu, nativeImage, Tray } from 'electron';
import { type TrayStatus as Status, trayIcon } from '../shared/app-icons.js';

export interface TrayMenu {
  setStatus(status: Status): void;
  setUnread(unread: number): void;
}

/** The supervisor window's entry: shown to supervisors and admins (checked again on click). */
export interface SupervisorEntry {
  visible(): boolean;
  open(): void;
}

/**
 * The tray icon: the status as a coloured dot and a red dot while anything is unread (images in
 * `iconsDir`, named by `trayIcon`), the unread total in its tooltip, the status switch (online /
 * away / offline) and, for supervisors and admins, the supervisor window.
 */
export function createTray(
  iconsDir: string,
  onStatus: (status: Status) => void,
  onShow: () => void,
  supervisor?: SupervisorEntry,
): TrayMenu {
  let status: Status = 'offline';
  let unread = 0;
  const image = () => nativeImage.createFromPath(path.join(iconsDir, trayIcon(status, unread)));
  const tray = new Tray(image());
  const render = () => {
    tray.setImage(image());
    tray.setToolTip(`Switchboard — ${status}${unread > 0 ? `, ${unread} unread` : ''}`);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: unread > 0 ? `Open Switchboard (${unread})` : 'Open Switchboard', click: onShow },
        ...(supervisor?.visible() ? [{ label: 'Supervisor window', click: () => supervisor.open() }] : []),
        { type: 'separator' },
        ...(['online', 'away', 'offline'] as const).map((s) => ({
          label: s[0]?.toUpperCase() + s.slice(1),
          type: 'radio' as const,
          checked: s === status,
          click: () => onStatus(s),
        })),
      ]),
    );
  };
  tray.on('click', onShow);
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
  };
}
