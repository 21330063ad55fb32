import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { stillRunningNotice, type TrayState, trayMenuTemplate, trayTooltip } from '../src/main/tray-menu.js';
import { closeAction } from '../src/main/window-close.js';

function recordingActions() {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      show: () => calls.push('show'),
      openSupervisor: () => calls.push('supervisor'),
      setStatus: (status: string) => calls.push(`status:${status}`),
      quit: () => calls.push('quit'),
    },
  };
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();
const agent: TrayState = { status: 'online', unread: 0, locale: 'en', supervisor: false };

describe('the tray menu', () => {
  it('opens the workbench, switches the status, and quits', () => {
    const { calls, actions } = recordingActions();
    const menu = trayMenuTemplate(agent, actions);
    expect(menu.map((item) => item.label ?? item.type)).toEqual([
      'Open Switchboard',
      'separator',
      'Online',
      'Away',
      'Offline',
      'separator',
      'Quit Switchboard',
    ]);
    expect(menu.filter((item) => item.type === 'radio' && item.checked).map((item) => item.label)).toEqual([
      'Online',
    ]);
    for (const item of menu) click(item);
    expect(calls).toEqual(['show', 'status:online', 'status:away', 'status:offline', 'quit']);
  });

  it('counts the unread in the open entry and the tooltip, and shows the status it was given', () => {
    const state: TrayState = { ...agent, status: 'away', unread: 4 };
    const menu = trayMenuTemplate(state, recordingActions().actions);
    expect(menu[0]?.label).toBe('Open Switchboard (4)');
    expect(menu.find((item) => item.checked)?.label).toBe('Away');
    expect(trayTooltip(state)).toBe('Switchboard — Away, 4 unread');
    expect(trayTooltip(agent)).toBe('Switchboard — Online');
  });

  it('offers the supervisor window only to supervisors and admins', () => {
    const { calls, actions } = recordingActions();
    const menu = trayMenuTemplate({ ...agent, supervisor: true }, actions);
    const entry = menu.find((item) => item.label === 'Supervisor window');
    click(entry);
    expect(calls).toEqual(['supervisor']);
    expect(trayMenuTemplate(agent, actions).some((item) => item.label === 'Supervisor window')).toBe(false);
  });

  it('speaks the app’s language', () => {
    const state: TrayState = { status: 'offline', unread: 2, locale: 'zh-CN', supervisor: true };
    const labels = trayMenuTemplate(state, recordingActions().actions).map((item) => item.label);
    expect(labels).toEqual([
      '打开 Switchboard（2）',
      '主管窗口',
      undefined,
      '在线',
      '离开',
      '离线',
      undefined,
      '退出 Switchboard',
    ]);
    expect(trayTooltip(state)).toBe('Switchboard — 离线, 2 条未读');
    expect(stillRunningNotice('zh-CN').title).toBe('Switchboard 仍在运行');
    expect(stillRunningNotice('en').body).toContain('Quit from the tray menu');
  });
});

describe('closing the workbench window', () => {
  it('hides it to the tray by default, so the agent stays reachable', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      expect(closeAction({ quitting: false, keepRunningInTray: true, platform })).toBe('hide');
    }
  });

  it('quits when the agent turned that off, except on macOS, whose apps stay in the dock', () => {
    expect(closeAction({ quitting: false, keepRunningInTray: false, platform: 'win32' })).toBe('quit');
    expect(closeAction({ quitting: false, keepRunningInTray: false, platform: 'linux' })).toBe('quit');
    expect(closeAction({ quitting: false, keepRunningInTray: false, platform: 'darwin' })).toBe('hide');
  });

  it('lets the window close once the app is quitting (the tray’s Quit, Cmd+Q, a shutdown)', () => {
    for (const keepRunningInTray of [true, false]) {
      expect(closeAction({ quitting: true, keepRunningInTray, platform: 'win32' })).toBe('close');
    }
  });
});
