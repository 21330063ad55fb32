import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyOpenAtLogin,
  execArgument,
  LinuxAutostart,
  type LoginItemHost,
  STARTED_AT_LOGIN_FLAG,
  startedAtLogin,
  xdgConfigHome,
} from '../src/main/services/login-item.js';
import { tempDir } from './support/fakes.js';

/** Reads a desktop entry's keys (XDG Desktop Entry: `Key=Value` lines under `[Desktop Entry]`). */
function desktopEntry(file: string): Record<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n');
  expect(lines[0]).toBe('[Desktop Entry]');
  return Object.fromEntries(
    lines
      .slice(1)
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function recordingHost(platform: NodeJS.Platform, configHome = tempDir()) {
  const registered: Array<{ openAtLogin: boolean; args: string[] }> = [];
  const host: LoginItemHost = {
    platform,
    setLoginItemSettings: (item) => registered.push(item),
    linux: new LinuxAutostart(configHome, '/opt/Switchboard/switchboard'),
  };
  return { host, registered };
}

describe('starting with the computer’s sign-in', () => {
  it('on Linux, writes an XDG autostart entry that starts this executable into the tray, and removes it', () => {
    const configHome = tempDir();
    const { host, registered } = recordingHost('linux', configHome);
    applyOpenAtLogin(host, true);
    expect(host.linux.file).toBe(path.join(configHome, 'autostart', 'switchboard.desktop'));
    expect(desktopEntry(host.linux.file)).toMatchObject({
      Type: 'Application',
      Name: 'Switchboard',
      Exec: `/opt/Switchboard/switchboard ${STARTED_AT_LOGIN_FLAG}`,
      'X-GNOME-Autostart-enabled': 'true',
    });
    applyOpenAtLogin(host, true);
    expect(host.linux.isEnabled()).toBe(true);
    applyOpenAtLogin(host, false);
    expect(host.linux.isEnabled()).toBe(false);
    // Turning off what is not on changes nothing and does not throw.
    applyOpenAtLogin(host, false);
    expect(registered).toEqual([]);
  });

  it('on Windows and macOS, asks Electron for a login item that passes the sign-in flag', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const { host, registered } = recordingHost(platform);
      applyOpenAtLogin(host, true);
      applyOpenAtLogin(host, false);
      expect(registered).toEqual([
        { openAtLogin: true, args: [STARTED_AT_LOGIN_FLAG] },
        { openAtLogin: false, args: [STARTED_AT_LOGIN_FLAG] },
      ]);
      expect(host.linux.isEnabled()).toBe(false);
    }
  });

  it('quotes an executable path the way desktop entries need (an AppImage in "My Apps")', () => {
    expect(execArgument('/opt/Switchboard/switchboard')).toBe('/opt/Switchboard/switchboard');
    expect(execArgument('/home/ann/My Apps/Switchboard-1.0.AppImage')).toBe(
      '"/home/ann/My Apps/Switchboard-1.0.AppImage"',
    );
    expect(execArgument('/home/ann/a"b$c`d\\e')).toBe('"/home/ann/a\\"b\\$c\\`d\\\\e"');
    expect(execArgument('/home/ann/100%/app')).toBe('"/home/ann/100%%/app"');
    const configHome = tempDir();
    new LinuxAutostart(configHome, '/home/ann/My Apps/Switchboard.AppImage').apply(true);
    expect(desktopEntry(path.join(configHome, 'autostart', 'switchboard.desktop')).Exec).toBe(
      `"/home/ann/My Apps/Switchboard.AppImage" ${STARTED_AT_LOGIN_FLAG}`,
    );
  });

  it('finds the autostart folder in $XDG_CONFIG_HOME, else ~/.config', () => {
    expect(xdgConfigHome({ XDG_CONFIG_HOME: '/srv/ann/config' }, '/home/ann')).toBe('/srv/ann/config');
    expect(xdgConfigHome({}, '/home/ann')).toBe(path.join('/home/ann', '.config'));
    // A relative value is invalid per the spec and ignored.
    expect(xdgConfigHome({ XDG_CONFIG_HOME: 'config' }, '/home/ann')).toBe(path.join('/home/ann', '.config'));
  });

  it('a start from the sign-in stays in the tray; any other start shows the window', () => {
    expect(startedAtLogin(['/opt/Switchboard/switchboard', STARTED_AT_LOGIN_FLAG], false)).toBe(true);
    expect(startedAtLogin(['/Applications/Switchboard.app/Contents/MacOS/Switchboard'], true)).toBe(true);
    expect(startedAtLogin(['/opt/Switchboard/switchboard', 'switchboard://conversation/1'], false)).toBe(
      false,
    );
  });
});
