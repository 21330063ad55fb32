import type { MenuItemConstructorOptions } from 'electron';
import type { TrayStatus } from '../shared/app-icons.js';
import { TRAY_STATUSES } from '../shared/app-icons.js';
import type { Settings } from '../shared/settings.js';

type Locale = Settings['locale'];

interface TrayText {
  open: (unread: number) => string;
  supervisor: string;
  status: Record<TrayStatus, string>;
  unread: (count: number) => string;
  quit: string;
  stillRunning: { title: string; body: string };
}

/** The main process's own words (the renderer has i18next; these are the only ones main shows). */
const TEXT: Record<Locale, TrayText> = {
  en: {
    open: (unread) => (unread > 0 ? `Open Switchboard (${unread})` : 'Open Switchboard'),
    supervisor: 'Supervisor window',
    status: { online: 'Online', away: 'Away', offline: 'Offline' },
    unread: (count) => `${count} unread`,
    quit: 'Quit Switchboard',
    stillRunning: {
      title: 'Switchboard is still running',
      body: 'Chats keep arriving while the window is closed. Quit from the tray menu.',
    },
  },
  'zh-CN': {
    open: (unread) => (unread > 0 ? `打开 Switchboard（${unread}）` : '打开 Switchboard'),
    supervisor: '主管窗口',
    status: { online: '在线', away: '离开', offline: '离线' },
    unread: (count) => `${count} 条未读`,
    quit: '退出 Switchboard',
    stillRunning: {
      title: 'Switchboard 仍在运行',
      body: '窗口关闭后仍会收到对话。可从托盘菜单退出。',
    },
  },
};

export interface TrayState {
  status: TrayStatus;
  unread: number;
  locale: Locale;
  /** Whether the supervisor window's entry shows (supervisors and admins). */
  supervisor: boolean;
}

export interface TrayActions {
  show(): void;
  openSupervisor(): void;
  setStatus(status: TrayStatus): void;
  quit(): void;
}

/** The tray's context menu: open, the supervisor window, the status switch, quit. */
export function trayMenuTemplate(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const text = TEXT[state.locale];
  return [
    { label: text.open(state.unread), click: () => actions.show() },
    ...(state.supervisor ? [{ label: text.supervisor, click: () => actions.openSupervisor() }] : []),
    { type: 'separator' },
    ...TRAY_STATUSES.map(
      (status): MenuItemConstructorOptions => ({
        label: text.status[status],
        type: 'radio',
        checked: status === state.status,
        click: () => actions.setStatus(status),
      }),
    ),
    { type: 'separator' },
    { label: text.quit, click: () => actions.quit() },
  ];
}

export function trayTooltip(state: TrayState): string {
  const text = TEXT[state.locale];
  const status = text.status[state.status];
  return state.unread > 0
    ? `Switchboard — ${status}, ${text.unread(state.unread)}`
    : `Switchboard — ${status}`;
}

/** Told once a run, the first time closing the window leaves the app in the tray. */
export function stillRunningNotice(locale: Locale): { title: string; body: string } {
  return TEXT[locale].stillRunning;
}
