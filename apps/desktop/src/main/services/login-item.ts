import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PRODUCT_NAME } from '../app-identity.js';

/** Passed by the sign-in start: the app starts into the tray instead of showing its window. */
export const STARTED_AT_LOGIN_FLAG = '--started-at-login';

/**
 * Linux has no login-item API: desktops start what `$XDG_CONFIG_HOME/autostart/*.desktop` names
 * (XDG Autostart). The entry runs this very executable (the AppImage's path for an AppImage).
 */
export class LinuxAutostart {
  readonly file: string;

  constructor(
    configHome: string,
    private readonly executable: string,
  ) {
    this.file = path.join(configHome, 'autostart', `${PRODUCT_NAME.toLowerCase()}.desktop`);
  }

  isEnabled(): boolean {
    return existsSync(this.file);
  }

  apply(enabled: boolean): void {
    if (!enabled) {
      rmSync(this.file, { force: true });
      return;
    }
    mkdirSync(path.dirname(this.file), { recursive: true });
    const entry = [
      '[Desktop Entry]',
      'Type=Application',
      `Name=${PRODUCT_NAME}`,
      'Comment=Live chats, started with your session',
      `Exec=${execArgument(this.executable)} ${STARTED_AT_LOGIN_FLAG}`,
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ].join('\n');
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, entry);
    renameSync(temporary, this.file);
  }
}

/**
 * One argument of a desktop entry's Exec key: quoted when it holds anything but plain path
 * characters, with `"`, `` ` ``, `$` and `\` escaped inside the quotes, and `%` doubled (field codes).
 */
export function execArgument(value: string): string {
  const escaped = value.replaceAll('%', '%%');
  if (/^[A-Za-z0-9_./+-]+$/.test(escaped)) return escaped;
  return `"${escaped.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** `$XDG_CONFIG_HOME`, or `~/.config` when it is unset or not absolute (as the spec says). */
export function xdgConfigHome(env: NodeJS.ProcessEnv, home: string): string {
  const configured = env.XDG_CONFIG_HOME;
  return configured && path.isAbsolute(configured) ? configured : path.join(home, '.config');
}

export interface LoginItemHost {
  platform: NodeJS.Platform;
  /** Electron's `app.setLoginItemSettings` (Windows and macOS). */
  setLoginItemSettings(settings: { openAtLogin: boolean; args: string[] }): void;
  linux: LinuxAutostart;
}

/** Registers (or removes) the start at sign-in the `openAtLogin` setting asks for. */
export function applyOpenAtLogin(host: LoginItemHost, openAtLogin: boolean): void {
  if (host.platform === 'linux') host.linux.apply(openAtLogin);
  else host.setLoginItemSettings({ openAtLogin, args: [STARTED_AT_LOGIN_FLAG] });
}

/** Whether this start came from the sign-in: then the window stays in the tray until asked for. */
export function startedAtLogin(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return argv.includes(STARTED_AT_LOGIN_FLAG) || wasOpenedAtLogin;
}
