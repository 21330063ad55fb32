import { z } from 'zod';

/** electron-updater channels: `latest` is the stable release, `beta` also gets pre-releases. */
export const UpdateChannel = z.enum(['latest', 'beta']);
export type UpdateChannel = z.infer<typeof UpdateChannel>;

export const Settings = z.object({
  locale: z.enum(['en', 'zh-CN']).default('en'),
  theme: z.enum(['light', 'dark', 'system']).default('system'),
  sound: z.boolean().default(true),
  /** Minutes without input before the status turns away. */
  idleMinutes: z.number().int().min(1).max(240).default(5),
  /** The server the login screen offers (the last one used, or the organization's). Empty: none yet. */
  serverUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(2048)]).default(''),
  autoUpdate: z.boolean().default(true),
  updateChannel: UpdateChannel.default('latest'),
});
export type Settings = z.infer<typeof Settings>;

/** Settings an organization's policy can fix; the app shows them locked (PRODUCT 11). */
export const LockableSetting = z.enum(['serverUrl', 'autoUpdate', 'updateChannel']);
export type LockableSetting = z.infer<typeof LockableSetting>;
