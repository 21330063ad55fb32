import { z } from 'zod';
import { DEFAULT_SETTINGS as D, LOCALES, THEMES, UPDATE_CHANNELS } from './settings-defaults.js';

/** electron-updater channels: `latest` is the stable release, `beta` also gets pre-releases. */
export const UpdateChannel = z.enum(UPDATE_CHANNELS);
export type UpdateChannel = z.infer<typeof UpdateChannel>;

export const Settings = z.object({
  locale: z.enum(LOCALES).default(D.locale),
  theme: z.enum(THEMES).default(D.theme),
  sound: z.boolean().default(D.sound),
  /** Minutes without input before the status turns away. */
  idleMinutes: z.number().int().min(1).max(240).default(D.idleMinutes),
  /** The server the login screen offers (the last one used, or the organization's). Empty: none yet. */
  serverUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(2048)]).default(D.serverUrl),
  autoUpdate: z.boolean().default(D.autoUpdate),
  updateChannel: UpdateChannel.default(D.updateChannel),
  /**
   * Desktop app: closing the window hides it to the tray, so the agent stays reachable (chats keep
   * ringing); the tray menu quits. Off: closing the window quits (macOS: leaves it in the dock).
   */
  keepRunningInTray: z.boolean().default(D.keepRunningInTray),
  /** Desktop app: start with the computer's sign-in, into the tray (login-item.ts). */
  openAtLogin: z.boolean().default(D.openAtLogin),
});
export type Settings = z.infer<typeof Settings>;

/** Settings an organization's policy can fix; the app shows them locked (PRODUCT 11). */
export const LockableSetting = z.enum([
  'serverUrl',
  'autoUpdate',
  'updateChannel',
  'keepRunningInTray',
  'openAtLogin',
]);
export type LockableSetting = z.infer<typeof LockableSetting>;
