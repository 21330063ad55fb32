import { z } from 'zod';

export const Settings = z.object({
  locale: z.enum(['en', 'zh-CN']).default('en'),
  theme: z.enum(['light', 'dark', 'system']).default('system'),
  sound: z.boolean().default(true),
  /** Minutes without input before the status turns away. */
  idleMinutes: z.number().int().min(1).max(240).default(5),
});
export type Settings = z.infer<typeof Settings>;
