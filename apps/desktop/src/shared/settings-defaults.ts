/**
 * The settings' choices and defaults as plain values: the renderer's first paint needs them
 * before any schema has loaded. `settings.ts` builds its zod schema from these.
 */
export const LOCALES = ['en', 'zh-CN'] as const;
export const THEMES = ['light', 'dark', 'system'] as const;
/** electron-updater channels: `latest` is the stable release, `beta` also gets pre-releases. */
export const UPDATE_CHANNELS = ['latest', 'beta'] as const;

export const DEFAULT_SETTINGS = {
  locale: 'en',
  theme: 'system',
  sound: true,
  idleMinutes: 5,
  serverUrl: '',
  autoUpdate: true,
  updateChannel: 'latest',
  keepRunningInTray: true,
  openAtLogin: false,
} as const;

export function isUpdateChannel(value: string): value is (typeof UPDATE_CHANNELS)[number] {
  return (UPDATE_CHANNELS as readonly string[]).includes(value);
}
